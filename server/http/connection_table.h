// The open connections, counted per client address, for the connection budget: at a cap a
// connection that is only waiting (for its header, or idle between requests) or whose body or
// response has stalled makes room for the new one, the longest-held first, so slow or idle
// clients can never lock out working ones.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace examready::server::http {

// What a connection is doing. kTransfer: reading a request body or writing a response;
// kBusy: a handler runs.
enum class Phase { kWaiting, kTransfer, kBusy, kClosing };

// When a transfer counts as stalled (ConnectionBase::evictable): after `grace`, fewer than
// `floor_bytes_per_s` a second on average since it began. A phone on 2G still moves 6 KB/s;
// a client that sends a header announcing a body and then nothing, or asks for a response
// and does not read it, moves none.
struct StallRule {
  std::chrono::milliseconds grace{2000};
  std::uint64_t floor_bytes_per_s = 2048;
};

class ConnectionBase {
 public:
  using Clock = std::chrono::steady_clock;
  virtual ~ConnectionBase() = default;
  // Closes the connection from any thread (its own handlers notice and end).
  virtual void abort() = 0;

  void set_phase(Phase phase) {
    phase_ = phase;
    moved_ = 0;
    since_ = Clock::now().time_since_epoch().count();
  }
  // Body or response bytes moved in the current kTransfer phase.
  void moved(std::uint64_t bytes) { moved_ += bytes; }
  Phase phase() const { return phase_; }
  Clock::rep since() const { return since_; }
  // Whether the table may close it to make room: it waits, or its transfer stalled.
  bool evictable(Clock::time_point now, const StallRule& rule) const;

 private:
  std::atomic<Phase> phase_{Phase::kWaiting};
  std::atomic<std::uint64_t> moved_{0};
  std::atomic<Clock::rep> since_{Clock::now().time_since_epoch().count()};
};

class ConnectionTable {
 public:
  ConnectionTable(std::size_t max_total, std::size_t max_per_client, StallRule stall = {})
      : max_total_(max_total), max_per_client_(max_per_client), stall_(stall) {}

  // Whether a new connection from `client` may open; closes an evictable connection (of the
  // client itself when its own cap is reached) when a cap is reached. `exempt` clients (trusted
  // proxies) have no per-client cap.
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
  // The evictable connection (of `client` when not empty) held longest in its phase, marked
  // kClosing; null when none is.
  std::shared_ptr<ConnectionBase> eviction_victim(const std::string& client);

  std::size_t max_total_, max_per_client_;
  StallRule stall_;
  mutable std::mutex mutex_;
  std::uint64_t next_id_ = 1;
  std::unordered_map<std::uint64_t, Entry> entries_;
  std::unordered_map<std::string, std::size_t> per_client_;
  std::atomic<std::size_t> evictions_{0};
};

}  // namespace examready::server::http
