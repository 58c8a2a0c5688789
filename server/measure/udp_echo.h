// The collector's UDP echo: lets the network check separate upstream from downstream loss.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <thread>

namespace examready::server {

struct UdpEchoLimits {
  std::size_t max_sessions = 8192;    // all senders
  std::size_t max_per_address = 256;  // one source address (a classroom behind NAT)
  std::chrono::seconds ttl{30};       // a session silent this long is forgotten
};

class UdpEchoServer {
 public:
  explicit UdpEchoServer(UdpEchoLimits limits = {}) : limits_(limits) {}
  ~UdpEchoServer();
  UdpEchoServer(const UdpEchoServer&) = delete;
  UdpEchoServer& operator=(const UdpEchoServer&) = delete;

  // Binds host:port (IPv4 or IPv6 literal; port 0 picks one) and starts answering on a
  // thread. Returns an error message, empty on success.
  std::string start(const std::string& host, std::uint16_t port);
  std::uint16_t port() const { return port_; }
  void stop();

 private:
  void serve();

  UdpEchoLimits limits_;
  int fd_ = -1;
  std::uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace examready::server
