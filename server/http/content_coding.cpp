// Bounded inflate with zlib.
#include "server/http/content_coding.h"

#include <zlib.h>

#include "core/text.h"

namespace examready::server::http {

Coding parse_coding(std::string_view text) {
  const std::string lower = core::text::lower(core::text::trim(text));
  if (lower.empty() || lower == "identity") return Coding::kIdentity;
  if (lower == "gzip" || lower == "x-gzip") return Coding::kGzip;
  if (lower == "deflate") return Coding::kDeflate;
  return Coding::kUnsupported;  // also lists ("gzip, gzip"): nobody sends them honestly
}

DecodeStatus decode_body(Coding coding, std::string_view body, std::uint64_t max_bytes,
                         std::string& out) {
  out.clear();
  if (coding == Coding::kIdentity) {
    if (body.size() > max_bytes) return DecodeStatus::kTooLarge;
    out.assign(body);
    return DecodeStatus::kOk;
  }
  if (coding == Coding::kUnsupported) return DecodeStatus::kCorrupt;
  z_stream z{};
  // 16+15: gzip only; 15: zlib; deflate as sent by some clients is raw (-15): try zlib first.
  const int window = coding == Coding::kGzip ? 16 + MAX_WBITS : MAX_WBITS;
  if (inflateInit2(&z, window) != Z_OK) return DecodeStatus::kCorrupt;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  z.avail_in = static_cast<uInt>(body.size());
  char buffer[16384];
  int rc = Z_OK;
  DecodeStatus status = DecodeStatus::kOk;
  while (rc != Z_STREAM_END) {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof(buffer);
    rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      status = DecodeStatus::kCorrupt;  // includes Z_BUF_ERROR: the input ended early
      break;
    }
    const std::size_t produced = sizeof(buffer) - z.avail_out;
    if (out.size() + produced > max_bytes) {
      status = DecodeStatus::kTooLarge;
      break;
    }
    out.append(buffer, produced);
  }
  // Bytes after the end of the stream: a second member or garbage; neither is a report.
  if (status == DecodeStatus::kOk && z.avail_in != 0) status = DecodeStatus::kCorrupt;
  inflateEnd(&z);
  if (status != DecodeStatus::kOk) out.clear();
  return status;
}

}  // namespace examready::server::http
