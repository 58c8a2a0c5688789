// Small file helpers for the CLI.
#pragma once

#include <string>

namespace examready::app {

// Writes via a temp file in the same directory, fsync, rename: a reader never sees half a file.
void write_file_atomically(const std::string& path, const std::string& content);
// Reads a whole file, or stdin for "-". Throws InvalidInputError naming the file.
std::string read_input_file(const std::string& path);

}  // namespace examready::app
