// SHA-256 (FIPS 180-4) in portable C++: the core derives report codes and device-id hashes
// the same way natively and in the browser, where OpenSSL is not available. Checked against
// NIST's vectors and OpenSSL in tests/core/sha256_test.cpp.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace examready::core {

std::array<std::uint8_t, 32> sha256(std::string_view data);
std::string sha256_hex(std::string_view data);  // lower-case hex, 64 characters

}  // namespace examready::core
