// The helpdesk, stats and web check pages (server/web/) and the web check's WebAssembly
// module, embedded in the binary at build time, each also gzip- and brotli-compressed.
#pragma once

#include <string_view>

namespace examready::server {

struct WebAsset {
  std::string_view path;  // "/static/helpdesk.js"
  std::string_view content_type;
  std::string_view content;
  std::string_view gzip;    // the same bytes, gzip-compressed (level 9)
  std::string_view brotli;  // and brotli-compressed (quality 11)
};

// nullptr when no asset has this path.
const WebAsset* find_web_asset(std::string_view path);

}  // namespace examready::server
