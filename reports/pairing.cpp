// Pairing proofs (pairing.h).
#include "reports/pairing.h"

#include <algorithm>

#include "core/sha256.h"

namespace examready::reports {
namespace {

constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::string_view kSalt = "examready/pair-proof/v1\n";

}  // namespace

std::string pair_proof(std::string_view primary_report_id) {
  const auto digest = core::sha256(std::string(kSalt) + std::string(primary_report_id));
  std::string proof;
  // 80 bits = 10 bytes = 16 symbols of 5 bits, most significant first.
  std::uint32_t buffer = 0;
  int bits = 0;
  for (std::size_t i = 0; i < 10; ++i) {
    buffer = (buffer << 8) | digest[i];
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      proof += kCrockford[(buffer >> bits) & 31];
    }
  }
  return proof;
}

bool is_pair_proof(std::string_view text) {
  return text.size() == 16 && std::all_of(text.begin(), text.end(), [](char c) {
           return kCrockford.find(c) != std::string_view::npos;
         });
}

}  // namespace examready::reports
