// The collector's UDP echo: one thread, per-session receive counters, bounded memory.
#include "server/measure/udp_echo.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <unordered_map>

#include "protocol/measure_endpoints.h"
#include "protocol/udp_echo_wire.h"

namespace examready::server {
namespace {

constexpr std::size_t kMaxSessions = 4096;
constexpr auto kSessionTtl = std::chrono::seconds(60);

}  // namespace

UdpEchoServer::~UdpEchoServer() { stop(); }

std::string UdpEchoServer::start(const std::string& host, std::uint16_t port) {
  sockaddr_storage addr{};
  socklen_t len = 0;
  auto* v4 = reinterpret_cast<sockaddr_in*>(&addr);
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&addr);
  if (inet_pton(AF_INET, host.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(port);
    len = sizeof(sockaddr_in);
  } else if (inet_pton(AF_INET6, host.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(port);
    len = sizeof(sockaddr_in6);
  } else {
    return "UDP echo: not an IP address: " + host;
  }
  fd_ = ::socket(addr.ss_family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) return std::string("UDP echo: socket: ") + std::strerror(errno);
  if (::bind(fd_, reinterpret_cast<sockaddr*>(&addr), len) != 0) {
    std::string error = std::string("UDP echo: bind: ") + std::strerror(errno);
    ::close(fd_);
    fd_ = -1;
    return error;
  }
  ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.ss_family == AF_INET ? v4->sin_port : v6->sin6_port);
  stopping_ = false;
  thread_ = std::thread([this] { serve(); });
  return {};
}

void UdpEchoServer::stop() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

void UdpEchoServer::serve() {
  struct Counter {
    std::uint32_t received = 0;
    std::chrono::steady_clock::time_point last;
  };
  std::unordered_map<std::uint64_t, Counter> sessions;
  unsigned char buffer[2048];
  unsigned char reply[protocol::udp_echo::kReplySize];
  while (!stopping_) {
    pollfd pfd{fd_, POLLIN, 0};
    // Wakes every 100 ms to notice stop().
    if (::poll(&pfd, 1, 100) <= 0) continue;
    sockaddr_storage peer{};
    socklen_t peer_len = sizeof(peer);
    const ssize_t n =
        ::recvfrom(fd_, buffer, sizeof(buffer), 0, reinterpret_cast<sockaddr*>(&peer), &peer_len);
    if (n <= 0) continue;
    auto packet = protocol::udp_echo::decode_request(buffer, static_cast<std::size_t>(n));
    if (!packet) continue;
    const auto now = std::chrono::steady_clock::now();
    if (sessions.size() >= kMaxSessions && !sessions.contains(packet->session)) {
      std::erase_if(sessions, [&](const auto& e) { return now - e.second.last > kSessionTtl; });
      if (sessions.size() >= kMaxSessions) sessions.clear();
    }
    Counter& counter = sessions[packet->session];
    counter.received++;
    counter.last = now;
    packet->server_received = counter.received;
    packet->server_time_us = static_cast<std::uint64_t>(protocol::unix_time_us());
    protocol::udp_echo::encode_reply(*packet, reply);
    ::sendto(fd_, reply, sizeof(reply), 0, reinterpret_cast<sockaddr*>(&peer), peer_len);
  }
}

}  // namespace examready::server
