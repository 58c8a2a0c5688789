// The offline upload queue.
#include "reports/upload/upload_queue.h"

#include <algorithm>
#include <cstdlib>
#include <regex>
#include <stdexcept>

#include "platform/files.h"

namespace examready::reports {
namespace fs = std::filesystem;
namespace {

bool valid_id(const std::string& id) {
  static const std::regex pattern("^[A-Za-z0-9_-]{22}$");
  return std::regex_match(id, pattern);
}

// A temporary file of write_file_durably for one of the queue's own files: "<id>.json" or
// "<id>.reason.txt", then ".tmp." and the writer's digits ("<pid>" on Linux, "<pid>.<n>" on
// Windows). Nothing else in the directory, which the user may have chosen (--queue-dir), is
// the queue's to remove.
bool is_queue_temporary(const std::string& name) {
  const std::size_t tmp = name.find(".tmp.");
  if (tmp == std::string::npos) return false;
  const std::string final_name = name.substr(0, tmp);
  const std::string writer = name.substr(tmp + 5);
  if (writer.empty() || writer.find_first_not_of("0123456789.") != std::string::npos) return false;
  for (const std::string_view ending : {".json", ".reason.txt"}) {
    if (final_name.size() > ending.size() && final_name.ends_with(ending) &&
        valid_id(final_name.substr(0, final_name.size() - ending.size()))) {
      return true;
    }
  }
  return false;
}

// The queue's failures are exceptions: the commands turn them into a message and exit code.
void check(bool ok, const std::string& error) {
  if (!ok) throw std::runtime_error(error);
}

}  // namespace

UploadQueue::UploadQueue(fs::path dir) : dir_(std::move(dir)) {}

fs::path UploadQueue::default_dir() { return platform::state_directory() / "queue"; }

fs::path UploadQueue::path_of(const std::string& report_id) const {
  if (!valid_id(report_id)) throw std::runtime_error("not a report id: " + report_id);
  return dir_ / (report_id + ".json");
}

void UploadQueue::enqueue(const std::string& report_id, const std::string& report_json) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) throw std::runtime_error("cannot create " + dir_.string() + ": " + ec.message());
  if (!fs::exists(path_of(report_id), ec) && pending().size() >= kMaxQueuedReports) {
    throw std::runtime_error(dir_.string() + " already holds " + std::to_string(kMaxQueuedReports) +
                             " reports waiting; send them with `examready upload`");
  }
  std::string error;
  check(platform::write_file_durably(path_of(report_id), report_json, error, 0600), error);
}

namespace {

// The report ids with a "<id>.json" in `dir`, oldest first.
std::vector<std::string> reports_in(const fs::path& dir) {
  std::vector<std::pair<fs::file_time_type, std::string>> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const fs::path& p = entry.path();
    if (p.extension() != ".json" || !entry.is_regular_file(ec)) continue;
    const std::string id = p.stem().string();
    if (valid_id(id)) found.emplace_back(entry.last_write_time(ec), id);
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> ids;
  for (auto& [time, id] : found) ids.push_back(std::move(id));
  return ids;
}

}  // namespace

std::vector<std::string> UploadQueue::pending() const { return reports_in(dir_); }

std::string UploadQueue::read(const std::string& report_id) const {
  std::string error;
  auto text = platform::read_text_file(path_of(report_id), kMaxQueuedReportBytes, error);
  if (!text) throw std::runtime_error("cannot read " + path_of(report_id).string() + ": " + error);
  return std::move(*text);
}

void UploadQueue::remove(const std::string& report_id) {
  std::string error;
  check(platform::remove_durably(path_of(report_id), error), error);
}

int UploadQueue::reject(const std::string& report_id, const std::string& reason) {
  const fs::path rejected = dir_ / "rejected";
  std::error_code ec;
  fs::create_directories(rejected, ec);
  std::string error;
  check(platform::write_file_durably(rejected / (report_id + ".reason.txt"), reason + "\n", error,
                                     0600),
        error);
  const fs::path kept_as = rejected / (report_id + ".json");
  check(platform::rename_durably(path_of(report_id), kept_as, error), error);
  // rejected/ is ordered by when a report was refused: a rename keeps the time it was queued,
  // and an old report refused now must not be the first one dropped.
  fs::last_write_time(kept_as, fs::file_time_type::clock::now(), ec);
  std::vector<std::string> older = reports_in(rejected);
  std::erase(older, report_id);  // never the one just refused, whatever the clock says
  // Past the limit with the one just refused: that many of the oldest go.
  const std::size_t excess =
      older.size() + 1 > kMaxRejectedReports ? older.size() + 1 - kMaxRejectedReports : 0;
  int dropped = 0;
  for (std::size_t i = 0; i < excess; ++i) {
    // The report before its reason: a failed removal never leaves a report without one.
    if (!fs::remove(rejected / (older[i] + ".json"), ec)) continue;
    fs::remove(rejected / (older[i] + ".reason.txt"), ec);
    ++dropped;
  }
  return dropped;
}

int UploadQueue::requeue_rejected() {
  const fs::path rejected = dir_ / "rejected";
  int count = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(rejected, ec)) {
    const fs::path& p = entry.path();
    const std::string id = p.stem().string();
    if (p.extension() != ".json" || !valid_id(id) || !entry.is_regular_file()) continue;
    std::string error;
    check(platform::rename_durably(p, path_of(id), error), error);
    fs::remove(rejected / (id + ".reason.txt"), ec);
    ++count;
  }
  return count;
}

int UploadQueue::remove_stale_temporaries(std::chrono::seconds age) {
  int removed = 0;
  const auto cutoff = fs::file_time_type::clock::now() - age;
  for (const fs::path& dir : {dir_, dir_ / "rejected"}) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (!is_queue_temporary(entry.path().filename().string()) || !entry.is_regular_file(ec)) {
        continue;
      }
      const auto written = entry.last_write_time(ec);
      if (ec || written > cutoff) continue;
      if (fs::remove(entry.path(), ec)) ++removed;
    }
  }
  return removed;
}

FlushResult flush_queue(
    UploadQueue& queue, const UploadOptions& options,
    const std::function<void(const std::string&, const UploadOutcome&)>& on_result,
    const std::string& only,
    const std::function<void(const std::string&, const std::string&)>& on_unreadable) {
  FlushResult result;
  std::error_code ec;
  fs::create_directories(queue.dir(), ec);
  // The lock is released by the kernel if this process is killed, so a crash never
  // leaves the queue stuck.
  std::string error;
  const auto lock = platform::FileLock::try_acquire(queue.dir() / ".lock", error);
  if (!lock) {
    if (!error.empty()) throw std::runtime_error(error);
    result.locked_out = true;
    result.still_queued = static_cast<int>(queue.pending().size());
    return result;
  }
  queue.remove_stale_temporaries();
  bool server_unavailable = false;
  for (const auto& id : queue.pending()) {
    if (!only.empty() && id != only) continue;
    if (server_unavailable) {
      ++result.still_queued;
      continue;
    }
    // One entry that cannot be read (another user's file, a stray huge file) is skipped, not
    // allowed to stop the reports behind it.
    std::string json;
    try {
      json = queue.read(id);
    } catch (const std::runtime_error& e) {
      ++result.still_queued;
      if (on_unreadable) on_unreadable(id, e.what());
      continue;
    }
    UploadOutcome outcome = upload_report(json, id, options);
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
        // No answer, or the collector busy, after all retries: the next reports would fare
        // no better, so do not wait out the backoff once per queued report. A failure of
        // this report alone (a 507 for its size, a 500) does not stop the others.
        server_unavailable = outcome.server_unavailable;
        break;
    }
    if (outcome.status == UploadStatus::kRejected) {
      result.rejected_dropped +=
          queue.reject(id, "HTTP " + std::to_string(outcome.http_status) + ": " + outcome.message);
    } else if (is_final(outcome.status)) {
      queue.remove(id);
    }
    if (on_result) on_result(id, outcome);
  }
  return result;
}

}  // namespace examready::reports
