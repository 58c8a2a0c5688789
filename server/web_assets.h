// The helpdesk and stats pages (server/web/), embedded in the binary at build time.
#pragma once

#include <string_view>

namespace examready::server {

struct WebAsset {
  std::string_view path;  // "/static/helpdesk.js"
  std::string_view content_type;
  std::string_view content;
};

// nullptr when no asset has this path.
const WebAsset* find_web_asset(std::string_view path);

}  // namespace examready::server
