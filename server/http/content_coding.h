// Content-Encoding of request bodies: gzip and deflate undone with a bound on the output, so
// a small compressed body cannot expand past the route's limit (a zip bomb stops there).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace examready::server::http {

enum class Coding { kIdentity, kGzip, kDeflate, kUnsupported };
Coding parse_coding(std::string_view content_encoding);

enum class DecodeStatus { kOk, kTooLarge, kCorrupt };

// Decodes `body` into `out`, stopping as soon as the output would exceed max_bytes.
DecodeStatus decode_body(Coding coding, std::string_view body, std::uint64_t max_bytes,
                         std::string& out);

}  // namespace examready::server::http
