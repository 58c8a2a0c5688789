// Upload intake: from request body to StoredReport.
#include "server/intake.h"

#include <algorithm>

#include "core/sha256.h"
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

}  // namespace

ReportColumns index_columns(const nlohmann::json& document) {
  ReportColumns c;
  c.report_id = document.at("report_id").get<std::string>();
  c.code = document.at("code").get<std::string>();
  c.created_at = document.at("created_at").get<std::string>();
  c.role = document.at("role").get<std::string>();
  c.pair_code = document.value("pair_code", std::string());
  std::string brand = measurement_text(document, "device.brand");
  std::transform(brand.begin(), brand.end(), brand.begin(),
                 [](unsigned char ch) { return std::tolower(ch); });
  c.brand = brand;
  c.model = measurement_text(document, "device.model");
  c.os_family = measurement_text(document, "os.family");
  c.os_version = measurement_text(document, "os.version");
  c.verdict = std::string(kUnevaluated);
  if (auto it = document.find("evaluation"); it != document.end()) {
    c.verdict = it->at("verdict").get<std::string>();
    for (const auto& rule : it->at("rules")) {
      if (rule.at("outcome") == core::to_string(core::RuleOutcome::kFail))
        c.failed_rules.push_back(rule.at("id").get<std::string>());
    }
    std::sort(c.failed_rules.begin(), c.failed_rules.end());
  }
  return c;
}

std::variant<StoredReport, IntakeError> intake_report(std::string_view body,
                                                      const Evaluator& evaluate,
                                                      const std::string& received_at) {
  nlohmann::json document = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) return IntakeError{"body is not JSON", ""};
  if (auto errors = reports::validate_report(document); !errors.empty()) {
    return IntakeError{"not a valid report: " + errors.front().message, errors.front().path};
  }
  const std::string report_id = document["report_id"].get<std::string>();
  if (document["code"] != reports::short_code(report_id)) {
    return IntakeError{"code does not match report_id", "/code"};
  }
  if (document.contains("pair_code") && document["pair_code"] == document["code"]) {
    return IntakeError{"a report cannot pair with itself", "/pair_code"};
  }
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
  stored.body = document.dump();
  return stored;
}

}  // namespace examready::server
