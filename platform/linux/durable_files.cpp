// Durable writes, renames and removals (fsync of the file and of its directory) and flock
// locks on Linux.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "platform/file_publish.h"
#include "platform/files.h"

namespace examready::platform {
namespace {

std::string describe(std::string_view what, const std::filesystem::path& path) {
  return std::string(what) + " " + path.string() + ": " + std::strerror(errno);
}

bool sync_dir(const std::filesystem::path& dir, std::string& error) {
  const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    error = describe("cannot open", dir);
    return false;
  }
  ::fsync(fd);
  ::close(fd);
  return true;
}

bool write_all(int fd, std::string_view content) {
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

bool write_file_durably(const std::filesystem::path& path, std::string_view content,
                        std::string& error, unsigned mode) {
  const std::filesystem::path temp = path.string() + ".tmp." + std::to_string(::getpid());
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  if (fd < 0) {
    error = describe("cannot create", temp);
    return false;
  }
  if (!write_all(fd, content) || ::fsync(fd) != 0) {
    error = describe("cannot write", temp);
    ::close(fd);
    ::unlink(temp.c_str());
    return false;
  }
  ::close(fd);
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    error = describe("cannot rename into", path);
    ::unlink(temp.c_str());
    return false;
  }
  return sync_dir(path.parent_path(), error);
}

bool rename_durably(const std::filesystem::path& from, const std::filesystem::path& to,
                    std::string& error) {
  if (::rename(from.c_str(), to.c_str()) != 0) {
    error = describe("cannot move", from);
    return false;
  }
  return sync_dir(to.parent_path(), error) && sync_dir(from.parent_path(), error);
}

bool remove_durably(const std::filesystem::path& path, std::string& error) {
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) {
    error = describe("cannot remove", path);
    return false;
  }
  return sync_dir(path.parent_path(), error);
}

std::optional<FileLock> FileLock::try_acquire(const std::filesystem::path& path,
                                              std::string& error) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    error = describe("cannot open", path);
    return std::nullopt;
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    error.clear();
    return std::nullopt;
  }
  return FileLock(fd);
}

FileLock::FileLock(FileLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

FileLock::~FileLock() {
  if (fd_ < 0) return;
  ::flock(fd_, LOCK_UN);
  ::close(fd_);
}

// link(2) fails when the name exists: the first creator wins.
Publish publish_if_absent(const std::filesystem::path& temp, const std::filesystem::path& path,
                          std::string& error) {
  const bool created = ::link(temp.c_str(), path.c_str()) == 0;
  const int link_errno = errno;
  ::unlink(temp.c_str());
  if (created) return sync_dir(path.parent_path(), error) ? Publish::kCreated : Publish::kFailed;
  if (link_errno == EEXIST) return Publish::kExists;
  errno = link_errno;
  error = describe("cannot create", path);
  return Publish::kFailed;
}

}  // namespace examready::platform
