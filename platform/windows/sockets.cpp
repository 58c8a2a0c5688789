// Socket settings on Windows (Winsock 2): SO_LINGER, UDP. No TCP counters: SIO_TCP_INFO
// has bytes but no segment counts, and the check needs both (sockets.h).
#include "platform/sockets.h"

#include <winsock2.h>
#include <ws2tcpip.h>

#include <utility>

namespace examready::platform {
namespace {

void reset_on_close(NativeSocket socket) {
  linger off{1, 0};
  ::setsockopt(socket, SOL_SOCKET, SO_LINGER, reinterpret_cast<const char*>(&off), sizeof(off));
}

// Winsock needs WSAStartup once per process before the first socket (libcurl does its
// own; the UDP echo may come first).
void start_winsock() {
  static const bool started = [] {
    WSADATA data;
    return ::WSAStartup(MAKEWORD(2, 2), &data) == 0;
  }();
  (void)started;
}

}  // namespace

std::optional<TcpCounters> tcp_counters(NativeSocket /*socket*/) { return std::nullopt; }

void tune_upload_socket(NativeSocket socket) {
  // Windows has no TCP_NOTSENT_LOWAT; a small send buffer keeps the unsent queue short.
  int buffer = 128 * 1024;
  ::setsockopt(socket, SOL_SOCKET, SO_SNDBUF, reinterpret_cast<const char*>(&buffer),
               sizeof(buffer));
  reset_on_close(socket);
}

void tune_download_socket(NativeSocket socket) { reset_on_close(socket); }

std::optional<UdpSocket> UdpSocket::connect(const std::string& ip, std::uint16_t port) {
  start_winsock();
  sockaddr_storage addr{};
  int len = 0;
  auto* v4 = reinterpret_cast<sockaddr_in*>(&addr);
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&addr);
  if (::inet_pton(AF_INET, ip.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(port);
    len = sizeof(*v4);
  } else if (::inet_pton(AF_INET6, ip.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(port);
    len = sizeof(*v6);
  } else {
    return std::nullopt;
  }
  const SOCKET s =
      ::WSASocketW(addr.ss_family, SOCK_DGRAM, IPPROTO_UDP, nullptr, 0, WSA_FLAG_NO_HANDLE_INHERIT);
  if (s == INVALID_SOCKET) return std::nullopt;
  u_long non_blocking = 1;
  if (::ioctlsocket(s, FIONBIO, &non_blocking) != 0 ||
      ::connect(s, reinterpret_cast<sockaddr*>(&addr), len) != 0) {
    ::closesocket(s);
    return std::nullopt;
  }
  return UdpSocket(s);
}

UdpSocket::UdpSocket(UdpSocket&& other) noexcept
    : socket_(std::exchange(other.socket_, kNoSocket)) {}

UdpSocket& UdpSocket::operator=(UdpSocket&& other) noexcept {
  if (this != &other) {
    if (socket_ != kNoSocket) ::closesocket(socket_);
    socket_ = std::exchange(other.socket_, kNoSocket);
  }
  return *this;
}

UdpSocket::~UdpSocket() {
  if (socket_ != kNoSocket) ::closesocket(socket_);
}

bool UdpSocket::send(std::span<const unsigned char> datagram) {
  return ::send(socket_, reinterpret_cast<const char*>(datagram.data()),
                static_cast<int>(datagram.size()), 0) >= 0;
}

std::optional<std::size_t> UdpSocket::receive(std::span<unsigned char> buffer) {
  const int n =
      ::recv(socket_, reinterpret_cast<char*>(buffer.data()), static_cast<int>(buffer.size()), 0);
  if (n <= 0) return std::nullopt;
  return static_cast<std::size_t>(n);
}

}  // namespace examready::platform
