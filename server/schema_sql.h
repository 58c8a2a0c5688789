// The collector's tables, written once for both backends (the SQL differs only in the
// row id type). report_stats is maintained on insert so /v1/stats never scans reports.
#pragma once

#include <string>
#include <string_view>

namespace examready::server {

inline std::string schema_sql(std::string_view id_column) {
  return std::string("CREATE TABLE IF NOT EXISTS reports (\n  id ") + std::string(id_column) +
         R"SQL(,
  report_id TEXT NOT NULL UNIQUE,
  code TEXT NOT NULL,
  body_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  received_at TEXT NOT NULL,
  verdict TEXT NOT NULL,
  brand TEXT NOT NULL,
  model TEXT NOT NULL,
  os_family TEXT NOT NULL,
  os_version TEXT NOT NULL,
  role TEXT NOT NULL,
  pair_code TEXT NOT NULL,
  failed_rules TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS reports_code ON reports (code);
CREATE INDEX IF NOT EXISTS reports_pair_code ON reports (pair_code) WHERE pair_code <> '';
CREATE INDEX IF NOT EXISTS reports_verdict ON reports (verdict, id);
CREATE INDEX IF NOT EXISTS reports_brand ON reports (brand, id);
CREATE INDEX IF NOT EXISTS reports_model ON reports (model, id);
CREATE INDEX IF NOT EXISTS reports_received_at ON reports (received_at);
CREATE TABLE IF NOT EXISTS report_stats (
  dim TEXT NOT NULL,
  key TEXT NOT NULL,
  reports BIGINT NOT NULL,
  ready BIGINT NOT NULL,
  warnings BIGINT NOT NULL,
  not_ready BIGINT NOT NULL,
  incomplete BIGINT NOT NULL,
  unevaluated BIGINT NOT NULL,
  PRIMARY KEY (dim, key)
);
)SQL";
}

// Column list shared by INSERT and SELECT, in ReportColumns order, then body.
inline constexpr std::string_view kReportColumns =
    "report_id, code, body_hash, created_at, received_at, verdict, brand, model, os_family, "
    "os_version, role, pair_code, failed_rules, body";

inline constexpr std::string_view kSummaryColumns =
    "report_id, code, body_hash, created_at, received_at, verdict, brand, model, os_family, "
    "os_version, role, pair_code, failed_rules";

// Position of the verdict among the stats counters (ready, warnings, not_ready, incomplete,
// unevaluated), or 4 for anything else.
inline int verdict_slot(std::string_view verdict) {
  if (verdict == "ready") return 0;
  if (verdict == "warnings") return 1;
  if (verdict == "not_ready") return 2;
  if (verdict == "incomplete") return 3;
  return 4;
}

}  // namespace examready::server
