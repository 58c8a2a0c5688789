// The open connections, counted per client address, for the connection budget: at a cap the
// oldest connection that is only waiting (for its header, or idle between requests) makes
// room for the new one, so slow or idle clients can never lock out working ones.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace examready::server::http {

// What a connection is doing; only kWaiting ones may be closed to make room.
enum class Phase { kWaiting, kBusy, kClosing };

class ConnectionBase {
 public:
  using Clock = std::chrono::steady_clock;
  virtual ~ConnectionBase() = default;
  // Closes the connection from any thread (its own handlers notice and end).
  virtual void abort() = 0;

  void set_phase(Phase phase) {
    phase_ = phase;
    since_ = Clock::now().time_since_epoch().count();
  }
  Phase phase() const { return phase_; }
  Clock::rep since() const { return since_; }

 private:
  std::atomic<Phase> phase_{Phase::kWaiting};
  std::atomic<Clock::rep> since_{Clock::now().time_since_epoch().count()};
};

class ConnectionTable {
 public:
  ConnectionTable(std::size_t max_total, std::size_t max_per_client)
      : max_total_(max_total), max_per_client_(max_per_client) {}

  // Whether a new connection from `client` may open; closes a waiting connection (the
  // client's own first) when a cap is reached. `exempt` clients (trusted proxies) have no
  // per-client cap.
  bool admit(const std::string& client, bool exempt);
  // The table keeps the connection alive until it removes itself (its last handler): so no
  // connection is ever destroyed while the table is locked.
  std::uint64_t add(const std::string& client, std::shared_ptr<ConnectionBase> connection);
  // Returns the number of connections left.
  std::size_t remove(std::uint64_t id);
  void clear();  // the server is gone: drop what the stopped event loop left behind

  void abort_waiting();  // shutdown: idle and half-sent requests go at once
  void abort_all();      // the shutdown grace is over
  std::size_t size() const;
  std::size_t evictions() const { return evictions_; }

 private:
  struct Entry {
    std::string client;
    std::shared_ptr<ConnectionBase> connection;
  };
  // The longest-waiting connection (of `client` when not empty), marked kClosing; null
  // when every candidate is busy.
  std::shared_ptr<ConnectionBase> oldest_waiting(const std::string& client);

  std::size_t max_total_, max_per_client_;
  mutable std::mutex mutex_;
  std::uint64_t next_id_ = 1;
  std::unordered_map<std::uint64_t, Entry> entries_;
  std::unordered_map<std::string, std::size_t> per_client_;
  std::atomic<std::size_t> evictions_{0};
};

}  // namespace examready::server::http
