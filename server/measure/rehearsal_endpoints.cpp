// Upload rehearsal: create, chunk (streamed and counted, never stored), status.
#include "server/measure/rehearsal_endpoints.h"

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>

#include "protocol/measure_endpoints.h"
#include "server/measure/rehearsal_sessions.h"

namespace examready::server {
namespace {

using Clock = std::chrono::steady_clock;

http::Response status_response(int status, const RehearsalStatus& s) {
  http::Response r = http::json_response(status, {{"received_bytes", s.received_bytes},
                                                  {"expected_bytes", s.expected_bytes},
                                                  {"done", s.done()}});
  r.set_header("Cache-Control", "no-store");
  return r;
}

bool valid_rehearsal_id(std::string_view id) {
  return id.size() == 32 && std::all_of(id.begin(), id.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

// Counts a chunk's bytes into its rehearsal as they arrive.
class ChunkSink final : public http::BodySink {
 public:
  ChunkSink(std::shared_ptr<RehearsalSessions> sessions, std::string id, std::uint64_t generation)
      : sessions_(std::move(sessions)), id_(std::move(id)), generation_(generation) {}
  bool on_data(const char*, std::size_t size) override {
    superseded_ = !sessions_->add(id_, generation_, size, Clock::now());
    return !superseded_;
  }
  http::Response finish(bool) override {
    auto status = sessions_->status(id_, Clock::now());
    if (!status) return http::error_response(404, "no such rehearsal");
    return status_response(superseded_ ? 409 : 200, *status);
  }

 private:
  std::shared_ptr<RehearsalSessions> sessions_;
  std::string id_;
  std::uint64_t generation_;
  bool superseded_ = false;
};

http::Response create(RehearsalSessions& sessions, const ProbeEndpointOptions& options,
                      const http::Request& req) {
  const std::uint64_t bytes = parse_u64(req.param("bytes"), 0);
  auto created = sessions.create(bytes, req.client, Clock::now());
  using C = RehearsalSessions::Create;
  if (created.result == C::kBadSize) {
    return http::error_response(400,
                                fmt::format("bytes must be 1..{}", options.max_rehearsal_bytes));
  }
  if (created.result == C::kClientFull) {
    return http::error_response(429, "too many upload rehearsals from this address");
  }
  if (created.result == C::kTableFull) {
    http::Response busy = http::error_response(503, "upload rehearsals full, retry shortly");
    busy.set_header("Retry-After", "30");
    return busy;
  }
  return http::json_response(201, {{"id", created.id},
                                   {"chunk_bytes", options.rehearsal_chunk_bytes},
                                   {"expected_bytes", bytes}});
}

http::StreamStart put_chunk(const std::shared_ptr<RehearsalSessions>& sessions,
                            const http::Request& req) {
  const std::string& id = req.captures.at(0);
  if (!valid_rehearsal_id(id)) return http::error_response(404, "no such rehearsal");
  const std::uint64_t offset = parse_u64(req.param("offset"), UINT64_MAX);
  if (offset == UINT64_MAX) return http::error_response(400, "offset required");
  if (!req.has_header("Content-Length"))
    return http::error_response(411, "Content-Length required");
  const std::uint64_t length = parse_u64(req.header("Content-Length"), UINT64_MAX);
  auto begin = sessions->begin(id, offset, length, Clock::now());
  using B = RehearsalSessions::Begin;
  if (begin.result == B::kNoSession) return http::error_response(404, "no such rehearsal");
  if (begin.result == B::kWrongOffset) return status_response(409, begin.status);
  if (begin.result == B::kTooLong) {
    return http::error_response(413, "chunk runs past the rehearsal's size");
  }
  return std::make_unique<ChunkSink>(sessions, id, begin.generation);
}

}  // namespace

std::uint64_t parse_u64(std::string_view text, std::uint64_t fallback) {
  if (text.empty() || text.size() > 19) return fallback;
  std::uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return fallback;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return value;
}

void add_rehearsal_routes(http::Router& router, const ProbeEndpointOptions& options) {
  auto sessions =
      std::make_shared<RehearsalSessions>(options.max_rehearsal_bytes, options.max_rehearsals,
                                          options.max_rehearsals_per_client, options.rehearsal_ttl);
  const std::string base(protocol::kRehearsalPath);
  router.add({.method = "POST",
              .pattern = base,
              .label = "/v1/probe/rehearsal",
              .handler = [sessions, options](http::Request& req) {
                return create(*sessions, options, req);
              }});
  router.add({.method = "GET",
              .pattern = base + "/{}",
              .label = "/v1/probe/rehearsal/{id}",
              .handler = [sessions](http::Request& req) {
                const std::string& id = req.captures.at(0);
                auto status =
                    valid_rehearsal_id(id) ? sessions->status(id, Clock::now()) : std::nullopt;
                if (!status) return http::error_response(404, "no such rehearsal");
                return status_response(200, *status);
              }});
  router.add({.method = "PUT",
              .pattern = base + "/{}",
              .label = "/v1/probe/rehearsal/{id}",
              .body = {.max_bytes = options.rehearsal_chunk_bytes,
                       .needs_length = true,
                       .deadline = options.rehearsal_chunk_deadline},
              .stream = [sessions](const http::Request& req) { return put_chunk(sessions, req); }});
}

}  // namespace examready::server
