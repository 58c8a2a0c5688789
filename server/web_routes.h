// The collector's pages: the helpdesk and stats pages, the web check (/check) with its
// WebAssembly module, and the rules sets the web check evaluates with (/v1/rules).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "server/http/router.h"

namespace examready::server {

struct WebCheckRules {
  // Rules sets the web check may ask for by name (?rules=NAME): name -> the bundle as JSON
  // text, {"id", "main", "files": {name: TOML text}} (rules/bundle.h). Made once at start.
  std::map<std::string, std::string, std::less<>> bundles;
  std::string default_name;  // the server's own set: GET /v1/rules; "" when it has none
};

// GET /, /helpdesk, /stats, /check, /static/*   embedded pages; brotli or gzip where the
//                                                client takes it
// GET /v1/qr.svg?text=…                          a QR code of a link, as SVG
// GET /v1/rules, /v1/rules/{name}                a rules bundle (404 for an unknown name);
//                                                gzip where the client takes it
void add_web_routes(http::Router& router, WebCheckRules rules);

// Accept-Encoding lists `coding` ("gzip", "br"; any case) and does not weigh it q=0.
bool accepts_coding(const http::Request& req, std::string_view coding);
bool accepts_gzip(const http::Request& req);

}  // namespace examready::server
