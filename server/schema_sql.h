// The collector's tables, written once for both backends (the SQL differs only in the
// row id type). stats_counters is maintained on insert so /v1/stats never scans reports.
#pragma once

#include <string>
#include <string_view>

#include "core/verdict.h"

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
CREATE TABLE IF NOT EXISTS stats_counters (
  dim TEXT NOT NULL,
  key TEXT NOT NULL,
  shard INTEGER NOT NULL,
  reports BIGINT NOT NULL,
  ready BIGINT NOT NULL,
  warnings BIGINT NOT NULL,
  not_ready BIGINT NOT NULL,
  incomplete BIGINT NOT NULL,
  unevaluated BIGINT NOT NULL,
  PRIMARY KEY (dim, key, shard)
);
)SQL";
}

// Every insert adds to the counter rows of its keys, and the ("all", "") row is every
// insert's: one row per key would make that row's lock, held until the commit's fsync, a
// queue all PostgreSQL writers wait in (about 1,000 reports/s on this machine whatever the
// pool). So each key has up to kStatsShards rows, a writer adds to its own shard, and
// readers sum the shards. SQLite has one writer and uses shard 0.
inline constexpr int kStatsShards = 32;

// Databases made before the shards kept one row per key in report_stats: their counts
// become shard 0. The caller runs this in a transaction when that table exists.
inline constexpr std::string_view kMigrateReportStatsSql =
    "INSERT INTO stats_counters (dim, key, shard, reports, ready, warnings, not_ready, "
    "incomplete, unevaluated) SELECT dim, key, 0, reports, ready, warnings, not_ready, "
    "incomplete, unevaluated FROM report_stats; DROP TABLE report_stats;";

// Adds to one counter row: $1 dim, $2 key, $3 shard, $4 reports, $5..$9 the verdict counts.
inline constexpr std::string_view kStatsUpsertSql =
    "INSERT INTO stats_counters AS s (dim, key, shard, reports, ready, warnings, not_ready, "
    "incomplete, unevaluated) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
    "ON CONFLICT (dim, key, shard) DO UPDATE SET reports = s.reports + excluded.reports, "
    "ready = s.ready + excluded.ready, warnings = s.warnings + excluded.warnings, "
    "not_ready = s.not_ready + excluded.not_ready, incomplete = s.incomplete + "
    "excluded.incomplete, unevaluated = s.unevaluated + excluded.unevaluated";

// Reads, with $1 the dimension and $2 the smallest group (both backends take $N).
inline constexpr std::string_view kStatsTotalSql =
    "SELECT COALESCE(SUM(reports), 0) FROM stats_counters WHERE dim = 'all'";
inline constexpr std::string_view kStatsGroupsSql =
    "SELECT key, SUM(reports), SUM(ready), SUM(warnings), SUM(not_ready), SUM(incomplete), "
    "SUM(unevaluated) FROM stats_counters WHERE dim = $1 GROUP BY key HAVING SUM(reports) >= $2 "
    "ORDER BY 2 DESC, key";

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
  switch (core::parse_verdict(verdict).value_or(core::Verdict::kInvalid)) {
    case core::Verdict::kReady: return 0;
    case core::Verdict::kWarnings: return 1;
    case core::Verdict::kNotReady: return 2;
    case core::Verdict::kIncomplete: return 3;
    default: return 4;
  }
}

}  // namespace examready::server
