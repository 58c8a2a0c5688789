// The collector's disk budget: at most so many reports and so many stored bytes, checked
// before each insert (507 beyond). Several instances share one database, so the figures
// come from the database's own counters, re-read every few seconds, plus this instance's
// inserts since: the budget can be overshot by what all instances store in that time.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>

#include "server/storage.h"

namespace examready::server {

class StorageBudget {
 public:
  using Clock = std::chrono::steady_clock;
  // 0 for a limit: none.
  StorageBudget(Storage& storage, std::int64_t max_reports, std::int64_t max_bytes);

  // False when one more report of `bytes` would pass a limit. Throws StorageError.
  bool admits(std::int64_t bytes);
  void stored(std::int64_t bytes);

 private:
  Storage& storage_;
  std::int64_t max_reports_, max_bytes_;
  std::mutex mutex_;
  StorageUsage usage_;
  Clock::time_point read_at_{};
};

}  // namespace examready::server
