// The collector's UDP echo: one thread, per-session receive counters, bounded memory. A
// session is (source address, session id): a stranger cannot count into another sender's
// session, and a flood of sessions fills only its own address's share; a full table leaves
// new senders unanswered (their loss falls back to TCP) but never clears a live session.
#include "server/measure/udp_echo.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <map>

#include "protocol/measure_endpoints.h"
#include "protocol/udp_echo_wire.h"

namespace examready::server {
namespace {

using Clock = std::chrono::steady_clock;
using Address = std::array<unsigned char, 16>;  // IPv4 as v4-mapped IPv6

Address address_of(const sockaddr_storage& peer) {
  Address a{};
  if (peer.ss_family == AF_INET6) {
    std::memcpy(a.data(), &reinterpret_cast<const sockaddr_in6&>(peer).sin6_addr, 16);
  } else {
    a[10] = a[11] = 0xff;
    std::memcpy(a.data() + 12, &reinterpret_cast<const sockaddr_in&>(peer).sin_addr, 4);
  }
  return a;
}

struct Counter {
  std::uint32_t received = 0;
  Clock::time_point last;
};

// The sessions and their per-address counts, with expiry.
class Sessions {
 public:
  explicit Sessions(const UdpEchoLimits& limits) : limits_(limits) {}

  // The session's counter, or null when there is no room for a new one.
  Counter* find_or_open(const Address& address, std::uint64_t session, Clock::time_point now) {
    const Key key{address, session};
    if (auto it = sessions_.find(key); it != sessions_.end()) return &it->second;
    if (sessions_.size() >= limits_.max_sessions ||
        per_address_[address] >= limits_.max_per_address) {
      expire(now);
      if (sessions_.size() >= limits_.max_sessions ||
          per_address_[address] >= limits_.max_per_address) {
        return nullptr;
      }
    }
    ++per_address_[address];
    return &sessions_[key];
  }

 private:
  using Key = std::pair<Address, std::uint64_t>;
  void expire(Clock::time_point now) {
    // At most once a second: a flood from a full table must not turn into a scan per packet.
    if (now - last_expiry_ < std::chrono::seconds(1)) return;
    last_expiry_ = now;
    for (auto it = sessions_.begin(); it != sessions_.end();) {
      if (now - it->second.last <= limits_.ttl) {
        ++it;
        continue;
      }
      if (--per_address_[it->first.first] == 0) per_address_.erase(it->first.first);
      it = sessions_.erase(it);
    }
  }

  UdpEchoLimits limits_;
  std::map<Key, Counter> sessions_;
  std::map<Address, std::size_t> per_address_;
  Clock::time_point last_expiry_{};
};

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
  Sessions sessions(limits_);
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
    if (n < static_cast<ssize_t>(protocol::udp_echo::kMinRequestSize)) continue;
    auto packet = protocol::udp_echo::decode_request(buffer, static_cast<std::size_t>(n));
    if (!packet) continue;
    const auto now = Clock::now();
    Counter* counter = sessions.find_or_open(address_of(peer), packet->session, now);
    if (!counter) continue;
    counter->received++;
    counter->last = now;
    packet->server_received = counter->received;
    packet->server_time_us = static_cast<std::uint64_t>(protocol::unix_time_us());
    protocol::udp_echo::encode_reply(*packet, reply);
    ::sendto(fd_, reply, sizeof(reply), 0, reinterpret_cast<sockaddr*>(&peer), peer_len);
  }
}

}  // namespace examready::server
