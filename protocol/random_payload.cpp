// The measurement payload block (random_payload.h).
#include "protocol/random_payload.h"

#include <algorithm>
#include <cstring>
#include <random>
#include <vector>

namespace examready::protocol {
namespace {

const std::vector<char>& block() {
  static const std::vector<char> data = [] {
    std::vector<char> bytes(kRandomPayloadBlockBytes);
    std::mt19937_64 rng(0x6578616d72656479ULL);
    for (std::size_t i = 0; i + 8 <= bytes.size(); i += 8) {
      const std::uint64_t v = rng();
      std::memcpy(&bytes[i], &v, 8);
    }
    return bytes;
  }();
  return data;
}

}  // namespace

std::string_view random_payload_at(std::uint64_t offset, std::size_t max_bytes) {
  const auto& bytes = block();
  const auto start = static_cast<std::size_t>(offset % bytes.size());
  return {bytes.data() + start, std::min(max_bytes, bytes.size() - start)};
}

}  // namespace examready::protocol
