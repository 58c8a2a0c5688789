// The offline upload queue.
#include "reports/upload/upload_queue.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace examready::reports {
namespace fs = std::filesystem;
namespace {

bool valid_id(const std::string& id) {
  static const std::regex pattern("^[A-Za-z0-9_-]{22}$");
  return std::regex_match(id, pattern);
}

[[noreturn]] void fail(const std::string& what, const fs::path& path) {
  throw std::runtime_error(what + " " + path.string() + ": " + std::strerror(errno));
}

void fsync_dir(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) fail("cannot open", dir);
  ::fsync(fd);
  ::close(fd);
}

void write_durably(const fs::path& path, const std::string& content) {
  const fs::path temp = path.string() + ".tmp." + std::to_string(::getpid());
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) fail("cannot create", temp);
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      ::unlink(temp.c_str());
      fail("cannot write", temp);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    ::close(fd);
    ::unlink(temp.c_str());
    fail("cannot fsync", temp);
  }
  ::close(fd);
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    ::unlink(temp.c_str());
    fail("cannot rename into", path);
  }
  fsync_dir(path.parent_path());
}

}  // namespace

UploadQueue::UploadQueue(fs::path dir) : dir_(std::move(dir)) {}

fs::path UploadQueue::default_dir() {
  if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state) {
    return fs::path(state) / "examready" / "queue";
  }
  const char* home = std::getenv("HOME");
  return fs::path(home && *home ? home : "/tmp") / ".local" / "state" / "examready" / "queue";
}

fs::path UploadQueue::path_of(const std::string& report_id) const {
  if (!valid_id(report_id)) throw std::runtime_error("not a report id: " + report_id);
  return dir_ / (report_id + ".json");
}

void UploadQueue::enqueue(const std::string& report_id, const std::string& report_json) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) throw std::runtime_error("cannot create " + dir_.string() + ": " + ec.message());
  write_durably(path_of(report_id), report_json);
}

std::vector<std::string> UploadQueue::pending() const {
  std::vector<std::pair<fs::file_time_type, std::string>> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir_, ec)) {
    const fs::path& p = entry.path();
    if (p.extension() != ".json" || !entry.is_regular_file()) continue;
    const std::string id = p.stem().string();
    if (valid_id(id)) found.emplace_back(entry.last_write_time(ec), id);
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> ids;
  for (auto& [time, id] : found) ids.push_back(std::move(id));
  return ids;
}

std::string UploadQueue::read(const std::string& report_id) const {
  std::ifstream in(path_of(report_id), std::ios::binary);
  if (!in) fail("cannot read", path_of(report_id));
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

void UploadQueue::remove(const std::string& report_id) {
  if (::unlink(path_of(report_id).c_str()) != 0 && errno != ENOENT)
    fail("cannot remove", path_of(report_id));
  fsync_dir(dir_);
}

void UploadQueue::reject(const std::string& report_id, const std::string& reason) {
  const fs::path rejected = dir_ / "rejected";
  std::error_code ec;
  fs::create_directories(rejected, ec);
  write_durably(rejected / (report_id + ".reason.txt"), reason + "\n");
  if (::rename(path_of(report_id).c_str(), (rejected / (report_id + ".json")).c_str()) != 0) {
    fail("cannot move", path_of(report_id));
  }
  fsync_dir(dir_);
}

FlushResult flush_queue(
    UploadQueue& queue, const UploadOptions& options,
    const std::function<void(const std::string&, const UploadOutcome&)>& on_result,
    const std::string& only) {
  FlushResult result;
  std::error_code ec;
  fs::create_directories(queue.dir(), ec);
  // The lock is released by the kernel if this process is killed, so a crash never
  // leaves the queue stuck.
  const fs::path lock_path = queue.dir() / ".lock";
  const int lock_fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (lock_fd < 0) fail("cannot open", lock_path);
  if (::flock(lock_fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(lock_fd);
    result.locked_out = true;
    result.still_queued = static_cast<int>(queue.pending().size());
    return result;
  }
  bool server_unreachable = false;
  for (const auto& id : queue.pending()) {
    if (!only.empty() && id != only) continue;
    if (server_unreachable) {
      ++result.still_queued;
      continue;
    }
    UploadOutcome outcome = upload_report(queue.read(id), id, options);
    switch (outcome.status) {
      case UploadStatus::kStored:
        ++result.stored;
        break;
      case UploadStatus::kReplayed:
        ++result.replayed;
        break;
      case UploadStatus::kConflict:
        ++result.conflicts;
        break;
      case UploadStatus::kRejected:
        ++result.rejected;
        break;
      default:
        ++result.still_queued;
        // One failure after all retries says the server is down: do not wait out the
        // backoff once per queued report.
        server_unreachable = true;
        break;
    }
    if (outcome.status == UploadStatus::kRejected) {
      queue.reject(id, "HTTP " + std::to_string(outcome.http_status) + ": " + outcome.message);
    } else if (is_final(outcome.status)) {
      queue.remove(id);
    }
    if (on_result) on_result(id, outcome);
  }
  ::flock(lock_fd, LOCK_UN);
  ::close(lock_fd);
  return result;
}

}  // namespace examready::reports
