// The collector's routes and the per-request bookkeeping (metrics, access log).
#include "server/collector.h"

#include <fmt/format.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "core/verdict.h"
#include "reports/ids.h"
#include "server/web_assets.h"

namespace examready::server {
namespace {

using Clock = std::chrono::steady_clock;
thread_local Clock::time_point request_start;

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

void send_error(httplib::Response& res, int status, const std::string& message,
                const std::string& path = "") {
  nlohmann::json body = {{"error", message}};
  if (!path.empty()) body["path"] = path;
  send_json(res, status, body);
}

nlohmann::json summary_json(const ReportColumns& c) {
  return {{"code", c.code},
          {"report_id", c.report_id},
          {"created_at", c.created_at},
          {"received_at", c.received_at},
          {"verdict", c.verdict},
          {"brand", c.brand},
          {"model", c.model},
          {"os_family", c.os_family},
          {"os_version", c.os_version},
          {"role", c.role},
          {"pair_code", c.pair_code},
          {"failed_rules", c.failed_rules}};
}

bool valid_verdict_filter(const std::string& v) {
  return v.empty() || core::parse_verdict(v) || v == kUnevaluated;
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char ch : text) {
    if (ch == '"') quoted += '"';
    quoted += ch;
  }
  return quoted + "\"";
}

std::string json_escape(const std::string& text) { return nlohmann::json(text).dump(); }

std::unique_ptr<httplib::Server> make_http_server(const CollectorOptions& options) {
  if (options.tls_cert_file.empty() && options.tls_key_file.empty()) {
    return std::make_unique<httplib::Server>();
  }
  if (options.tls_cert_file.empty() || options.tls_key_file.empty()) {
    throw TlsSetupError("TLS needs both a certificate and a key file");
  }
  auto server = std::make_unique<httplib::SSLServer>(options.tls_cert_file.c_str(),
                                                     options.tls_key_file.c_str());
  if (!server->is_valid()) {
    throw TlsSetupError(fmt::format(
        "cannot load the TLS certificate {} with the key {} (PEM files that belong together)",
        options.tls_cert_file, options.tls_key_file));
  }
  return server;
}

}  // namespace

Collector::Collector(CollectorOptions options, Storage& storage, TokenStore tokens,
                     Evaluator evaluate, std::function<void(nlohmann::json&)> restore)
    : options_(std::move(options)),
      storage_(storage),
      tokens_(std::move(tokens)),
      evaluate_(std::move(evaluate)),
      restore_(std::move(restore)),
      http_(make_http_server(options_)) {
  const int threads = std::max(1, options_.threads);
  http_->new_task_queue = [threads] {
    return new httplib::ThreadPool(static_cast<std::size_t>(threads));
  };
  http_->set_payload_max_length(std::max(options_.max_body_bytes, options_.transport_max_bytes));
  http_->set_read_timeout(10, 0);
  http_->set_write_timeout(10, 0);
  // httplib serves a connection on one pool thread until it closes: keep-alive is what
  // makes uploads cheap, but a connection must not hold a thread for long when idle.
  http_->set_keep_alive_timeout(2);
  http_->set_keep_alive_max_count(1000);
  // httplib writes headers and body separately: with Nagle on, a client's delayed ACK
  // stalls every response by ~40 ms.
  http_->set_tcp_nodelay(true);
  // httplib listens with a backlog of 5: a burst of new connections (a classroom of probes
  // after an outage) would see SYNs dropped and 1 s retransmits. Keep the listening
  // socket to raise the backlog after bind.
  http_->set_socket_options([this](int sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    listen_socket_ = sock;
  });
  http_->set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    request_start = Clock::now();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http_->set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    const double seconds = std::chrono::duration<double>(Clock::now() - request_start).count();
    metrics_.record(route_label(req.method, req.path), res.status, seconds);
    if (!options_.access_log) return;
    // Paths only: a query string could carry search terms, and codes are looked up by path
    // only by staff. One line, one write, so concurrent lines do not interleave.
    const std::string line = fmt::format(
        "{{\"ts\":\"{}\",\"method\":{},\"route\":{},\"status\":{},\"duration_ms\":{:.3f},"
        "\"response_bytes\":{},\"remote\":{}}}\n",
        reports::utc_now(), json_escape(req.method), json_escape(route_label(req.method, req.path)),
        res.status, seconds * 1000.0, res.body.size(), json_escape(req.remote_addr));
    std::fwrite(line.data(), 1, line.size(), stderr);
  });
  add_routes();
}

int Collector::bind(const std::string& host, int port) {
  const int bound =
      port == 0 ? http_->bind_to_any_port(host) : (http_->bind_to_port(host, port) ? port : -1);
  if (bound > 0 && listen_socket_ >= 0)
    ::listen(listen_socket_, 1024);  // Linux updates the backlog
  return bound;
}

bool Collector::serve() { return http_->listen_after_bind(); }

void Collector::add_routes() {
  http_->Post("/v1/reports",
              [this](const httplib::Request& req, httplib::Response& res,
                     const httplib::ContentReader& reader) { post_report(req, res, reader); });
  http_->Get(R"(/v1/reports/([^/]+))",
             [this](const httplib::Request& req, httplib::Response& res) { get_report(req, res); });
  http_->Get("/v1/reports", [this](const httplib::Request& req, httplib::Response& res) {
    search_reports(req, res);
  });
  http_->Get("/v1/stats",
             [this](const httplib::Request& req, httplib::Response& res) { get_stats(req, res); });
  http_->Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
    try {
      const auto stored = storage_.count();
      send_json(res, 200,
                {{"status", "ok"},
                 {"backend", storage_.backend_name()},
                 {"rules", options_.rules_id},
                 {"stored_reports", stored}});
    } catch (const StorageError& e) {
      send_json(res, 503, {{"status", "unavailable"}, {"error", e.what()}});
    }
  });
  http_->Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
    std::int64_t stored = -1;
    try {
      stored = storage_.count();
    } catch (const StorageError&) {  // still serve the request counters
    }
    res.set_content(metrics_.render(stored, storage_.backend_name()), "text/plain; version=0.0.4");
  });
  auto serve_asset = [](const std::string& path, httplib::Response& res) {
    const WebAsset* asset = find_web_asset(path);
    if (!asset) {
      send_error(res, 404, "no such page");
      return;
    }
    res.set_header("Cache-Control", "no-cache");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:");
    res.set_content(std::string(asset->content), std::string(asset->content_type));
  };
  http_->Get(
      "/", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/helpdesk"); });
  http_->Get("/helpdesk", [serve_asset](const httplib::Request&, httplib::Response& res) {
    serve_asset("/helpdesk.html", res);
  });
  http_->Get("/stats", [serve_asset](const httplib::Request&, httplib::Response& res) {
    serve_asset("/stats.html", res);
  });
  http_->Get(R"(/static/[a-z_.-]+)",
             [serve_asset](const httplib::Request& req, httplib::Response& res) {
               serve_asset(req.path, res);
             });
}

nlohmann::json Collector::full_json(const StoredReport& r) const {
  nlohmann::json j = summary_json(r.columns);
  j["report"] = nlohmann::json::parse(r.body);
  if (restore_ && j["report"].contains("evaluation")) restore_(j["report"]["evaluation"]);
  return j;
}

void Collector::post_report(const httplib::Request& req, httplib::Response& res,
                            const httplib::ContentReader& reader) {
  std::string body;
  bool too_large = false;
  // httplib has already undone Content-Encoding here, so this also bounds what a small
  // gzip body may expand to.
  const bool read = reader([&](const char* data, std::size_t length) {
    if (body.size() + length > options_.max_body_bytes) {
      too_large = true;
      return false;
    }
    body.append(data, length);
    return true;
  });
  if (too_large || res.status == 413) {
    send_error(res, 413, fmt::format("report larger than {} bytes", options_.max_body_bytes));
    return;
  }
  if (!read) {
    send_error(res, 400, "could not read the body (bad Content-Encoding?)");
    return;
  }
  (void)req;
  auto intake = intake_report(body, evaluate_, reports::utc_now());
  if (auto* error = std::get_if<IntakeError>(&intake)) {
    send_error(res, 400, error->message, error->path);
    return;
  }
  const StoredReport& stored = std::get<StoredReport>(intake);
  try {
    const InsertResult result = storage_.insert(stored);
    switch (result.status) {
      case InsertStatus::kCreated:
        send_json(res, 201, {{"code", result.code}, {"verdict", result.verdict}});
        break;
      case InsertStatus::kReplay:
        send_json(res, 200, {{"code", result.code}, {"verdict", result.verdict}, {"replay", true}});
        break;
      case InsertStatus::kConflict:
        send_json(res, 409,
                  {{"error", "a different report with this report_id is already stored"},
                   {"code", result.code}});
        break;
    }
  } catch (const StorageError& e) {
    std::fprintf(stderr, "storage error: %s\n", e.what());
    send_error(res, 503, "storage unavailable");
  }
}

bool Collector::authorize_helpdesk(const httplib::Request& req, httplib::Response& res) {
  const std::string header = req.get_header_value("Authorization");  // the token views into it
  const auto token = bearer_token(header);
  const auto role = token ? tokens_.check(*token) : std::nullopt;
  if (!role) {
    res.set_header("WWW-Authenticate", "Bearer realm=\"examready-helpdesk\"");
    send_error(res, 401, "a helpdesk token is required (Authorization: Bearer …)");
    return false;
  }
  if (*role != TokenRole::kHelpdesk) {
    send_error(res, 403, "this token may not read reports");
    return false;
  }
  return true;
}

void Collector::get_report(const httplib::Request& req, httplib::Response& res) {
  if (!authorize_helpdesk(req, res)) return;
  const auto code = reports::normalize_code(req.matches[1].str());
  if (!code) {
    send_error(res, 400, "not a report code (expected e.g. 7KQ2-M9XD)");
    return;
  }
  try {
    const auto found = storage_.find_by_code(*code);
    if (found.empty()) {
      send_error(res, 404, "no report with code " + *code);
      return;
    }
    nlohmann::json body = full_json(found.front());
    body["other_reports_with_code"] = static_cast<int>(found.size()) - 1;
    const ReportColumns& c = found.front().columns;
    nlohmann::json primary = nullptr;
    if (!c.pair_code.empty()) {
      if (auto p = storage_.find_by_code(c.pair_code); !p.empty()) primary = full_json(p.front());
    }
    nlohmann::json secondaries = nlohmann::json::array();
    for (const auto& s : storage_.find_paired(c.code)) secondaries.push_back(full_json(s));
    body["pair"] = {{"primary", primary}, {"secondaries", secondaries}};
    send_json(res, 200, body);
  } catch (const StorageError& e) {
    std::fprintf(stderr, "storage error: %s\n", e.what());
    send_error(res, 503, "storage unavailable");
  }
}

void Collector::search_reports(const httplib::Request& req, httplib::Response& res) {
  if (!authorize_helpdesk(req, res)) return;
  ReportQuery query;
  query.verdict = req.get_param_value("verdict");
  query.brand = req.get_param_value("brand");
  query.model = req.get_param_value("model");
  query.since = req.get_param_value("since");
  if (!valid_verdict_filter(query.verdict)) {
    send_error(res, 400, "verdict must be ready, warnings, not_ready, incomplete or unevaluated");
    return;
  }
  if (!query.since.empty() && !reports::parse_utc(query.since)) {
    send_error(res, 400, "since must be a UTC time like 2026-11-24T08:30:00Z");
    return;
  }
  try {
    if (req.has_param("page")) query.page = std::stoi(req.get_param_value("page"));
    if (req.has_param("limit")) query.limit = std::stoi(req.get_param_value("limit"));
  } catch (const std::exception&) {
    query.page = 0;
  }
  if (query.page < 1 || query.page > 100000 || query.limit < 1 || query.limit > 200) {
    send_error(res, 400, "page must be 1..100000 and limit 1..200");
    return;
  }
  try {
    const ReportPage page = storage_.search(query);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& c : page.items) items.push_back(summary_json(c));
    send_json(res, 200,
              {{"items", items},
               {"page", query.page},
               {"limit", query.limit},
               {"has_more", page.has_more}});
  } catch (const StorageError& e) {
    std::fprintf(stderr, "storage error: %s\n", e.what());
    send_error(res, 503, "storage unavailable");
  }
}

void Collector::get_stats(const httplib::Request& req, httplib::Response& res) {
  const auto dimension = parse_stats_dimension(req.get_param_value("by"));
  if (!dimension) {
    send_error(res, 400, "by must be brand, model, os_version or rule");
    return;
  }
  const std::string format = req.get_param_value("format");
  const bool csv =
      format == "csv" ||
      (format.empty() && req.get_header_value("Accept").find("text/csv") != std::string::npos);
  StatsResult stats;
  try {
    stats = storage_.stats(*dimension, options_.min_group);
  } catch (const StorageError& e) {
    std::fprintf(stderr, "storage error: %s\n", e.what());
    send_error(res, 503, "storage unavailable");
    return;
  }
  res.set_header("Cache-Control", "public, max-age=60");
  if (csv) {
    std::string out = "key,reports,ready,warnings,not_ready,incomplete,unevaluated\n";
    for (const auto& r : stats.rows) {
      out += fmt::format("{},{},{},{},{},{},{}\n", csv_field(r.key), r.reports, r.ready, r.warnings,
                         r.not_ready, r.incomplete, r.unevaluated);
    }
    res.set_content(out, "text/csv; charset=utf-8");
    return;
  }
  nlohmann::json groups = nlohmann::json::array();
  for (const auto& r : stats.rows) {
    groups.push_back({{"key", r.key},
                      {"reports", r.reports},
                      {"ready", r.ready},
                      {"warnings", r.warnings},
                      {"not_ready", r.not_ready},
                      {"incomplete", r.incomplete},
                      {"unevaluated", r.unevaluated}});
  }
  send_json(res, 200,
            {{"by", to_string(*dimension)},
             {"min_group", options_.min_group},
             {"total_reports", stats.total_reports},
             {"groups", groups}});
}

}  // namespace examready::server
