// The collector's tables and statements, written once for both backends (the SQL differs
// only in the row id type; parameters are $1, $2… in order of first use, which SQLite and
// PostgreSQL both take). stats_counters is maintained on insert so /v1/stats never scans
// reports.
#pragma once

#include <string>
#include <string_view>

#include "server/stats_keys.h"
#include "server/storage.h"

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
CREATE TABLE IF NOT EXISTS collector_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
)SQL";
}

// The statistics tables, version kStatsVersion. Groups are canonical names (stats_keys.h);
// stats_devices holds the first kMaxTrackedDevices distinct devices of each group, so a
// group's devices count (what k-anonymity is judged on) cannot be raised by copies.
inline constexpr std::string_view kStatsVersion = "3";  // 3: model_rule clusters
inline constexpr std::string_view kStatsVersionSql =
    "SELECT value FROM collector_meta WHERE key = 'stats_version'";
inline constexpr std::string_view kSetStatsVersionSql =
    "INSERT INTO collector_meta (key, value) VALUES ('stats_version', $1) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value";
// Statistics of an older layout (free-text keys, no device counts, no model_rule groups, or the
// older report_stats table) are dropped and rebuilt from the stored reports.
inline constexpr std::string_view kDropStatsSql =
    "DROP TABLE IF EXISTS report_stats; DROP TABLE IF EXISTS stats_counters; "
    "DROP TABLE IF EXISTS stats_devices;";
inline constexpr std::string_view kStatsTablesSql = R"SQL(
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
  devices BIGINT NOT NULL,
  body_bytes BIGINT NOT NULL,
  PRIMARY KEY (dim, key, shard)
);
CREATE TABLE IF NOT EXISTS stats_devices (
  dim TEXT NOT NULL,
  key TEXT NOT NULL,
  device TEXT NOT NULL,
  PRIMARY KEY (dim, key, device)
);
)SQL";

// Every insert adds to the counter rows of its keys, and the ("all", "") row is every
// insert's: one row per key would make that row's lock, held until the commit's fsync, a
// queue all PostgreSQL writers wait in (about 1,000 reports/s on this machine whatever the
// pool). So each key has up to kStatsShards rows, a writer adds to its own shard, and
// readers sum the shards. SQLite has one writer and uses shard 0.
inline constexpr int kStatsShards = 32;

// Adds to `rows` counter rows in one statement: per row (dim, key, shard, then the counts in
// StatsCounter order). Rows are locked in the order given (StatsDeltas' order). One statement
// instead of one per row: a PostgreSQL insert is a round trip per statement.
inline std::string stats_upsert_sql(std::size_t rows) {
  std::string sql =
      "INSERT INTO stats_counters AS s (dim, key, shard, reports, ready, warnings, not_ready, "
      "incomplete, unevaluated, devices, body_bytes) VALUES ";
  for (std::size_t r = 0; r < rows; ++r) {
    sql += r ? ", (" : "(";
    for (std::size_t c = 0; c < 11; ++c) {
      sql += (c ? ", $" : "$") + std::to_string(r * 11 + c + 1);
    }
    sql += ")";
  }
  return sql +
         " ON CONFLICT (dim, key, shard) DO UPDATE SET reports = s.reports + excluded.reports, "
         "ready = s.ready + excluded.ready, warnings = s.warnings + excluded.warnings, "
         "not_ready = s.not_ready + excluded.not_ready, incomplete = s.incomplete + "
         "excluded.incomplete, unevaluated = s.unevaluated + excluded.unevaluated, devices = "
         "s.devices + excluded.devices, body_bytes = s.body_bytes + excluded.body_bytes";
}

// A device ($1) into `groups` (dim, key) groups at once, where it is new and the group tracks
// fewer than kMaxTrackedDevices: returns the (dim, key) of the rows it added.
inline std::string stats_devices_sql(std::size_t groups) {
  std::string sql =
      "INSERT INTO stats_devices (dim, key, device) SELECT d.column1, d.column2, $1 FROM (VALUES ";
  for (std::size_t g = 0; g < groups; ++g) {
    sql += (g ? ", ($" : "($") + std::to_string(2 * g + 2) + ", $" + std::to_string(2 * g + 3) + ")";
  }
  return sql +
         ") AS d WHERE (SELECT COUNT(*) FROM stats_devices t WHERE t.dim = d.column1 AND t.key = "
         "d.column2) < " +
         std::to_string(kMaxTrackedDevices) +
         " ON CONFLICT (dim, key, device) DO NOTHING RETURNING dim, key";
}

// Reads, with $1 the dimension and $2 the smallest group in distinct devices.
inline constexpr std::string_view kStatsTotalSql =
    "SELECT COALESCE(SUM(reports), 0), COALESCE(SUM(body_bytes), 0) FROM stats_counters WHERE "
    "dim = 'all'";
inline std::string stats_groups_sql() {
  return "SELECT key, SUM(reports), SUM(ready), SUM(warnings), SUM(not_ready), SUM(incomplete), "
         "SUM(unevaluated) FROM stats_counters WHERE dim = $1 GROUP BY key HAVING SUM(devices) >= "
         "CAST($2 AS BIGINT) ORDER BY 2 DESC, key LIMIT " +
         std::to_string(kMaxStatsGroups);
}

// Column list shared by INSERT and SELECT, in ReportColumns order, then body.
inline constexpr std::string_view kReportColumns =
    "report_id, code, body_hash, created_at, received_at, verdict, brand, model, os_family, "
    "os_version, role, pair_code, failed_rules, body";
inline constexpr std::string_view kSummaryColumns =
    "report_id, code, body_hash, created_at, received_at, verdict, brand, model, os_family, "
    "os_version, role, pair_code, failed_rules";
inline constexpr std::string_view kInsertReportSql =
    "INSERT INTO reports (report_id, code, body_hash, created_at, received_at, verdict, brand, "
    "model, os_family, os_version, role, pair_code, failed_rules, body) VALUES ($1, $2, $3, $4, "
    "$5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (report_id) DO NOTHING";
inline constexpr std::string_view kExistingReportSql =
    "SELECT body_hash, code, verdict FROM reports WHERE report_id = $1";

}  // namespace examready::server
