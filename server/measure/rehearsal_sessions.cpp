// Resumable upload-rehearsal sessions: byte counters only.
#include "server/measure/rehearsal_sessions.h"

#include <fmt/format.h>

#include <algorithm>
#include <random>

namespace examready::server {

RehearsalSessions::RehearsalSessions(std::uint64_t max_bytes, std::size_t max_sessions,
                                     std::chrono::seconds ttl)
    : max_bytes_(max_bytes), max_sessions_(std::max<std::size_t>(1, max_sessions)), ttl_(ttl) {}

void RehearsalSessions::expire(Clock::time_point now) {
  std::erase_if(sessions_, [&](const auto& entry) { return now - entry.second.last_use > ttl_; });
}

std::optional<std::string> RehearsalSessions::create(std::uint64_t expected_bytes,
                                                     Clock::time_point now) {
  if (expected_bytes == 0 || expected_bytes > max_bytes_) return std::nullopt;
  thread_local std::mt19937_64 rng{std::random_device{}()};
  std::lock_guard lock(mutex_);
  expire(now);
  while (sessions_.size() >= max_sessions_) {
    sessions_.erase(std::min_element(
        sessions_.begin(), sessions_.end(),
        [](const auto& a, const auto& b) { return a.second.last_use < b.second.last_use; }));
  }
  std::string id = fmt::format("{:016x}", rng());
  Session& s = sessions_[id];
  s.status.expected_bytes = expected_bytes;
  s.last_use = now;
  return id;
}

std::optional<RehearsalStatus> RehearsalSessions::status(const std::string& id,
                                                         Clock::time_point now) {
  std::lock_guard lock(mutex_);
  expire(now);
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return std::nullopt;
  it->second.last_use = now;
  return it->second.status;
}

RehearsalSessions::BeginResult RehearsalSessions::begin(const std::string& id, std::uint64_t offset,
                                                        std::uint64_t length,
                                                        Clock::time_point now) {
  std::lock_guard lock(mutex_);
  expire(now);
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return {};
  Session& s = it->second;
  s.last_use = now;
  if (offset != s.status.received_bytes) return {Begin::kWrongOffset, 0, s.status};
  if (length > s.status.expected_bytes - offset) return {Begin::kTooLong, 0, s.status};
  return {Begin::kOk, ++s.generation, s.status};
}

bool RehearsalSessions::add(const std::string& id, std::uint64_t generation, std::uint64_t bytes,
                            Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(id);
  if (it == sessions_.end() || it->second.generation != generation) return false;
  Session& s = it->second;
  s.last_use = now;
  const std::uint64_t room = s.status.expected_bytes - s.status.received_bytes;
  s.status.received_bytes += std::min(bytes, room);
  return bytes <= room;
}

}  // namespace examready::server
