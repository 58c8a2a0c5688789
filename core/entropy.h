// Random bits from the operating system's CSPRNG, for ids, secrets and seeds. Portable: the
// standard library's std::random_device reaches getentropy(3) on Linux, rand_s on Windows and
// crypto.getRandomValues in the browser, so core can use it without OS headers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace examready::core {

// Fills `bytes` with unpredictable bytes.
void fill_random(std::span<unsigned char> bytes);

// One unpredictable 32-bit word (for seeding a generator or spreading load).
std::uint32_t random_word();

// `bytes` unpredictable bytes in lower-case hex (2 × bytes characters): session ids, secrets.
std::string random_hex(std::size_t bytes);

}  // namespace examready::core
