// Files the programs read whole (rules sets, pasted getprop dumps, reports) and where the
// running program lives, so data shipped beside it can be found.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace examready::platform {

// The whole file when it is a readable regular file of at most `max_bytes`; otherwise
// nullopt with `error` saying why ("No such file or directory", "larger than 1048576
// bytes", "not a regular file"). Never reads more than max_bytes + 1 bytes, so /dev/zero
// or a pipe cannot exhaust memory.
std::optional<std::string> read_text_file(const std::filesystem::path& path, std::size_t max_bytes,
                                          std::string& error);

// The directory of the running executable; empty when the OS does not say.
std::filesystem::path executable_dir();

}  // namespace examready::platform
