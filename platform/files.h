// Files the programs read whole (rules sets, pasted getprop dumps, reports) and where the
// running program lives, so data shipped beside it can be found.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

namespace examready::platform {

// The whole file when it is readable and holds at most `max_bytes`; otherwise nullopt with
// `error` saying why ("No such file or directory", "larger than 1048576 bytes", "is a
// directory"). Pipes and devices are read too, never past max_bytes + 1 bytes, so /dev/zero
// or an endless pipe cannot exhaust memory.
std::optional<std::string> read_text_file(const std::filesystem::path& path, std::size_t max_bytes,
                                          std::string& error);

// Appends the rest of `in` to `text`; false (with max_bytes + up to 64 KiB read) when it holds
// more than `max_bytes`. For stdin, which has no path.
bool read_bounded(std::istream& in, std::size_t max_bytes, std::string& text);

// The directory of the running executable; empty when the OS does not say.
std::filesystem::path executable_dir();
// The user's home directory ($HOME, else the account's).
std::filesystem::path home_directory();

// Writes via a temporary file in the same directory, flushes it to the disk, renames it over
// `path` and flushes the directory: a reader never sees half a file, and once this returns
// true a crash or power cut does not lose it. false with `error` set otherwise (nothing is
// left behind). `mode`: the permissions of a new file.
bool write_file_durably(const std::filesystem::path& path, std::string_view content,
                        std::string& error, unsigned mode = 0644);
// Renames (within one file system) or removes a file, then flushes its directory so the
// change survives a crash. Removing a file that is not there succeeds.
bool rename_durably(const std::filesystem::path& from, const std::filesystem::path& to,
                    std::string& error);
bool remove_durably(const std::filesystem::path& path, std::string& error);

// The file's contents; when it does not exist yet, creates it with `make()`'s contents,
// durably and atomically: two processes racing both get the one that was created first.
// nullopt with `error` when it can be neither read nor created.
std::optional<std::string> read_or_create_file(const std::filesystem::path& path,
                                               const std::function<std::string()>& make,
                                               std::string& error, unsigned mode = 0600);

// Where examready keeps its state on this machine: $XDG_STATE_HOME/examready, else
// ~/.local/state/examready (the upload queue, the installation secret).
std::filesystem::path state_directory();

// An exclusive advisory lock on a lock file, held until destroyed; the OS releases it when
// the process dies, so a crash never leaves it stuck.
class FileLock {
 public:
  // nullopt when another process holds it (error empty) or the file cannot be opened.
  static std::optional<FileLock> try_acquire(const std::filesystem::path& path, std::string& error);
  FileLock(FileLock&& other) noexcept;
  FileLock& operator=(FileLock&&) = delete;
  FileLock(const FileLock&) = delete;
  ~FileLock();

 private:
  explicit FileLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace examready::platform
