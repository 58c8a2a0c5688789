// The front's limits: connections, deadlines, memory held for bodies, workers. Every value
// is documented with its reason in docs/SECURITY.md; collector.cpp and main.cpp set them.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace examready::server::http {

struct ServerLimits {
  std::size_t io_threads = 2;      // network threads (inline handlers run here)
  std::size_t workers = 16;        // blocking handlers (database, validation)
  std::size_t worker_queue = 512;  // jobs waiting for a worker; a full queue answers 503
  // Connections open at once, and per client address. A classroom behind one NAT address
  // runs ~40 network checks of 7 connections each, so the per-client cap is generous; at
  // either cap the oldest connection that is idle or still sending its header is closed
  // for the new one (slow clients lose, working ones keep going).
  std::size_t max_connections = 4096;
  std::size_t max_connections_per_client = 512;
  std::size_t header_bytes = 16 << 10;  // request line + headers; more is a 431
  // The TLS handshake and the whole request header must arrive within header_deadline of
  // the connection opening; a kept-alive connection gets keep_alive_idle for its next one.
  std::chrono::seconds header_deadline{10};
  std::chrono::seconds keep_alive_idle{15};
  std::chrono::seconds write_deadline{30};   // one response, fully written
  std::chrono::seconds stream_deadline{60};  // a streamed response (measurement download)
  // Request bodies buffered in memory at once (all connections), and of one client address;
  // beyond either a 503. Counted as the bytes arrive (and the decoded copy while it is made),
  // never as announced: a header alone holds nothing.
  std::uint64_t buffered_bytes_budget = 64ull << 20;
  std::uint64_t buffered_bytes_per_client = 8ull << 20;
  // After a refusal the front still reads (and drops) what the client sends, so it sees the
  // answer instead of a reset: at most this much, for at most linger_time.
  // Small on purpose: draining is work done for a client that is being refused.
  std::uint64_t linger_bytes = 1ull << 20;
  std::chrono::milliseconds linger_time{1000};
  // SIGTERM: requests in progress get this long to finish, then connections are closed.
  std::chrono::seconds shutdown_grace{10};
  // Peers whose X-Forwarded-For (rightmost address) names the client: a load balancer in
  // front. They are exempt from the per-client connection cap.
  std::vector<std::string> trusted_proxies;
};

// Bytes of request bodies held in memory, in all and per client (ServerLimits).
class BodyBudget {
 public:
  BodyBudget(std::uint64_t limit, std::uint64_t per_client_limit)
      : limit_(limit), per_client_limit_(per_client_limit) {}
  // Whether `client` may hold `bytes` more; if so they are counted until released.
  bool reserve(const std::string& client, std::uint64_t bytes);
  void release(const std::string& client, std::uint64_t bytes);

 private:
  std::uint64_t limit_, per_client_limit_;
  std::mutex mutex_;
  std::uint64_t used_ = 0;
  std::unordered_map<std::string, std::uint64_t> per_client_;
};

}  // namespace examready::server::http
