// Socket facts and settings on Linux: TCP_INFO, TCP_NOTSENT_LOWAT, SO_LINGER, UDP.
#include "platform/sockets.h"

#include <arpa/inet.h>
#include <linux/tcp.h>  // tcp_info with tcpi_segs_out (glibc's copy stops earlier)
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstddef>
#include <utility>

namespace examready::platform {
namespace {

void reset_on_close(NativeSocket socket) {
  linger off{1, 0};
  ::setsockopt(socket, SOL_SOCKET, SO_LINGER, &off, sizeof(off));
}

}  // namespace

std::optional<TcpCounters> tcp_counters(NativeSocket socket) {
  if (socket == kNoSocket) return std::nullopt;
  tcp_info info{};
  socklen_t len = sizeof(info);
  if (::getsockopt(socket, IPPROTO_TCP, TCP_INFO, &info, &len) != 0 ||
      len < offsetof(tcp_info, tcpi_data_segs_in) + sizeof(info.tcpi_data_segs_in)) {
    return std::nullopt;
  }
  return TcpCounters{info.tcpi_bytes_received, info.tcpi_data_segs_in, info.tcpi_segs_out,
                     info.tcpi_total_retrans, info.tcpi_bytes_acked};
}

void tune_upload_socket(NativeSocket socket) {
  int lowat = 128 * 1024;
  ::setsockopt(socket, IPPROTO_TCP, TCP_NOTSENT_LOWAT, &lowat, sizeof(lowat));
  reset_on_close(socket);
}

void tune_download_socket(NativeSocket socket) { reset_on_close(socket); }

std::optional<UdpSocket> UdpSocket::connect(const std::string& ip, std::uint16_t port) {
  sockaddr_storage addr{};
  socklen_t len = 0;
  auto* v4 = reinterpret_cast<sockaddr_in*>(&addr);
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&addr);
  if (inet_pton(AF_INET, ip.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(port);
    len = sizeof(*v4);
  } else if (inet_pton(AF_INET6, ip.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(port);
    len = sizeof(*v6);
  } else {
    return std::nullopt;
  }
  const int fd = ::socket(addr.ss_family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return std::nullopt;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), len) != 0) {
    ::close(fd);
    return std::nullopt;
  }
  return UdpSocket(fd);
}

UdpSocket::UdpSocket(UdpSocket&& other) noexcept
    : socket_(std::exchange(other.socket_, kNoSocket)) {}

UdpSocket& UdpSocket::operator=(UdpSocket&& other) noexcept {
  if (this != &other) {
    if (socket_ != kNoSocket) ::close(socket_);
    socket_ = std::exchange(other.socket_, kNoSocket);
  }
  return *this;
}

UdpSocket::~UdpSocket() {
  if (socket_ != kNoSocket) ::close(socket_);
}

bool UdpSocket::send(std::span<const unsigned char> datagram) {
  return ::send(socket_, datagram.data(), datagram.size(), 0) >= 0;
}

std::optional<std::size_t> UdpSocket::receive(std::span<unsigned char> buffer) {
  const ssize_t n = ::recv(socket_, buffer.data(), buffer.size(), 0);
  if (n <= 0) return std::nullopt;
  return static_cast<std::size_t>(n);
}

}  // namespace examready::platform
