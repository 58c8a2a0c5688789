// Small file helpers for the CLI.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace examready::app {

// Writes via a temp file in the same directory, fsync, rename: a reader never sees half a file.
void write_file_atomically(const std::string& path, const std::string& content);
// Reports and getprop dumps are tens of KB; a bigger input is not one (and must not cost
// memory: /dev/zero, a 300 MB log pasted by mistake).
inline constexpr std::size_t kMaxInputFileBytes = 4 << 20;

// Reads a whole file, or stdin for "-", up to kMaxInputFileBytes. Throws InvalidInputError
// naming the file.
std::string read_input_file(const std::string& path);

// An evaluation time given on the command line (`--date`): "YYYY-MM-DD" (noon UTC) or a UTC
// time; empty is now. Throws UsageError naming `option`.
std::chrono::system_clock::time_point evaluation_time(const std::string& date,
                                                      const std::string& option);

}  // namespace examready::app
