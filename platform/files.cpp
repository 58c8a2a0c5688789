// Bounded whole-file reads with std::filesystem and streams, and read_or_create_file on the
// OS's publish_if_absent (the same on every OS).
#include "platform/files.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

#include "platform/file_publish.h"
#include "platform/process.h"

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

std::optional<std::string> read_or_create_file(const std::filesystem::path& path,
                                               const std::function<std::string()>& make,
                                               std::string& error, unsigned mode) {
  constexpr std::size_t kMaxBytes = 1 << 20;
  if (auto existing = read_text_file(path, kMaxBytes, error)) return existing;
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  const std::string content = make();
  static std::atomic<unsigned> counter{0};
  std::filesystem::path temp = path;
  temp += ".new." + std::to_string(current_process_id()) + "." + std::to_string(counter++);
  if (!write_file_durably(temp, content, error, mode)) return std::nullopt;
  // Whoever names it first wins, and everyone reads that file.
  switch (publish_if_absent(temp, path, error)) {
    case Publish::kCreated:
      return content;
    case Publish::kExists:
      return read_text_file(path, kMaxBytes, error);
    case Publish::kFailed:
      break;
  }
  return std::nullopt;
}

}  // namespace examready::platform
