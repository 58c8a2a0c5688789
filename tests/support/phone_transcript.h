// A recorded phone's answers to the shell commands the probe sends it, from a device
// directory under tests/fixtures/android/ (getprop.txt, dumpsys_<service>.txt, settings.txt…;
// see its README). One replay for both test doubles of adb: the in-process FakeHost
// (phone_replay.h) and the fake `adb` program the CLI tests put on PATH (fake_adb.cpp),
// which is a Windows executable too, so the same transcripts run under Wine.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/host.h"

namespace examready::test {

// The whole file, or nullopt when it cannot be read.
std::optional<std::string> slurp(const std::filesystem::path& path);

// The words of a command line as a POSIX shell splits them, for the quoting the probe uses
// (platform::android::shell_quote: bare words, '…' with '\'' for a quote) and "…" / \x.
std::vector<std::string> split_shell_words(std::string_view line);

// The phone's answer to `argv` (a `sh -c 'CMD && echo MARKER'` replays CMD, then prints the
// marker if CMD succeeded). Unknown commands answer as Android's shell does (127).
platform::CommandResult replay_phone_command(const std::filesystem::path& device_dir,
                                             const std::vector<std::string>& argv);

// One property of the device's getprop.txt; empty when it has none.
std::string recorded_prop(const std::filesystem::path& device_dir, std::string_view name);

}  // namespace examready::test
