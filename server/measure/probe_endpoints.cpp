// The collector's network-measurement endpoints (/v1/probe/*).
#include "server/measure/probe_endpoints.h"

#include <fmt/format.h>
#include <httplib.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "protocol/measure_endpoints.h"
#include "protocol/random_payload.h"
#include "server/measure/rehearsal_sessions.h"
#include "server/measure/upload_sessions.h"

namespace examready::server {
namespace {

using Clock = std::chrono::steady_clock;

std::uint64_t parse_u64(const std::string& text, std::uint64_t fallback) {
  if (text.empty() || text.size() > 19) return fallback;
  std::uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return fallback;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return value;
}

void json_error(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(nlohmann::json{{"error", message}}.dump(), "application/json");
}

struct State {
  ProbeEndpointOptions options;
  UploadSessions sessions;
  RehearsalSessions rehearsals;
  explicit State(const ProbeEndpointOptions& o)
      : options(o),
        sessions(o.bin_width, o.max_sessions, o.max_series, o.session_ttl),
        rehearsals(o.max_rehearsal_bytes, o.max_rehearsals, o.rehearsal_ttl) {}
};

void rehearsal_status(httplib::Response& res, int status, const RehearsalStatus& s) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(nlohmann::json{{"received_bytes", s.received_bytes},
                                 {"expected_bytes", s.expected_bytes},
                                 {"done", s.done()}}
                      .dump(),
                  "application/json");
}

void register_rehearsal_endpoints(httplib::Server& server, const std::shared_ptr<State>& state) {
  server.Post(std::string(protocol::kRehearsalPath), [state](const httplib::Request& req, httplib::Response& res) {
    const std::uint64_t bytes = parse_u64(req.get_param_value("bytes"), 0);
    auto id = state->rehearsals.create(bytes, Clock::now());
    if (!id) {
      return json_error(res, 400,
                        fmt::format("bytes must be 1..{}", state->options.max_rehearsal_bytes));
    }
    res.status = 201;
    res.set_content(nlohmann::json{{"id", *id},
                                   {"chunk_bytes", state->options.rehearsal_chunk_bytes},
                                   {"expected_bytes", bytes}}
                        .dump(),
                    "application/json");
  });

  server.Get(R"(/v1/probe/rehearsal/([0-9a-f]{16}))",
             [state](const httplib::Request& req, httplib::Response& res) {
               auto status = state->rehearsals.status(req.matches[1], Clock::now());
               if (!status) return json_error(res, 404, "no such rehearsal");
               rehearsal_status(res, 200, *status);
             });

  server.Put(R"(/v1/probe/rehearsal/([0-9a-f]{16}))",
             [state](const httplib::Request& req, httplib::Response& res,
                     const httplib::ContentReader& reader) {
               const std::string id = req.matches[1];
               const std::string offset_text = req.get_param_value("offset");
               const std::uint64_t offset = parse_u64(offset_text, UINT64_MAX);
               if (offset == UINT64_MAX) return json_error(res, 400, "offset required");
               if (!req.has_header("Content-Length")) {
                 return json_error(res, 411, "Content-Length required");
               }
               const std::uint64_t length =
                   parse_u64(req.get_header_value("Content-Length"), UINT64_MAX);
               if (length == UINT64_MAX || length > state->options.rehearsal_chunk_bytes) {
                 return json_error(res, 413, "chunk larger than chunk_bytes");
               }
               auto begin = state->rehearsals.begin(id, offset, length, Clock::now());
               using B = RehearsalSessions::Begin;
               if (begin.result == B::kNoSession) return json_error(res, 404, "no such rehearsal");
               if (begin.result == B::kWrongOffset) return rehearsal_status(res, 409, begin.status);
               if (begin.result == B::kTooLong) {
                 return json_error(res, 413, "chunk runs past the rehearsal's size");
               }
               bool superseded = false;
               reader([&](const char*, std::size_t n) {
                 superseded = !state->rehearsals.add(id, begin.generation, n, Clock::now());
                 return !superseded;
               });
               auto status = state->rehearsals.status(id, Clock::now());
               if (!status) return json_error(res, 404, "no such rehearsal");
               rehearsal_status(res, superseded ? 409 : 200, *status);
             });
}

}  // namespace

void register_probe_endpoints(httplib::Server& server, const ProbeEndpointOptions& options) {
  auto state = std::make_shared<State>(options);
  protocol::random_payload_at(0, 0);  // made now, not in the first download
  server.set_tcp_nodelay(true);

  server.Get(std::string(protocol::kPingPath), [state](const httplib::Request&, httplib::Response& res) {
    res.set_header(std::string(protocol::kServerTimeHeader),
                   std::to_string(protocol::unix_time_us()));
    if (state->options.udp_echo_port != 0) {
      res.set_header(std::string(protocol::kUdpEchoHeader),
                     std::to_string(state->options.udp_echo_port));
    }
    res.set_header("Cache-Control", "no-store");
    res.status = 200;
  });

  server.Get(std::string(protocol::kDownloadPath), [state](const httplib::Request& req, httplib::Response& res) {
    const std::uint64_t bytes = std::min(parse_u64(req.get_param_value("bytes"), 1 << 20),
                                         state->options.max_download_bytes);
    res.set_header("Cache-Control", "no-store");
    res.set_content_provider(
        static_cast<std::size_t>(bytes), "application/octet-stream",
        [](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
          const std::string_view bytes =
              protocol::random_payload_at(offset, std::min(length, std::size_t{64} << 10));
          return sink.write(bytes.data(), bytes.size());
        });
  });

  server.Post(std::string(protocol::kUploadPath), [state](const httplib::Request& req, httplib::Response& res,
                                          const httplib::ContentReader& reader) {
    const std::string session = req.get_param_value("session");
    const bool binned = UploadSessions::valid_id(session);
    if (!session.empty() && !binned) return json_error(res, 400, "invalid session id");
    const auto start = Clock::now();
    std::uint64_t received = 0;
    const std::uint64_t cap = state->options.max_upload_bytes;
    reader([&](const char*, std::size_t length) {
      received += length;
      if (binned) state->sessions.record(session, length, Clock::now());
      return received < cap;
    });
    const double duration_ms =
        std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    res.set_content(nlohmann::json{{"bytes", received}, {"duration_ms", duration_ms}}.dump(),
                    "application/json");
  });

  register_rehearsal_endpoints(server, state);

  server.Get(std::string(protocol::kSessionPath), [state](const httplib::Request& req, httplib::Response& res) {
    const std::string id = req.get_param_value("id");
    if (!UploadSessions::valid_id(id)) return json_error(res, 400, "invalid session id");
    auto series = state->sessions.series(id);
    if (!series) return json_error(res, 404, "no such session");
    res.set_header("Cache-Control", "no-store");
    res.set_content(nlohmann::json{{"bin_ms", series->bin_width.count()},
                                   {"bins", series->bins},
                                   {"total_bytes", series->total_bytes},
                                   {"first_byte_unix_ms", series->first_byte_unix_ms}}
                        .dump(),
                    "application/json");
  });
}

}  // namespace examready::server
