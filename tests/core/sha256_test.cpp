// core::sha256 against NIST's examples and against OpenSSL on inputs of every length
// around the block and padding boundaries.
#include <catch2/catch.hpp>
#include <openssl/evp.h>

#include <random>
#include <string>

#include "core/sha256.h"

namespace {

std::string openssl_sha256_hex(const std::string& data) {
  unsigned char digest[32];
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr);
  std::string hex;
  for (unsigned char byte : digest) {
    constexpr char kHex[] = "0123456789abcdef";
    hex += kHex[byte >> 4];
    hex += kHex[byte & 0xf];
  }
  return hex;
}

}  // namespace

TEST_CASE("SHA-256 of NIST's example messages") {
  using examready::core::sha256_hex;
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("SHA-256 agrees with OpenSSL for lengths 0 to 300 and random contents") {
  std::mt19937 rng(7);
  for (std::size_t length = 0; length <= 300; ++length) {
    std::string data(length, '\0');
    for (auto& c : data) c = static_cast<char>(rng());
    INFO("length " << length);
    CHECK(examready::core::sha256_hex(data) == openssl_sha256_hex(data));
  }
}
