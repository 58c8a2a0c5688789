// Per-client token buckets.
#include "server/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace examready::server {

RateLimiter::RateLimiter(double burst, double per_second, std::size_t max_clients)
    : burst_(burst),
      per_second_(per_second),
      max_clients_(std::max<std::size_t>(16, max_clients)) {}

void RateLimiter::make_room(Clock::time_point now) {
  std::erase_if(buckets_, [&](const auto& entry) {
    const double seconds = std::chrono::duration<double>(now - entry.second.last).count();
    return entry.second.tokens + seconds * per_second_ >= burst_;
  });
  while (buckets_.size() >= max_clients_) {
    buckets_.erase(std::min_element(
        buckets_.begin(), buckets_.end(),
        [](const auto& a, const auto& b) { return a.second.last < b.second.last; }));
  }
}

RateLimiter::Bucket& RateLimiter::bucket(const std::string& client, Clock::time_point now) {
  auto it = buckets_.find(client);
  if (it == buckets_.end()) {
    if (buckets_.size() >= max_clients_) make_room(now);
    it = buckets_.emplace(client, Bucket{burst_, now}).first;
  }
  Bucket& b = it->second;
  const double seconds = std::max(0.0, std::chrono::duration<double>(now - b.last).count());
  b.tokens = std::min(burst_, b.tokens + seconds * per_second_);
  b.last = now;
  return b;
}

bool RateLimiter::allow(const std::string& client, double cost, Clock::time_point now) {
  if (!enabled()) return true;
  std::lock_guard lock(mutex_);
  Bucket& b = bucket(client, now);
  if (b.tokens < cost) return false;
  b.tokens -= cost;
  return true;
}

void RateLimiter::charge(const std::string& client, double cost, Clock::time_point now) {
  if (!enabled()) return;
  std::lock_guard lock(mutex_);
  bucket(client, now).tokens -= cost;
}

bool RateLimiter::exhausted(const std::string& client, Clock::time_point now) {
  if (!enabled()) return false;
  std::lock_guard lock(mutex_);
  return bucket(client, now).tokens < 1;
}

long RateLimiter::retry_after_seconds(const std::string& client, double cost,
                                      Clock::time_point now) {
  if (!enabled() || per_second_ <= 0) return 1;
  std::lock_guard lock(mutex_);
  const double missing = cost - bucket(client, now).tokens;
  return std::max(1L, static_cast<long>(std::ceil(missing / per_second_)));
}

}  // namespace examready::server
