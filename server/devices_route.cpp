// The device database's routes (devices_route.h).
#include "server/devices_route.h"

#include "core/gzip.h"
#include "core/text.h"
#include "rules/devices/device_db.h"
#include "server/http/message.h"
#include "server/web_routes.h"

namespace examready::server {
namespace {

using http::Request;
using http::Response;

// If-None-Match names this ETag (a list, or "*"). Weak ETags compare equal too (RFC 9110
// 13.1.2: If-None-Match uses the weak comparison).
bool names_etag(std::string_view if_none_match, std::string_view etag) {
  if (core::text::trim(if_none_match) == "*") return true;
  return if_none_match.find(etag) != std::string_view::npos;
}

Response devices_text(const Request& req, const std::shared_ptr<const ServedDevices>& served) {
  const ServedDevices& devices = *served;
  Response r;
  const bool gzip = accepts_gzip(req);
  // A strong ETag names one byte sequence: the gzip body's is weak (W/, as nginx does), so
  // both bodies answer 304 to a client that names the hash of the copy it has.
  const std::string etag = "\"" + devices.hash + "\"";
  r.set_header("ETag", gzip ? "W/" + etag : etag);
  r.set_header("X-ExamReady-Devices-Version", devices.version);
  r.set_header("Cache-Control", "no-cache");
  r.set_header("Vary", "Accept-Encoding");
  if (names_etag(req.header("If-None-Match"), etag)) {
    r.status = 304;
    return r;
  }
  r.content_type = "text/tab-separated-values; charset=utf-8";
  serve_in_coding(req, r, devices.text, devices.gzip, {}, served);  // gzip as for the ETag
  return r;
}

}  // namespace

std::shared_ptr<const ServedDevices> serve_devices(std::string text) {
  const auto db = devices::DeviceDb::parse(text);
  auto served = std::make_shared<ServedDevices>();
  served->version = db.version();
  served->hash = db.hash();
  served->rows = db.records().size();
  served->gzip = core::gzip_compress(text);
  served->text = std::move(text);
  return served;
}

void add_devices_routes(http::Router& router, std::shared_ptr<const ServedDevices> devices) {
  router.add({.method = "GET",
              .pattern = "/v1/devices",
              .label = "/v1/devices",
              .handler = [devices](Request& req) { return devices_text(req, devices); }});
  router.add({.method = "GET",
              .pattern = "/v1/devices/version",
              .label = "/v1/devices/version",
              .handler = [devices](Request&) {
                Response r = http::json_response(200, {{"version", devices->version},
                                                       {"hash", devices->hash},
                                                       {"rows", devices->rows},
                                                       {"bytes", devices->text.size()}});
                r.set_header("Cache-Control", "no-cache");
                return r;
              }});
}

}  // namespace examready::server
