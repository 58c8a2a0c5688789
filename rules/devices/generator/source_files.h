// The generator's file I/O, shared by examready-devicedb and bench/devices: whole files in,
// and the committed sources directory (rules/devices/sources/*.tsv) as source sets.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "rules/devices/generator/build_database.h"

namespace examready::devices::generator {

// Throws std::runtime_error naming the file when it cannot be read.
std::string read_text_file(const std::filesystem::path& path);

// The regular files of `dir` whose name `keep` accepts, in file-name order (stable output).
std::vector<std::filesystem::path> files_in(
    const std::filesystem::path& dir,
    const std::function<bool(const std::filesystem::path&)>& keep);

// Every *.tsv of `dir`, in file-name order, each credited to its name without the extension
// ("google-play"). Throws on an unreadable or malformed file, naming it and the line.
std::vector<SourceSet> read_source_dir(const std::filesystem::path& dir);

}  // namespace examready::devices::generator
