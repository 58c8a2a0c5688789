// Resumable upload-rehearsal sessions: byte counters only.
#include "server/measure/rehearsal_sessions.h"

#include <algorithm>

#include "core/entropy.h"

namespace examready::server {

namespace {

// 128 bits from the kernel's CSPRNG, in hex: an id nobody can guess or derive from others.
std::string random_id() { return core::random_hex(16); }

}  // namespace

RehearsalSessions::RehearsalSessions(std::uint64_t max_bytes, std::size_t max_sessions,
                                     std::size_t max_per_client, std::chrono::seconds ttl)
    : max_bytes_(max_bytes),
      max_sessions_(std::max<std::size_t>(1, max_sessions)),
      max_per_client_(std::max<std::size_t>(1, max_per_client)),
      ttl_(ttl) {}

void RehearsalSessions::expire(Clock::time_point now) {
  for (auto it = sessions_.begin(); it != sessions_.end();) {
    if (now - it->second.last_use <= ttl_) {
      ++it;
      continue;
    }
    if (--per_client_[it->second.client] == 0) per_client_.erase(it->second.client);
    it = sessions_.erase(it);
  }
}

RehearsalSessions::Created RehearsalSessions::create(std::uint64_t expected_bytes,
                                                     const std::string& client,
                                                     Clock::time_point now) {
  if (expected_bytes == 0 || expected_bytes > max_bytes_) return {};
  std::string id = random_id();
  std::lock_guard lock(mutex_);
  expire(now);
  auto count = per_client_.find(client);
  if (count != per_client_.end() && count->second >= max_per_client_) {
    return {Create::kClientFull, {}};
  }
  if (sessions_.size() >= max_sessions_) return {Create::kTableFull, {}};
  Session& s = sessions_[id];
  s.status.expected_bytes = expected_bytes;
  s.last_use = now;
  s.client = client;
  ++per_client_[client];
  return {Create::kOk, std::move(id)};
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
