// The bytes the network measurement sends, in both directions: a 1 MiB pseudorandom block
// repeated, addressed by stream offset. Nothing on the path can compress it, it is made once
// per process, and a resumed upload sends exactly the bytes the first attempt would have.
#pragma once

#include <cstdint>
#include <string_view>

namespace examready::protocol {

inline constexpr std::size_t kRandomPayloadBlockBytes = 1 << 20;

// The payload from stream offset `offset`: at most `max_bytes`, and never past the end of
// the block (call again for the rest).
std::string_view random_payload_at(std::uint64_t offset, std::size_t max_bytes);

}  // namespace examready::protocol
