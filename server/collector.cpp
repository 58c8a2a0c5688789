// The collector's route table, pages, health, metrics and the access log.
#include "server/collector.h"

#include <fmt/format.h>

#include <cstdio>

#include "reports/ids.h"

namespace examready::server {
namespace {

std::string json_escape(const std::string& text) {
  return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

http::Response too_many_requests(RateLimiter& limiter, const std::string& client,
                                 std::string_view message, double cost) {
  http::Response r = http::error_response(429, message);
  r.set_header("Retry-After", std::to_string(limiter.retry_after_seconds(client, cost)));
  return r;
}

Collector::Collector(CollectorOptions options, Storage& storage, TokenStore tokens,
                     Evaluator evaluate, std::function<void(nlohmann::json&)> restore)
    : options_(std::move(options)),
      storage_(storage),
      tokens_(std::move(tokens)),
      evaluate_(std::move(evaluate)),
      restore_(std::move(restore)),
      report_rate_(options_.limits.reports_burst, options_.limits.reports_per_second),
      stored_bytes_rate_(options_.limits.stored_bytes_burst,
                         options_.limits.stored_bytes_per_second),
      auth_failures_(options_.limits.auth_failures_burst, options_.limits.auth_failures_per_second),
      budget_(storage, options_.limits.max_stored_reports, options_.limits.max_stored_bytes) {}

void Collector::add_routes(http::Router& router) {
  using http::Request;
  using http::Run;
  router.add({.method = "POST",
              .pattern = "/v1/reports",
              .label = "/v1/reports",
              .run = Run::kWorker,
              .body = {.max_bytes = options_.max_body_bytes,
                       .max_decoded_bytes = options_.max_body_bytes,
                       .content_types = {"application/json"},
                       .deadline = options_.report_deadline},
              .handler = [this](Request& req) { return post_report(req); }});
  router.add({.method = "GET",
              .pattern = "/v1/reports/{}",
              .label = "/v1/reports/{code}",
              .run = Run::kWorker,
              .handler = [this](Request& req) { return get_report(req); }});
  router.add({.method = "GET",
              .pattern = "/v1/reports",
              .label = "/v1/reports",
              .run = Run::kWorker,
              .handler = [this](Request& req) { return search_reports(req); }});
  router.add({.method = "GET",
              .pattern = "/v1/stats",
              .label = "/v1/stats",
              .run = Run::kWorker,
              .handler = [this](Request& req) { return get_stats(req); }});
  router.add({.method = "GET",
              .pattern = "/healthz",
              .label = "/healthz",
              .run = Run::kWorker,
              .handler = [this](Request&) { return healthz(); }});
  router.add({.method = "GET",
              .pattern = "/metrics",
              .label = "/metrics",
              .run = Run::kWorker,
              .handler = [this](Request&) { return metrics(); }});
  add_web_routes(router, options_.web_check);
  if (options_.devices) add_devices_routes(router, options_.devices);
}

http::Response Collector::healthz() {
  try {
    const auto stored = storage_.count();
    return http::json_response(200, {{"status", "ok"},
                                     {"backend", storage_.backend_name()},
                                     {"rules", options_.rules_id},
                                     {"stored_reports", stored}});
  } catch (const StorageError& e) {
    // The reason goes to the log only: a database error names hosts, users and paths.
    std::fprintf(stderr, "examready-server: health check: %s\n", e.what());
    return http::json_response(503, {{"status", "unavailable"}});
  }
}

http::Response Collector::metrics() {
  std::int64_t stored = -1;
  try {
    stored = storage_.count();
  } catch (const StorageError&) {  // still serve the request counters
  }
  http::Response r;
  r.content_type = "text/plain; version=0.0.4";
  r.body = metrics_.render(stored, storage_.backend_name());
  return r;
}

void Collector::log_request(const http::RequestRecord& record) {
  metrics_.record(record.label, record.status, record.seconds);
  if (!options_.access_log) return;
  // Routes only: a query string could carry search terms, and codes are looked up by path
  // only by staff. One line, one write, so concurrent lines do not interleave.
  const std::string line = fmt::format(
      "{{\"ts\":\"{}\",\"route\":{},\"status\":{},\"duration_ms\":{:.3f},"
      "\"response_bytes\":{},\"remote\":{}}}\n",
      reports::utc_now(), json_escape(record.label), record.status, record.seconds * 1000.0,
      record.response_bytes, json_escape(record.client));
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace examready::server
