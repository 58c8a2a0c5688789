// Upload intake: from request body to StoredReport.
#include "server/intake.h"

#include <algorithm>

#include "core/sha256.h"
#include "core/text.h"
#include "core/verdict.h"
#include "reports/ids.h"
#include "reports/schema.h"

namespace examready::server {
namespace {

std::string measurement_text(const nlohmann::json& document, std::string_view metric) {
  for (const auto& check : document["checks"]) {
    const auto& measurements = check["measurements"];
    auto it = measurements.find(metric);
    if (it == measurements.end()) continue;
    const auto& value = (*it)["value"];
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number()) return value.dump();
  }
  return "";
}

// The stored verdict, spelled by core::Verdict; anything else is unevaluated.
std::string stored_verdict(const nlohmann::json& evaluation) {
  const auto verdict = core::parse_verdict(evaluation.at("verdict").get<std::string>());
  return verdict ? std::string(core::to_string(*verdict)) : std::string(kUnevaluated);
}

std::optional<IntakeError> check_identity(const nlohmann::json& document) {
  const std::string report_id = document["report_id"].get<std::string>();
  if (document["code"] != reports::short_code(report_id)) {
    return IntakeError{"code does not match report_id", "/code"};
  }
  const PairClaim claim = pair_claim(document);
  if (claim.primary_code.empty()) {
    if (!claim.proof.empty()) return IntakeError{"pair_proof without pair_code", "/pair_proof"};
    return std::nullopt;
  }
  if (claim.primary_code == document["code"]) {
    return IntakeError{"a report cannot pair with itself", "/pair_code"};
  }
  if (claim.proof.empty()) {
    return IntakeError{"pair_code needs the pair_proof the primary's QR code or link carries",
                       "/pair_proof"};
  }
  return std::nullopt;
}

}  // namespace

PairClaim pair_claim(const nlohmann::json& document) {
  return {document.value("pair_code", std::string()), document.value("pair_proof", std::string())};
}

ReportColumns index_columns(const nlohmann::json& document) {
  ReportColumns c;
  c.report_id = document.at("report_id").get<std::string>();
  c.code = document.at("code").get<std::string>();
  c.created_at = document.at("created_at").get<std::string>();
  c.role = document.at("role").get<std::string>();
  c.pair_code = document.value("pair_code", std::string());
  c.brand = core::text::lower(measurement_text(document, "device.brand"));
  c.model = measurement_text(document, "device.model");
  c.os_family = measurement_text(document, "os.family");
  c.os_version = measurement_text(document, "os.version");
  c.verdict = std::string(kUnevaluated);
  if (auto it = document.find("evaluation"); it != document.end()) {
    c.verdict = stored_verdict(*it);
    for (const auto& rule : it->at("rules")) {
      if (core::parse_rule_outcome(rule.at("outcome").get<std::string>()) ==
          core::RuleOutcome::kFail) {
        c.failed_rules.push_back(rule.at("id").get<std::string>());
      }
    }
    std::sort(c.failed_rules.begin(), c.failed_rules.end());
    c.failed_rules.erase(std::unique(c.failed_rules.begin(), c.failed_rules.end()),
                         c.failed_rules.end());
  }
  return c;
}

std::variant<StoredReport, IntakeError> intake_report(std::string_view body,
                                                      const Evaluator& evaluate,
                                                      const std::string& received_at) {
  nlohmann::json document;
  if (auto error = reports::parse_report(body, document)) {
    if (error->path.empty()) return IntakeError{error->message, ""};
    return IntakeError{"not a valid report: " + error->message, error->path};
  }
  if (auto error = check_identity(document)) return *error;
  // The typed model also checks what the schema cannot: metric names against the catalog
  // and value types against each metric's type.
  reports::Report report;
  try {
    report = reports::report_from_json(document);
  } catch (const std::exception& e) {
    return IntakeError{std::string("not a valid report: ") + e.what(), "/checks"};
  }
  StoredReport stored;
  // The idempotency key is the report id; the hash tells a replay from a conflict and
  // ignores formatting (a gzip or pretty-printed replay is the same report).
  const std::string canonical = document.dump();
  // The server's verdict replaces whatever the client evaluated.
  document.erase("evaluation");
  if (evaluate) {
    report.evaluation.reset();
    nlohmann::json evaluation = evaluate(report);
    if (!evaluation.is_null()) document["evaluation"] = std::move(evaluation);
  }
  stored.columns = index_columns(document);
  stored.columns.body_hash = core::sha256_hex(canonical);
  stored.columns.received_at = received_at;
  stored.stats = stats_facts(document);
  stored.pair_proof = pair_claim(document).proof;
  stored.body = document.dump();
  return stored;
}

}  // namespace examready::server
