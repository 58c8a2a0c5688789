// The UDP echo client of the network check (udp_echo_client.h).
#include "probe/network/udp_echo_client.h"

#include <algorithm>

#include "core/entropy.h"
#include "protocol/measure_endpoints.h"
#include "protocol/udp_echo_wire.h"

namespace examready::probe::net {

std::optional<UdpEchoClient> UdpEchoClient::open(const std::string& server_ip, std::uint16_t port,
                                                 double packets_per_s) {
  auto socket = platform::UdpSocket::connect(server_ip, port);
  if (!socket) return std::nullopt;
  const std::uint64_t session =
      (static_cast<std::uint64_t>(core::random_word()) << 32) | core::random_word();
  return UdpEchoClient(std::move(*socket), session, packets_per_s);
}

void UdpEchoClient::send_due(Clock::time_point phase_start) {
  const double elapsed_s = std::chrono::duration<double>(Clock::now() - phase_start).count();
  const auto due = static_cast<std::uint32_t>(elapsed_s * packets_per_s_) + 1;
  unsigned char packet[64] = {};
  for (int burst = 0; sent_ < due && burst < 16; ++burst) {
    protocol::udp_echo::Packet p;
    p.session = session_;
    p.seq = sent_;
    p.client_time_us = static_cast<std::uint64_t>(protocol::unix_time_us());
    protocol::udp_echo::encode_request(p, packet);
    if (!socket_.send(packet)) break;
    sent_at_.push_back(Clock::now());
    sent_++;
  }
}

bool UdpEchoClient::receive() {
  unsigned char buffer[256];
  bool ours = false;
  for (int i = 0; i < 256; ++i) {
    const auto n = socket_.receive(buffer);
    if (!n) break;
    auto p = protocol::udp_echo::decode_reply(buffer, *n);
    if (!p || p->session != session_ || p->seq >= sent_) continue;
    ours = true;
    echoed_.emplace(p->seq, p->server_received);
  }
  return ours;
}

std::optional<core::net::EchoCounts> UdpEchoClient::counts(double rtt_s) const {
  if (echoed_.empty()) return std::nullopt;
  const auto cutoff =
      Clock::now() - std::chrono::duration_cast<Clock::duration>(
                         std::chrono::duration<double>(std::clamp(3 * rtt_s + 0.05, 0.05, 0.6)));
  auto last = echoed_.end();
  for (auto it = echoed_.begin(); it != echoed_.end(); ++it) {
    if (sent_at_[it->first] <= cutoff) last = it;
  }
  if (last == echoed_.end()) return std::nullopt;
  return core::net::EchoCounts{
      static_cast<std::uint64_t>(last->first) + 1, last->second,
      static_cast<std::uint64_t>(std::distance(echoed_.begin(), last)) + 1};
}

}  // namespace examready::probe::net
