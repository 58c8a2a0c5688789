// The collector's pages: the helpdesk and stats pages, the web check (/check) with its
// WebAssembly module, and the rules sets the web check evaluates with (/v1/rules).
#pragma once

#include <map>
#include <memory>
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

// A body held in memory, served in place (no copy per request) in the coding the client
// takes: brotli (browsers take it over HTTPS; the web check's module is ~20 % smaller so,
// docs/WEBCHECK.md), else gzip, else as it is; an empty alternative is not offered. Sets
// Content-Encoding, Vary and the body stream. `keep` keeps the bytes alive while the stream
// reads them (nothing for static data).
void serve_in_coding(const http::Request& req, http::Response& r, std::string_view plain,
                     std::string_view gzip, std::string_view brotli,
                     std::shared_ptr<const void> keep = {});

}  // namespace examready::server
