// POST /v1/reports and the helpdesk's reads (GET /v1/reports/{code}, GET /v1/reports).
#include <fmt/format.h>

#include <cstdio>

#include "core/verdict.h"
#include "reports/ids.h"
#include "reports/pairing.h"
#include "server/collector.h"

namespace examready::server {
namespace {

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

http::Response storage_unavailable(const StorageError& e) {
  std::fprintf(stderr, "storage error: %s\n", e.what());
  return http::error_response(503, "storage unavailable");
}

// Whether a stored secondary's pair_proof is the one of this primary.
bool proves(const nlohmann::json& secondary, const std::string& primary_report_id) {
  return secondary.value("pair_proof", std::string()) == reports::pair_proof(primary_report_id);
}

// A whole number from a query parameter, or nullopt.
std::optional<int> int_param(std::string_view text) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

std::optional<http::Response> Collector::check_pair(const StoredReport& report) {
  if (report.pair_proof.empty()) return std::nullopt;
  const auto primaries = storage_.find_by_code(report.columns.pair_code);
  // Not stored yet (uploaded offline, later): accepted now, linked only if it proves out
  // when staff look (pair_json).
  if (primaries.empty()) return std::nullopt;
  for (const auto& primary : primaries) {
    if (reports::pair_proof(primary.columns.report_id) == report.pair_proof) return std::nullopt;
  }
  return http::error_response(403, "pair_proof does not match the primary's report", "/pair_proof");
}

http::Response Collector::insert_answer(const StoredReport& report, const InsertResult& result) {
  if (result.status == InsertStatus::kConflict) {
    return http::json_response(
        409, {{"error", "a different report with this report_id is already stored"},
              {"code", result.code}});
  }
  nlohmann::json answer = {{"code", result.code}, {"verdict", result.verdict}};
  // The primary's QR code or link carries this, so its secondary can prove the pairing.
  if (report.columns.role == "primary") {
    answer["pair_proof"] = reports::pair_proof(report.columns.report_id);
  }
  if (result.status == InsertStatus::kCreated) return http::json_response(201, answer);
  answer["replay"] = true;
  return http::json_response(200, answer);
}

std::optional<http::Response> Collector::answer_replay(const StoredReport& report) {
  for (const auto& known : storage_.find_by_code(report.columns.code)) {
    if (known.columns.report_id != report.columns.report_id) continue;
    const bool same = known.columns.body_hash == report.columns.body_hash;
    return insert_answer(report, {same ? InsertStatus::kReplay : InsertStatus::kConflict,
                                  known.columns.code, known.columns.verdict});
  }
  return std::nullopt;
}

http::Response Collector::post_report(http::Request& req) {
  if (!report_rate_.allow(req.client)) {
    return too_many_requests(report_rate_, req.client,
                             "too many reports from this address, retry later");
  }
  auto intake = intake_report(req.body, evaluate_, reports::utc_now());
  if (auto* error = std::get_if<IntakeError>(&intake)) {
    return http::error_response(400, error->message, error->path);
  }
  const StoredReport& stored = std::get<StoredReport>(intake);
  const auto bytes = static_cast<std::int64_t>(stored.body.size());
  if (stored.body.size() > options_.max_body_bytes) {
    return http::error_response(
        413, fmt::format("report larger than {} bytes once stored", options_.max_body_bytes));
  }
  try {
    // A report already stored is answered as one instead of any pairing, rate or budget
    // refusal: a client whose 201 was lost retries, and a full disk or a primary uploaded
    // since must not turn that retry into a refusal (it would stay queued, or be dropped,
    // while stored). Looked up only when refusing: storing answers a replay itself.
    const auto unless_stored = [&](http::Response refusal) {
      return answer_replay(stored).value_or(std::move(refusal));
    };
    if (auto refusal = check_pair(stored)) return unless_stored(std::move(*refusal));
    if (!stored_bytes_rate_.allow(req.client, static_cast<double>(bytes))) {
      return unless_stored(too_many_requests(stored_bytes_rate_, req.client,
                                             "too much report data from this address, retry later",
                                             static_cast<double>(bytes)));
    }
    if (!budget_.admits(bytes)) {
      return unless_stored(
          http::error_response(507, "the collector's storage budget is exhausted"));
    }
    const InsertResult result = storage_.insert(stored);
    if (result.status == InsertStatus::kCreated) budget_.stored(bytes);
    return insert_answer(stored, result);
  } catch (const StorageError& e) {
    return storage_unavailable(e);
  }
  return http::error_response(500, "internal error");
}

std::optional<http::Response> Collector::authorize_helpdesk(const http::Request& req) {
  // A client past its failed attempts is refused before its token is even looked at: it
  // cannot go on guessing and learn from an answer which guess was right.
  if (auth_failures_.exhausted(req.client)) {
    return too_many_requests(auth_failures_, req.client,
                             "too many failed token attempts from this address, retry later");
  }
  const auto token = bearer_token(req.header("Authorization"));
  const auto role = token && valid_token_format(*token) ? tokens_.check(*token) : std::nullopt;
  if (!role) {
    auth_failures_.charge(req.client, 1);
    http::Response r =
        http::error_response(401, "a helpdesk token is required (Authorization: Bearer …)");
    r.set_header("WWW-Authenticate", "Bearer realm=\"examready-helpdesk\"");
    return r;
  }
  if (*role != TokenRole::kHelpdesk)
    return http::error_response(403, "this token may not read reports");
  return std::nullopt;
}

nlohmann::json Collector::full_json(const StoredReport& r) const {
  nlohmann::json j = summary_json(r.columns);
  j["report"] = nlohmann::json::parse(r.body);
  if (restore_ && j["report"].contains("evaluation")) restore_(j["report"]["evaluation"]);
  return j;
}

// The other phone(s) of a pair, linked only where the secondary's proof matches.
nlohmann::json Collector::pair_json(const StoredReport& report,
                                    const nlohmann::json& document) const {
  nlohmann::json primary = nullptr;
  const ReportColumns& c = report.columns;
  if (!c.pair_code.empty()) {
    for (const auto& p : storage_.find_by_code(c.pair_code)) {
      if (proves(document, p.columns.report_id)) {
        primary = full_json(p);
        break;
      }
    }
  }
  nlohmann::json secondaries = nlohmann::json::array();
  for (const auto& s : storage_.find_paired(c.code, reports::pair_proof(c.report_id))) {
    nlohmann::json shown = full_json(s);
    if (proves(shown["report"], c.report_id)) secondaries.push_back(std::move(shown));
  }
  return {{"primary", primary}, {"secondaries", secondaries}};
}

http::Response Collector::get_report(const http::Request& req) {
  if (auto refusal = authorize_helpdesk(req)) return *refusal;
  const auto code = reports::normalize_code(req.captures.at(0));
  if (!code) return http::error_response(400, "not a report code (expected e.g. 7KQ2-M9XD)");
  try {
    const auto found = storage_.find_by_code(*code);
    if (found.empty()) return http::error_response(404, "no report with code " + *code);
    nlohmann::json body = full_json(found.front());
    body["other_reports_with_code"] = static_cast<int>(found.size()) - 1;
    body["pair"] = pair_json(found.front(), body["report"]);
    return http::json_response(200, body);
  } catch (const StorageError& e) {
    return storage_unavailable(e);
  }
}

http::Response Collector::search_reports(const http::Request& req) {
  if (auto refusal = authorize_helpdesk(req)) return *refusal;
  ReportQuery query;
  query.verdict = req.param("verdict");
  query.brand = req.param("brand");
  query.model = req.param("model");
  query.since = req.param("since");
  if (!valid_verdict_filter(query.verdict)) {
    return http::error_response(400,
                                "verdict must be ready, warnings, not_ready, incomplete or "
                                "unevaluated");
  }
  if (!query.since.empty() && !reports::parse_utc(query.since)) {
    return http::error_response(400, "since must be a UTC time like 2026-11-24T08:30:00Z");
  }
  const auto page = req.has_param("page") ? int_param(req.param("page")) : std::optional(1);
  const auto limit = req.has_param("limit") ? int_param(req.param("limit")) : std::optional(50);
  if (!page || !limit || *page < 1 || *page > 100000 || *limit < 1 || *limit > 200 ||
      query.brand.size() > 256 || query.model.size() > 256) {
    return http::error_response(400, "page must be 1..100000 and limit 1..200");
  }
  query.page = *page;
  query.limit = *limit;
  try {
    const ReportPage found = storage_.search(query);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& c : found.items) items.push_back(summary_json(c));
    return http::json_response(200, {{"items", items},
                                     {"page", query.page},
                                     {"limit", query.limit},
                                     {"has_more", found.has_more}});
  } catch (const StorageError& e) {
    return storage_unavailable(e);
  }
}

}  // namespace examready::server
