// The body budget (limits.h).
#include "server/http/limits.h"

#include <algorithm>

namespace examready::server::http {

bool BodyBudget::reserve(const std::string& client, std::uint64_t bytes) {
  std::lock_guard lock(mutex_);
  std::uint64_t& mine = per_client_[client];
  if (used_ + bytes > limit_ || mine + bytes > per_client_limit_) {
    if (mine == 0) per_client_.erase(client);
    return false;
  }
  used_ += bytes;
  mine += bytes;
  return true;
}

void BodyBudget::release(const std::string& client, std::uint64_t bytes) {
  std::lock_guard lock(mutex_);
  const auto mine = per_client_.find(client);
  if (mine == per_client_.end()) return;
  bytes = std::min(bytes, mine->second);
  used_ -= bytes;
  mine->second -= bytes;
  if (mine->second == 0) per_client_.erase(mine);
}

}  // namespace examready::server::http
