// The network check's side of the UDP echo (protocol/udp_echo_wire.h): packets at a steady
// rate during the idle phase, replies matched to what was sent, and the counts that tell
// upstream from downstream loss.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis/network_analysis.h"
#include "platform/sockets.h"

namespace examready::probe::net {

class UdpEchoClient {
 public:
  using Clock = std::chrono::steady_clock;

  // nullopt when the socket cannot be opened (the check then has no UDP loss figure).
  static std::optional<UdpEchoClient> open(const std::string& server_ip, std::uint16_t port,
                                           double packets_per_s);

  // Sends the packets due since `phase_start` (at most 16 at once).
  void send_due(Clock::time_point phase_start);
  // Reads waiting replies; true when one of ours arrived.
  bool receive();
  // Counts over the packets sent at least three round trips before now (echoes of later
  // ones may still be on their way); nullopt when nothing came back.
  std::optional<core::net::EchoCounts> counts(double rtt_s) const;
  platform::NativeSocket native() const { return socket_.native(); }

 private:
  UdpEchoClient(platform::UdpSocket socket, std::uint64_t session, double packets_per_s)
      : socket_(std::move(socket)), session_(session), packets_per_s_(packets_per_s) {}

  platform::UdpSocket socket_;
  std::uint64_t session_;
  double packets_per_s_;
  std::uint32_t sent_ = 0;
  std::vector<Clock::time_point> sent_at_;        // by seq
  std::map<std::uint32_t, std::uint32_t> echoed_;  // seq -> server's count when it echoed
};

}  // namespace examready::probe::net
