// The collector's network-measurement endpoints (/v1/probe/*).
#include "server/measure/probe_endpoints.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "protocol/measure_endpoints.h"
#include "protocol/random_payload.h"
#include "server/measure/rehearsal_endpoints.h"
#include "server/measure/upload_sessions.h"

namespace examready::server {
namespace {

using Clock = std::chrono::steady_clock;

// Counts an upload as it arrives (into its session's 50 ms bins) and keeps none of it.
class UploadSink final : public http::BodySink {
 public:
  UploadSink(std::shared_ptr<UploadSessions> sessions, std::string session, std::uint64_t stream,
             std::uint64_t cap)
      : sessions_(std::move(sessions)), session_(std::move(session)), stream_(stream), cap_(cap) {}
  bool on_data(const char*, std::size_t size) override {
    received_ += size;
    if (!session_.empty()) sessions_->record(session_, stream_, size, Clock::now());
    return received_ < cap_;
  }
  http::Response finish(bool complete) override {
    if (!session_.empty()) sessions_->end_stream(session_, stream_, complete);
    const double duration_ms =
        std::chrono::duration<double, std::milli>(Clock::now() - start_).count();
    return http::json_response(200, {{"bytes", received_}, {"duration_ms", duration_ms}});
  }

 private:
  std::shared_ptr<UploadSessions> sessions_;
  std::string session_;
  std::uint64_t stream_;  // this request among the session's
  std::uint64_t cap_;
  std::uint64_t received_ = 0;
  Clock::time_point start_ = Clock::now();
};

// Upload requests are numbered in the order they start, over the server's lifetime.
std::atomic<std::uint64_t> next_upload_stream{0};

http::StreamStart start_upload(const std::shared_ptr<UploadSessions>& sessions,
                               const ProbeEndpointOptions& options, const http::Request& req) {
  std::string session(req.param("session"));
  const std::uint64_t stream = next_upload_stream.fetch_add(1);
  if (!session.empty()) {
    if (!UploadSessions::valid_id(session)) return http::error_response(400, "invalid session id");
    switch (sessions->open(session, req.client, Clock::now(), stream)) {
      case UploadSessions::Open::kOk:
        break;
      case UploadSessions::Open::kNotOwner:
        return http::error_response(403, "this measurement session belongs to another client");
      case UploadSessions::Open::kClientFull:
        return http::error_response(429, "too many measurement sessions from this address");
      case UploadSessions::Open::kTableFull: {
        http::Response busy = http::error_response(503, "measurement sessions full, retry shortly");
        busy.set_header("Retry-After", "10");
        return busy;
      }
    }
  }
  return std::make_unique<UploadSink>(sessions, std::move(session), stream,
                                      options.max_upload_bytes);
}

http::Response ping(const ProbeEndpointOptions& options) {
  http::Response r;
  r.set_header(std::string(protocol::kServerTimeHeader), std::to_string(protocol::unix_time_us()));
  if (options.udp_echo_port != 0) {
    r.set_header(std::string(protocol::kUdpEchoHeader), std::to_string(options.udp_echo_port));
  }
  r.set_header("Cache-Control", "no-store");
  return r;
}

http::Response download(const ProbeEndpointOptions& options, const http::Request& req) {
  const std::uint64_t bytes =
      std::min(parse_u64(req.param("bytes"), 1 << 20), options.max_download_bytes);
  http::Response r;
  r.content_type = "application/octet-stream";
  r.set_header("Cache-Control", "no-store");
  r.stream = http::BodyStream{bytes, [](std::uint64_t offset, std::size_t max_bytes) {
                                return protocol::random_payload_at(offset, max_bytes);
                              }};
  return r;
}

http::Response session_series(const UploadSessions& sessions, const http::Request& req) {
  const std::string id(req.param("id"));
  if (!UploadSessions::valid_id(id)) return http::error_response(400, "invalid session id");
  auto series = sessions.series(id);
  if (!series) return http::error_response(404, "no such session");
  http::Response r = http::json_response(200, {{"bin_ms", series->bin_width.count()},
                                               {"bins", series->bins},
                                               {"complete_bins", series->complete_bins},
                                               {"total_bytes", series->total_bytes},
                                               {"first_byte_unix_ms", series->first_byte_unix_ms}});
  r.set_header("Cache-Control", "no-store");
  return r;
}

}  // namespace

void add_probe_routes(http::Router& router, const ProbeEndpointOptions& options) {
  protocol::random_payload_at(0, 0);  // made now, not in the first download
  auto sessions = std::make_shared<UploadSessions>(
      UploadSessionLimits{options.bin_width, options.max_series, options.max_sessions,
                          options.max_sessions_per_client, options.session_ttl});
  router.add({.method = "GET",
              .pattern = std::string(protocol::kPingPath),
              .label = "/v1/probe/ping",
              .handler = [options](http::Request&) { return ping(options); }});
  router.add({.method = "GET",
              .pattern = std::string(protocol::kDownloadPath),
              .label = "/v1/probe/download",
              .handler = [options](http::Request& req) { return download(options, req); }});
  router.add({.method = "POST",
              .pattern = std::string(protocol::kUploadPath),
              .label = "/v1/probe/upload",
              .body = {.max_bytes = options.max_upload_bytes, .deadline = options.upload_deadline},
              .stream = [sessions, options](const http::Request& req) {
                return start_upload(sessions, options, req);
              }});
  router.add(
      {.method = "GET",
       .pattern = std::string(protocol::kSessionPath),
       .label = "/v1/probe/session",
       .handler = [sessions](http::Request& req) { return session_series(*sessions, req); }});
  add_rehearsal_routes(router, options);
}

}  // namespace examready::server
