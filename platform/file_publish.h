// The one step of read_or_create_file (files.h) that each OS does its own way: giving a
// finished temporary file its name only if no file has that name yet, durably.
#pragma once

#include <filesystem>
#include <string>

namespace examready::platform {

enum class Publish { kCreated, kExists, kFailed };

// `temp` is gone afterwards whatever the answer; kFailed sets `error`.
Publish publish_if_absent(const std::filesystem::path& temp, const std::filesystem::path& path,
                          std::string& error);

}  // namespace examready::platform
