// The collector's network-measurement endpoints (/v1/probe/*).
#include "server/probe/probe_endpoints.h"

#include <httplib.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "server/probe/upload_sessions.h"

namespace examready::server {
namespace {

using Clock = std::chrono::steady_clock;

std::int64_t unix_us() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// 1 MiB of pseudorandom bytes served cyclically: incompressible for any window-based codec
// a middlebox might apply, and generated once instead of per request.
const std::vector<char>& random_block() {
  static const std::vector<char> block = [] {
    std::vector<char> data(1 << 20);
    std::mt19937_64 rng(0x6578616d72656479ULL);
    for (std::size_t i = 0; i + 8 <= data.size(); i += 8) {
      const std::uint64_t v = rng();
      std::memcpy(&data[i], &v, 8);
    }
    return data;
  }();
  return block;
}

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
  explicit State(const ProbeEndpointOptions& o)
      : options(o), sessions(o.bin_width, o.max_sessions, o.max_series, o.session_ttl) {}
};

}  // namespace

void register_probe_endpoints(httplib::Server& server, const ProbeEndpointOptions& options) {
  auto state = std::make_shared<State>(options);
  random_block();
  server.set_tcp_nodelay(true);

  server.Get("/v1/probe/ping", [state](const httplib::Request&, httplib::Response& res) {
    res.set_header("X-Examready-Server-Time-Us", std::to_string(unix_us()));
    if (state->options.udp_echo_port != 0) {
      res.set_header("X-Examready-Udp-Echo", std::to_string(state->options.udp_echo_port));
    }
    res.set_header("Cache-Control", "no-store");
    res.status = 200;
  });

  server.Get("/v1/probe/download", [state](const httplib::Request& req, httplib::Response& res) {
    const std::uint64_t bytes = std::min(parse_u64(req.get_param_value("bytes"), 1 << 20),
                                         state->options.max_download_bytes);
    res.set_header("Cache-Control", "no-store");
    res.set_content_provider(
        static_cast<std::size_t>(bytes), "application/octet-stream",
        [](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
          const auto& block = random_block();
          const std::size_t start = offset % block.size();
          const std::size_t n = std::min({length, block.size() - start, std::size_t{64} << 10});
          return sink.write(block.data() + start, n);
        });
  });

  server.Post("/v1/probe/upload", [state](const httplib::Request& req, httplib::Response& res,
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

  server.Get("/v1/probe/session", [state](const httplib::Request& req, httplib::Response& res) {
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
