// The collector's pages and the web check's rules bundles (web_routes.h).
#include "server/web_routes.h"

#include <memory>

#include "core/gzip.h"
#include "core/text.h"
#include "server/web_assets.h"
#include "ui/qr.h"

namespace examready::server {
namespace {

using http::Request;
using http::Response;

// Pages may load their own scripts and styles, nothing else, and never be framed.
constexpr std::string_view kPagePolicy =
    "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";
// The web check also compiles its WebAssembly module and shows the camera's stream.
constexpr std::string_view kCheckPagePolicy =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src 'self' data: blob:; "
    "media-src 'self' blob: mediastream:; connect-src 'self'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

}  // namespace

bool accepts_coding(const Request& req, std::string_view coding) {
  std::string_view accept = req.header("Accept-Encoding");
  while (!accept.empty()) {
    const auto comma = accept.find(',');
    std::string_view item = accept.substr(0, comma);
    accept = comma == std::string_view::npos ? std::string_view{} : accept.substr(comma + 1);
    const auto semicolon = item.find(';');
    if (!core::text::equals_ignoring_case(core::text::trim(item.substr(0, semicolon)), coding)) {
      continue;
    }
    if (semicolon == std::string_view::npos) return true;
    const std::string_view params = item.substr(semicolon + 1);
    const auto q = params.find("q=");
    if (q == std::string_view::npos) return true;
    // "q=0", "q=0.000" refuse it; any nonzero digit in the weight takes it.
    for (char c : params.substr(q + 2)) {
      if (c >= '1' && c <= '9') return true;
    }
    return false;
  }
  return false;
}

bool accepts_gzip(const Request& req) { return accepts_coding(req, "gzip"); }

void serve_in_coding(const Request& req, Response& r, std::string_view plain, std::string_view gzip,
                     std::string_view brotli, std::shared_ptr<const void> keep) {
  std::string_view bytes = plain;
  if (!brotli.empty() && accepts_coding(req, "br")) {
    bytes = brotli;
    r.set_header("Content-Encoding", "br");
  } else if (!gzip.empty() && accepts_gzip(req)) {
    bytes = gzip;
    r.set_header("Content-Encoding", "gzip");
  }
  r.set_header("Vary", "Accept-Encoding");
  r.stream = http::BodyStream{bytes.size(), [keep, bytes](std::uint64_t offset, std::size_t max) {
                                return bytes.substr(static_cast<std::size_t>(offset), max);
                              }};
}

namespace {

Response asset(const Request& req, std::string_view path, std::string_view policy = kPagePolicy) {
  const WebAsset* found = find_web_asset(path);
  if (!found) return http::error_response(404, "no such page");
  Response r;
  r.content_type = std::string(found->content_type);
  serve_in_coding(req, r, found->content, found->gzip, found->brotli);
  r.set_header("Cache-Control", "no-cache");
  r.set_header("Content-Security-Policy", std::string(policy));
  r.set_header("X-Content-Type-Options", "nosniff");
  return r;
}

// The rules bundles as served: each also gzip-compressed once, at start (a third the size).
struct ServedBundle {
  std::string json;
  std::string gzip;
};
struct ServedRules {
  std::map<std::string, ServedBundle, std::less<>> bundles;
  std::string default_name;
};

ServedRules served(WebCheckRules rules) {
  ServedRules out;
  out.default_name = std::move(rules.default_name);
  for (auto& [name, json] : rules.bundles) {
    std::string gzip = core::gzip_compress(json);
    out.bundles.emplace(name, ServedBundle{std::move(json), std::move(gzip)});
  }
  return out;
}

Response rules_bundle(const Request& req, const std::shared_ptr<const ServedRules>& rules,
                      std::string_view name) {
  const auto found = rules->bundles.find(name);
  if (found == rules->bundles.end()) return http::error_response(404, "no such rules set");
  Response r;
  r.content_type = "application/json";
  serve_in_coding(req, r, found->second.json, found->second.gzip, {}, rules);
  r.set_header("Cache-Control", "no-cache");
  return r;
}

// A QR code of a link the page shows (the secondary phone's pairing link). Only text a
// link of this server could be: bounded, printable ASCII.
constexpr std::size_t kMaxQrText = 512;

Response qr_svg(const Request& req) {
  const std::string_view text = req.param("text");
  if (text.empty() || text.size() > kMaxQrText)
    return http::error_response(400, "text must be 1 to 512 characters");
  for (char c : text) {
    if (c < 0x21 || c > 0x7e) return http::error_response(400, "text must be printable ASCII");
  }
  const ui::QrMatrix qr = ui::make_qr(text);
  if (qr.size == 0) return http::error_response(400, "text cannot be encoded");
  Response r;
  r.content_type = "image/svg+xml";
  r.body = ui::qr_to_svg(qr);
  r.set_header("Cache-Control", "max-age=3600");
  r.set_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
  return r;
}

}  // namespace

void add_web_routes(http::Router& router, WebCheckRules rules) {
  auto shared = std::make_shared<const ServedRules>(served(std::move(rules)));
  router.add({.method = "GET", .pattern = "/", .label = "/", .handler = [](Request&) {
                Response r;
                r.status = 302;
                r.set_header("Location", "/helpdesk");
                return r;
              }});
  router.add(
      {.method = "GET", .pattern = "/helpdesk", .label = "/helpdesk", .handler = [](Request& req) {
         return asset(req, "/helpdesk.html");
       }});
  router.add({.method = "GET", .pattern = "/stats", .label = "/stats", .handler = [](Request& req) {
                return asset(req, "/stats.html");
              }});
  router.add({.method = "GET", .pattern = "/check", .label = "/check", .handler = [](Request& req) {
                return asset(req, "/check.html", kCheckPagePolicy);
              }});
  router.add(
      {.method = "GET", .pattern = "/static/{}", .label = "/static/*", .handler = [](Request& req) {
         return asset(req, req.path);
       }});
  // Encoding a QR code takes about a millisecond: on a worker, not on a network thread that
  // every other client's reads and writes wait for.
  router.add({.method = "GET",
              .pattern = "/v1/qr.svg",
              .label = "/v1/qr.svg",
              .run = http::Run::kWorker,
              .handler = qr_svg});
  router.add({.method = "GET",
              .pattern = "/v1/rules",
              .label = "/v1/rules",
              .handler = [shared](Request& req) {
                if (shared->default_name.empty())
                  return http::error_response(404, "this collector judges with no rules set");
                return rules_bundle(req, shared, shared->default_name);
              }});
  router.add({.method = "GET",
              .pattern = "/v1/rules/{}",
              .label = "/v1/rules/{name}",
              .handler = [shared](Request& req) {
                return rules_bundle(req, shared, req.captures.at(0));
              }});
}

}  // namespace examready::server
