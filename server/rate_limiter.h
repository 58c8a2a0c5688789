// Token buckets per client address: up to `burst` at once, refilled at `per_second`. Used for
// uploads (reports and stored bytes) and failed logins; see docs/SECURITY.md for the values.
// The table is bounded: beyond max_clients, buckets that are full again (idle clients) go
// first, then the longest-unused ones.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace examready::server {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  // burst <= 0 turns the limiter off.
  RateLimiter(double burst, double per_second, std::size_t max_clients = 100000);

  // Spends `cost` tokens of `client` when it has them; false (nothing spent) otherwise.
  bool allow(const std::string& client, double cost = 1, Clock::time_point now = Clock::now());
  // Spends even beyond zero (a cost only known afterwards); the client waits it off.
  void charge(const std::string& client, double cost, Clock::time_point now = Clock::now());
  // True when `client` has less than one token left (it would be refused).
  bool exhausted(const std::string& client, Clock::time_point now = Clock::now());
  // Whole seconds until `client` has `cost` tokens again (at least 1).
  long retry_after_seconds(const std::string& client, double cost = 1,
                           Clock::time_point now = Clock::now());
  bool enabled() const { return burst_ > 0; }

 private:
  struct Bucket {
    double tokens = 0;
    Clock::time_point last;
  };
  Bucket& bucket(const std::string& client, Clock::time_point now);
  void make_room(Clock::time_point now);

  double burst_, per_second_;
  std::size_t max_clients_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace examready::server
