// Connection budget (connection_table.h).
#include "server/http/connection_table.h"

#include <vector>

namespace examready::server::http {

bool ConnectionBase::evictable(Clock::time_point now, const StallRule& rule) const {
  const Phase phase = phase_;
  if (phase == Phase::kWaiting) return true;
  if (phase != Phase::kTransfer) return false;
  const auto held = now.time_since_epoch() - Clock::duration(since_.load());
  if (held < rule.grace) return false;
  const double seconds = std::chrono::duration<double>(held).count();
  return static_cast<double>(moved_.load()) < seconds * static_cast<double>(rule.floor_bytes_per_s);
}

std::shared_ptr<ConnectionBase> ConnectionTable::eviction_victim(const std::string& client) {
  const auto now = ConnectionBase::Clock::now();
  std::shared_ptr<ConnectionBase> victim;
  for (auto& [id, entry] : entries_) {
    if (!client.empty() && entry.client != client) continue;
    const auto& c = entry.connection;
    if (!c->evictable(now, stall_)) continue;
    if (!victim || c->since() < victim->since()) victim = c;
  }
  if (victim) victim->set_phase(Phase::kClosing);
  return victim;
}

bool ConnectionTable::admit(const std::string& client, bool exempt) {
  std::shared_ptr<ConnectionBase> victim;
  {
    std::lock_guard lock(mutex_);
    // Connections being closed count until they are gone: room made is room counted.
    auto it = per_client_.find(client);
    if (!exempt && it != per_client_.end() && it->second >= max_per_client_) {
      victim = eviction_victim(client);
      if (!victim) return false;
    } else if (entries_.size() >= max_total_) {
      victim = eviction_victim("");
      if (!victim) return false;
    }
  }
  if (victim) {
    victim->abort();
    ++evictions_;
  }
  return true;
}

std::uint64_t ConnectionTable::add(const std::string& client,
                                   std::shared_ptr<ConnectionBase> connection) {
  std::lock_guard lock(mutex_);
  const std::uint64_t id = next_id_++;
  entries_.emplace(id, Entry{client, std::move(connection)});
  ++per_client_[client];
  return id;
}

std::size_t ConnectionTable::remove(std::uint64_t id) {
  std::shared_ptr<ConnectionBase> gone;  // released after the lock
  std::lock_guard lock(mutex_);
  auto it = entries_.find(id);
  if (it != entries_.end()) {
    auto count = per_client_.find(it->second.client);
    if (count != per_client_.end() && --count->second == 0) per_client_.erase(count);
    gone = std::move(it->second.connection);
    entries_.erase(it);
  }
  return entries_.size();
}

void ConnectionTable::clear() {
  std::unordered_map<std::uint64_t, Entry> gone;
  std::lock_guard lock(mutex_);
  gone.swap(entries_);
  per_client_.clear();
}

void ConnectionTable::abort_waiting() {
  std::vector<std::shared_ptr<ConnectionBase>> waiting;
  {
    std::lock_guard lock(mutex_);
    for (auto& [id, entry] : entries_) {
      if (entry.connection->phase() == Phase::kWaiting) waiting.push_back(entry.connection);
    }
  }
  for (auto& c : waiting) c->abort();
}

void ConnectionTable::abort_all() {
  std::vector<std::shared_ptr<ConnectionBase>> all;
  {
    std::lock_guard lock(mutex_);
    for (auto& [id, entry] : entries_) all.push_back(entry.connection);
  }
  for (auto& c : all) c->abort();
}

std::size_t ConnectionTable::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace examready::server::http
