// Report construction and its JSON form.
#include "reports/report.h"

#include <stdexcept>

#include "core/result_json.h"
#include "reports/ids.h"

namespace examready::reports {

std::string Report::code() const { return short_code(report_id); }

std::vector<std::string> Report::unavailable_checks() const {
  std::vector<std::string> names;
  for (const auto& check : checks) {
    if (check.status != core::CheckStatus::kOk) names.push_back(check.name);
  }
  return names;
}

const core::Measurement* Report::find(core::MetricId metric) const {
  for (const auto& check : checks) {
    if (const auto* m = check.find(metric)) return m;
  }
  return nullptr;
}

Report new_report(core::Transport transport, core::Role role) {
  Report report;
  report.report_id = new_report_id();
  report.created_at = utc_now();
  report.probe_version = EXAMREADY_VERSION;
  report.transport = transport;
  report.role = role;
  return report;
}

nlohmann::json to_json(const Report& report) {
  nlohmann::json checks = nlohmann::json::array();
  for (const auto& check : report.checks) checks.push_back(core::to_json(check));
  nlohmann::json host = {{"platform", report.host.platform}};
  if (!report.host.device_id.empty()) host["device_id"] = report.host.device_id;
  nlohmann::json json = {
      {"schema", kReportSchema},
      {"report_id", report.report_id},
      {"code", report.code()},
      {"created_at", report.created_at},
      {"role", core::to_string(report.role)},
      {"probe",
       {{"version", report.probe_version},
        {"transport", core::to_string(report.transport)},
        {"unavailable_checks", report.unavailable_checks()}}},
      {"host", std::move(host)},
      {"checks", std::move(checks)},
  };
  if (!report.pair_code.empty()) json["pair_code"] = report.pair_code;
  if (!report.pair_proof.empty()) json["pair_proof"] = report.pair_proof;
  if (!report.exam_date.empty()) json["exam_date"] = report.exam_date;
  if (report.evaluation) json["evaluation"] = *report.evaluation;
  return json;
}

Report report_from_json(const nlohmann::json& json) {
  try {
    if (json.at("schema") != kReportSchema) throw std::invalid_argument("unsupported schema");
    Report report;
    report.report_id = json.at("report_id").get<std::string>();
    report.created_at = json.at("created_at").get<std::string>();
    report.probe_version = json.at("probe").at("version").get<std::string>();
    auto transport = core::parse_transport(json.at("probe").at("transport").get<std::string>());
    auto role = core::parse_role(json.at("role").get<std::string>());
    if (!transport || !role) throw std::invalid_argument("unknown transport or role");
    report.transport = *transport;
    report.role = *role;
    report.pair_code = json.value("pair_code", std::string());
    report.pair_proof = json.value("pair_proof", std::string());
    report.exam_date = json.value("exam_date", std::string());
    if (!report.exam_date.empty() && !parse_exam_date(report.exam_date))
      throw std::invalid_argument("exam_date is not a date");
    report.host.platform = json.at("host").at("platform").get<std::string>();
    report.host.device_id = json.at("host").value("device_id", std::string());
    for (const auto& check : json.at("checks")) {
      report.checks.push_back(core::check_result_from_json(check));
      // One result per check: with two, unavailable_checks would list a name twice and the
      // stored report would fail its own schema (found by fuzzing).
      for (std::size_t i = 0; i + 1 < report.checks.size(); ++i) {
        if (report.checks[i].name == report.checks.back().name) {
          throw std::invalid_argument("checks/" + std::to_string(report.checks.size() - 1) +
                                      ": check '" + report.checks.back().name +
                                      "' is listed twice");
        }
      }
    }
    if (json.contains("evaluation")) report.evaluation = json.at("evaluation");
    return report;
  } catch (const nlohmann::json::exception& e) {
    throw std::invalid_argument(std::string("not a report: ") + e.what());
  }
}

}  // namespace examready::reports
