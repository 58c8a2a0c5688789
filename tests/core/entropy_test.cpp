// core::fill_random / random_word: every byte position is filled (a short tail too) and two
// draws differ. Not a randomness test: the OS source's quality is the kernel's business.
#include "core/entropy.h"

#include <catch2/catch.hpp>

#include <array>
#include <set>

namespace examready::core {

TEST_CASE("fill_random fills every byte, tails included") {
  for (std::size_t size : {1u, 3u, 4u, 7u, 16u, 33u}) {
    // Over 64 draws a byte stays zero with probability 256^-64: a zero means it was never written.
    std::array<unsigned char, 33> seen{};
    for (int draw = 0; draw < 64; ++draw) {
      std::array<unsigned char, 33> bytes{};
      fill_random(std::span(bytes).first(size));
      for (std::size_t i = size; i < bytes.size(); ++i) REQUIRE(bytes[i] == 0);
      for (std::size_t i = 0; i < size; ++i) seen[i] |= bytes[i];
    }
    for (std::size_t i = 0; i < size; ++i) CHECK(seen[i] != 0);
  }
}

TEST_CASE("random_word gives different words") {
  std::set<std::uint32_t> words;
  for (int i = 0; i < 32; ++i) words.insert(random_word());
  CHECK(words.size() > 30);
}

TEST_CASE("random_hex gives two lower-case hex digits per byte") {
  for (std::size_t bytes : {0u, 1u, 8u, 16u, 32u}) {
    const std::string hex = random_hex(bytes);
    CHECK(hex.size() == 2 * bytes);
    CHECK(hex.find_first_not_of("0123456789abcdef") == std::string::npos);
  }
  CHECK(random_hex(16) != random_hex(16));
}

}  // namespace examready::core
