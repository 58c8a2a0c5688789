// Durable writes, renames and removals (FlushFileBuffers, MOVEFILE_WRITE_THROUGH) and
// LockFileEx locks on Windows.
#include <io.h>
#include <windows.h>

#include <atomic>
#include <utility>

#include "platform/file_publish.h"
#include "platform/files.h"
#include "platform/windows/wide_text.h"

namespace examready::platform {
namespace {

std::string describe(std::string_view what, const std::filesystem::path& path) {
  return windows::last_error(std::string(what) + " " + path.string());
}

bool write_all(HANDLE file, std::string_view content) {
  std::size_t done = 0;
  while (done < content.size()) {
    DWORD written = 0;
    const auto chunk = static_cast<DWORD>(std::min<std::size_t>(content.size() - done, 1 << 24));
    if (!::WriteFile(file, content.data() + done, chunk, &written, nullptr) || written == 0)
      return false;
    done += written;
  }
  return true;
}

std::filesystem::path temporary_beside(const std::filesystem::path& path, std::string_view kind) {
  static std::atomic<unsigned> counter{0};
  return path.wstring() +
         windows::widen(std::string(kind) + std::to_string(::GetCurrentProcessId()) + "." +
                        std::to_string(counter++));
}

}  // namespace

bool write_file_durably(const std::filesystem::path& path, std::string_view content,
                        std::string& error,
                        unsigned /*mode: Windows files inherit the folder's ACL*/) {
  const std::filesystem::path temp = temporary_beside(path, ".tmp.");
  HANDLE file = ::CreateFileW(temp.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_ALWAYS,
                              FILE_ATTRIBUTE_NORMAL, nullptr);
  if (file == INVALID_HANDLE_VALUE) {
    error = describe("cannot create", temp);
    return false;
  }
  const bool written = write_all(file, content) && ::FlushFileBuffers(file);
  if (!written) error = describe("cannot write", temp);
  ::CloseHandle(file);
  // MOVEFILE_WRITE_THROUGH returns once the rename is on the disk: the directory's fsync.
  if (written && !::MoveFileExW(temp.c_str(), path.c_str(),
                                MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
    error = describe("cannot rename into", path);
    ::DeleteFileW(temp.c_str());
    return false;
  }
  if (!written) ::DeleteFileW(temp.c_str());
  return written;
}

bool rename_durably(const std::filesystem::path& from, const std::filesystem::path& to,
                    std::string& error) {
  if (!::MoveFileExW(from.c_str(), to.c_str(),
                     MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
    error = describe("cannot move", from);
    return false;
  }
  return true;
}

bool remove_durably(const std::filesystem::path& path, std::string& error) {
  if (!::DeleteFileW(path.c_str())) {
    const DWORD code = ::GetLastError();
    if (code == ERROR_FILE_NOT_FOUND || code == ERROR_PATH_NOT_FOUND) return true;
    ::SetLastError(code);
    error = describe("cannot remove", path);
    return false;
  }
  return true;
}

std::optional<FileLock> FileLock::try_acquire(const std::filesystem::path& path,
                                              std::string& error) {
  HANDLE file =
      ::CreateFileW(path.c_str(), GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                    nullptr, OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, nullptr);
  if (file == INVALID_HANDLE_VALUE) {
    error = describe("cannot open", path);
    return std::nullopt;
  }
  OVERLAPPED whole{};
  if (!::LockFileEx(file, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, MAXDWORD,
                    MAXDWORD, &whole)) {
    ::CloseHandle(file);
    error.clear();
    return std::nullopt;
  }
  // Kept as a C runtime descriptor (files.h's FileLock holds an int); closing it unlocks.
  const int fd = ::_open_osfhandle(reinterpret_cast<intptr_t>(file), 0);
  if (fd < 0) {
    ::CloseHandle(file);
    error = "cannot keep the lock file open";
    return std::nullopt;
  }
  return FileLock(fd);
}

FileLock::FileLock(FileLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

FileLock::~FileLock() {
  if (fd_ < 0) return;
  OVERLAPPED whole{};
  ::UnlockFileEx(reinterpret_cast<HANDLE>(::_get_osfhandle(fd_)), 0, MAXDWORD, MAXDWORD, &whole);
  ::_close(fd_);
}

// Without MOVEFILE_REPLACE_EXISTING the move fails when the name exists: the first creator
// wins.
Publish publish_if_absent(const std::filesystem::path& temp, const std::filesystem::path& path,
                          std::string& error) {
  if (::MoveFileExW(temp.c_str(), path.c_str(), MOVEFILE_WRITE_THROUGH)) return Publish::kCreated;
  const DWORD code = ::GetLastError();
  ::DeleteFileW(temp.c_str());
  if (code == ERROR_ALREADY_EXISTS || code == ERROR_FILE_EXISTS) return Publish::kExists;
  ::SetLastError(code);
  error = describe("cannot create", path);
  return Publish::kFailed;
}

}  // namespace examready::platform
