// The report: what one device measured, in the versioned JSON form examready.report/1.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/check_result.h"

namespace examready::reports {

inline constexpr std::string_view kReportSchema = "examready.report/1";

struct HostFacts {
  std::string platform;   // "linux-x86_64", "android", "ios"
  std::string device_id;  // salted hash (ids.h), empty when no stable id exists
};

struct Report {
  std::string report_id;
  std::string created_at;  // UTC, ids.h format
  std::string probe_version;
  core::Transport transport = core::Transport::kLocal;
  core::Role role = core::Role::kPrimary;
  std::string pair_code;   // secondary phone: its primary's code
  std::string pair_proof;  // and the proof that it was given it (reports/pairing.h)
  std::string exam_date;  // "YYYY-MM-DD" the candidate's exam is on; empty when not given
  HostFacts host;
  std::vector<core::CheckResult> checks;
  std::optional<nlohmann::json> evaluation;  // written by the rules evaluator

  std::string code() const;
  // Checks whose status is not ok: what this transport could not measure.
  std::vector<std::string> unavailable_checks() const;
  const core::Measurement* find(core::MetricId metric) const;
};

// A new report with a fresh id and the current time.
Report new_report(core::Transport transport, core::Role role);

nlohmann::json to_json(const Report& report);
// Throws std::invalid_argument on a document that is not a report (validate with
// schema.h first for a located message).
Report report_from_json(const nlohmann::json& json);

}  // namespace examready::reports
