// Runs an external program with a hard deadline: the building block of every
// transport that shells out (adb, ideviceinfo, ffmpeg in benchmarks).
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "platform/host.h"

namespace examready::platform {

// Runs argv[0] (looked up on PATH) with stdin from /dev/null, capturing stdout and
// stderr. At the deadline the whole process group is killed and timed_out is set; it never
// blocks longer than the timeout plus a few ms. Output beyond max_output bytes (per stream)
// is read and dropped, and overflowed is set, so that a caller can tell a program that
// printed without end from one that hung.
inline constexpr std::size_t kDefaultMaxOutput = 16 * 1024 * 1024;
CommandResult run_process(const std::vector<std::string>& argv, std::chrono::milliseconds timeout,
                          std::size_t max_output = kDefaultMaxOutput);

}  // namespace examready::platform
