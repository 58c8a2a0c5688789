// Bounded whole-file reads with std::filesystem and streams (the same on every OS).
#include "platform/files.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

namespace examready::platform {

bool read_bounded(std::istream& in, std::size_t max_bytes, std::string& text) {
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_bytes) return false;
  }
  return true;
}

std::optional<std::string> read_text_file(const std::filesystem::path& path, std::size_t max_bytes,
                                          std::string& error) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec) {
    error = ec.message();
    return std::nullopt;
  }
  // Pipes and character devices are read too (a process substitution, /dev/stdin), but
  // never past the bound.
  if (std::filesystem::is_directory(status)) {
    error = "is a directory";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  std::string text;
  if (!read_bounded(in, max_bytes, text)) {
    error = "larger than " + std::to_string(max_bytes) + " bytes";
    return std::nullopt;
  }
  if (in.bad()) {  // EIO from a driver's attribute file, a disk error
    error = "read error";
    return std::nullopt;
  }
  return text;
}

}  // namespace examready::platform
