// Wire format of the UDP echo shared by the collector and the network check.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>

namespace examready::protocol::udp_echo {

// Request (client -> server), all big-endian, padded to at least kMinRequestSize bytes:
//   magic "ERE1" | session u64 | seq u32 | client_time_us u64 | padding
// Reply (kReplySize bytes, server -> client): the request's first 24 bytes, then
//   server_received u32 (distinct packets of this session received so far) | server_time_us u64.
// The server ignores requests shorter than kMinRequestSize: a reply is never larger than
// its request, so the echo cannot amplify a spoofed sender's traffic.
inline constexpr char kMagic[4] = {'E', 'R', 'E', '1'};
inline constexpr std::size_t kRequestSize = 24;
inline constexpr std::size_t kReplySize = 36;
inline constexpr std::size_t kMinRequestSize = kReplySize;

struct Packet {
  std::uint64_t session = 0;
  std::uint32_t seq = 0;
  std::uint64_t client_time_us = 0;
  std::uint32_t server_received = 0;  // replies only
  std::uint64_t server_time_us = 0;   // replies only
};

inline void put_be(unsigned char* p, std::uint64_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; --i, v >>= 8) p[i] = static_cast<unsigned char>(v & 0xff);
}
inline std::uint64_t get_be(const unsigned char* p, int bytes) {
  std::uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v = (v << 8) | p[i];
  return v;
}

inline void encode_request(const Packet& p, unsigned char* out) {
  std::memcpy(out, kMagic, 4);
  put_be(out + 4, p.session, 8);
  put_be(out + 12, p.seq, 4);
  put_be(out + 16, p.client_time_us, 8);
}

inline std::optional<Packet> decode_request(const unsigned char* data, std::size_t size) {
  if (size < kRequestSize || std::memcmp(data, kMagic, 4) != 0) return std::nullopt;
  Packet p;
  p.session = get_be(data + 4, 8);
  p.seq = static_cast<std::uint32_t>(get_be(data + 12, 4));
  p.client_time_us = get_be(data + 16, 8);
  return p;
}

inline void encode_reply(const Packet& p, unsigned char* out) {
  encode_request(p, out);
  put_be(out + 24, p.server_received, 4);
  put_be(out + 28, p.server_time_us, 8);
}

inline std::optional<Packet> decode_reply(const unsigned char* data, std::size_t size) {
  if (size < kReplySize) return std::nullopt;
  auto p = decode_request(data, size);
  if (!p) return std::nullopt;
  p->server_received = static_cast<std::uint32_t>(get_be(data + 24, 4));
  p->server_time_us = get_be(data + 28, 8);
  return p;
}

}  // namespace examready::protocol::udp_echo
