// What the network check needs from the OS beyond HTTP: the kernel's own counts for a TCP
// connection, socket settings that keep the measurement honest, and a connected UDP socket
// for the echo (Linux: platform/linux/sockets.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace examready::platform {

// The OS's handle of a socket (libcurl's curl_socket_t): a file descriptor on Linux, a
// SOCKET on Windows.
#ifdef _WIN32
using NativeSocket = std::uintptr_t;
inline constexpr NativeSocket kNoSocket = ~NativeSocket{0};  // INVALID_SOCKET
#else
using NativeSocket = int;
inline constexpr NativeSocket kNoSocket = -1;
#endif

// Counts the kernel keeps for a TCP connection (Linux: TCP_INFO; Windows' SIO_TCP_INFO
// counts no segments, so there it is nullopt and the check counts at the application).
struct TcpCounters {
  std::uint64_t bytes_received = 0;
  std::uint64_t data_segments_in = 0;
  std::uint64_t segments_out = 0;
  std::uint64_t retransmitted = 0;  // segments sent again over the connection's life
  std::uint64_t bytes_acked = 0;    // sent bytes the peer has acknowledged
};
// nullopt when the kernel does not report them (too old, not TCP, closed).
std::optional<TcpCounters> tcp_counters(NativeSocket socket);

// Sending: a small unsent queue keeps the host from hiding the link's queue (and lets an
// abort free the link at once). Both: closing resets the connection rather than draining it.
void tune_upload_socket(NativeSocket socket);
void tune_download_socket(NativeSocket socket);

// A UDP socket connected to one peer; non-blocking.
class UdpSocket {
 public:
  // `ip`: numeric IPv4 or IPv6 text. nullopt when it cannot be opened or connected.
  static std::optional<UdpSocket> connect(const std::string& ip, std::uint16_t port);
  UdpSocket(UdpSocket&& other) noexcept;
  UdpSocket& operator=(UdpSocket&& other) noexcept;
  UdpSocket(const UdpSocket&) = delete;
  UdpSocket& operator=(const UdpSocket&) = delete;
  ~UdpSocket();

  bool send(std::span<const unsigned char> datagram);
  // The size of the next datagram read into `buffer`, or nullopt when none is waiting.
  std::optional<std::size_t> receive(std::span<unsigned char> buffer);
  NativeSocket native() const { return socket_; }

 private:
  explicit UdpSocket(NativeSocket socket) : socket_(socket) {}
  NativeSocket socket_ = kNoSocket;
};

}  // namespace examready::platform
