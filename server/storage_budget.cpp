// Disk budget (storage_budget.h).
#include "server/storage_budget.h"

namespace examready::server {

StorageBudget::StorageBudget(Storage& storage, std::int64_t max_reports, std::int64_t max_bytes)
    : storage_(storage), max_reports_(max_reports), max_bytes_(max_bytes) {}

bool StorageBudget::admits(std::int64_t bytes) {
  if (max_reports_ <= 0 && max_bytes_ <= 0) return true;
  std::lock_guard lock(mutex_);
  const auto now = Clock::now();
  if (now - read_at_ > std::chrono::seconds(2)) {
    usage_ = storage_.usage();
    read_at_ = now;
  }
  if (max_reports_ > 0 && usage_.reports + 1 > max_reports_) return false;
  return max_bytes_ <= 0 || usage_.body_bytes + bytes <= max_bytes_;
}

void StorageBudget::stored(std::int64_t bytes) {
  std::lock_guard lock(mutex_);
  usage_.reports += 1;
  usage_.body_bytes += bytes;
}

}  // namespace examready::server
