// The on-disk offline queue: every report to upload is first written here (temp file,
// fsync, rename, fsync of the directory) and removed only once the server answered for
// it, so a report made offline, or a probe killed mid-upload, is sent on the next run.
// A replay of a report the server already stored is a no-op there (idempotent on id).
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "reports/upload/upload.h"

namespace examready::reports {

// A queued report larger than this is not one the probe wrote (the collector takes 1 MiB).
inline constexpr std::size_t kMaxQueuedReportBytes = 16 << 20;
// Reports waiting at most: a check a minute for a week offline is far fewer. Past it, enqueue
// refuses (the check then sends directly or says it could not keep the report) rather than
// filling the disk of a machine whose collector is gone. A soft bound: two processes queueing
// at the same moment may both pass it by one.
inline constexpr std::size_t kMaxQueuedReports = 2000;
// Reports the server refused for good kept under rejected/ at most (for `examready upload
// --retry-rejected` after a collector fix, and for a person to read why): past it the oldest
// go, with their reasons, so a collector that refuses every report cannot fill the disk.
inline constexpr std::size_t kMaxRejectedReports = 200;
// A writer's temporary file (`<id>.json.tmp.<pid>`) older than this was left by a process
// killed mid-write: the flush removes it. Writing one takes milliseconds.
inline constexpr std::chrono::hours kStaleTemporaryAge{1};

class UploadQueue {
 public:
  explicit UploadQueue(std::filesystem::path dir);
  // $XDG_STATE_HOME/examready/queue, else ~/.local/state/examready/queue.
  static std::filesystem::path default_dir();

  const std::filesystem::path& dir() const { return dir_; }
  // Durable once it returns. Throws std::runtime_error (with the path) on I/O errors, and
  // when kMaxQueuedReports are already waiting (a report already queued may be rewritten).
  void enqueue(const std::string& report_id, const std::string& report_json);
  // Queued report ids, oldest first.
  std::vector<std::string> pending() const;
  std::string read(const std::string& report_id) const;
  void remove(const std::string& report_id);
  // Keeps a report the server refused for good under rejected/, out of the way of retries,
  // then removes the oldest there past kMaxRejectedReports; returns how many it removed.
  int reject(const std::string& report_id, const std::string& reason);
  // Puts every report under rejected/ back in the queue; returns how many.
  int requeue_rejected();
  // Removes the queue's own temporary files ("<id>.json.tmp.<pid>", "<id>.reason.txt.tmp.<pid>")
  // older than `age` here and under rejected/ (a process killed between creating and renaming
  // one); returns how many. Any other file is left alone.
  int remove_stale_temporaries(std::chrono::seconds age = kStaleTemporaryAge);

 private:
  std::filesystem::path path_of(const std::string& report_id) const;
  std::filesystem::path dir_;
};

struct FlushResult {
  int stored = 0;
  int replayed = 0;
  int conflicts = 0;
  int rejected = 0;
  int rejected_dropped = 0;  // the oldest refused reports removed to keep kMaxRejectedReports
  int still_queued = 0;
  bool locked_out = false;  // another examready process is flushing this queue
};

// Uploads every queued report (under an exclusive lock on the queue). `only`, when not
// empty, limits the flush to that report id. on_result is called once per report tried,
// on_unreadable (id, error) for an entry that could not be read and was skipped.
FlushResult flush_queue(
    UploadQueue& queue, const UploadOptions& options,
    const std::function<void(const std::string&, const UploadOutcome&)>& on_result,
    const std::string& only = "",
    const std::function<void(const std::string&, const std::string&)>& on_unreadable = {});

}  // namespace examready::reports
