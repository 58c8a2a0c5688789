// Shared storage code (sql_storage.h): one row mapping for both backends.
#include "server/sql_storage.h"

#include <cstdio>

#include "server/schema_sql.h"

namespace examready::server::sql {
namespace {

// The columns of kReportColumns / kSummaryColumns from position `at` of a row.
ReportColumns read_columns(const std::vector<SqlValue>& row, std::size_t at = 0) {
  ReportColumns c;
  c.report_id = text(row.at(at + 0));
  c.code = text(row.at(at + 1));
  c.body_hash = text(row.at(at + 2));
  c.created_at = text(row.at(at + 3));
  c.received_at = text(row.at(at + 4));
  c.verdict = text(row.at(at + 5));
  c.brand = text(row.at(at + 6));
  c.model = text(row.at(at + 7));
  c.os_family = text(row.at(at + 8));
  c.os_version = text(row.at(at + 9));
  c.role = text(row.at(at + 10));
  c.pair_code = text(row.at(at + 11));
  c.failed_rules = split_rules(text(row.at(at + 12)));
  return c;
}

std::vector<std::string> insert_params(const StoredReport& report) {
  const ReportColumns& c = report.columns;
  return {c.report_id,
          c.code,
          c.body_hash,
          c.created_at,
          c.received_at,
          c.verdict,
          c.brand,
          c.model,
          c.os_family,
          c.os_version,
          c.role,
          c.pair_code,
          join_rules(c.failed_rules),
          report.body};
}

// Adds the device to each of the report's groups that does not count it yet.
void count_devices(SqlConnection& conn, const ReportColumns& columns, const StatsFacts& facts,
                   StatsDeltas& deltas) {
  if (facts.device_id.empty()) return;
  std::vector<std::string> params = {facts.device_id};
  for (const auto& key : stats_keys(columns, facts)) {
    if (key.first == "all") continue;
    params.push_back(key.first);
    params.push_back(key.second);
  }
  const std::size_t groups = (params.size() - 1) / 2;
  if (groups == 0) return;
  for (const auto& row : conn.run(stats_devices_sql(groups), params).rows) {
    deltas[{text(row.at(0)), text(row.at(1))}][counter::kDevices] += 1;
  }
}

StatsFacts facts_of_body(const std::string& body) {
  const auto document = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!document.is_object()) return {};
  try {
    return stats_facts(document);
  } catch (const nlohmann::json::exception&) {
    return {};  // a row written by hand: counted, in the unknown groups
  }
}

// Statistics from every stored report, in pages by row id.
void rebuild_stats(SqlConnection& conn) {
  StatsDeltas deltas;
  std::string last = "0";
  std::int64_t rows = 0;
  for (;;) {
    const SqlResult page = conn.run("SELECT id, " + std::string(kReportColumns) +
                                        " FROM reports WHERE id > CAST($1 AS BIGINT) ORDER BY "
                                        "id LIMIT 2000",
                                    {last});
    if (page.rows.empty()) break;
    for (const auto& row : page.rows) {
      const ReportColumns columns = read_columns(row, 1);
      const std::string body = text(row.at(14));
      const StatsFacts facts = facts_of_body(body);
      add_stats_delta(deltas, columns, facts, static_cast<std::int64_t>(body.size()));
      count_devices(conn, columns, facts, deltas);
      last = text(row.at(0));
      ++rows;
    }
  }
  write_stats(conn, deltas, 0);
  if (rows > 0) {
    std::fprintf(stderr, "examready-server: statistics rebuilt from %lld stored reports\n",
                 static_cast<long long>(rows));
  }
}

}  // namespace

void ensure_schema(SqlConnection& conn, std::string_view id_column) {
  conn.exec(schema_sql(id_column));
  const SqlResult version = conn.run(std::string(kStatsVersionSql), {});
  if (!version.rows.empty() && text(version.rows[0].at(0)) == kStatsVersion) {
    conn.exec(std::string(kStatsTablesSql));  // a no-op unless a table went missing
    return;
  }
  conn.exec(std::string(kDropStatsSql));
  conn.exec(std::string(kStatsTablesSql));
  rebuild_stats(conn);
  conn.run(std::string(kSetStatsVersionSql), {std::string(kStatsVersion)});
}

InsertResult insert_report(SqlConnection& conn, const StoredReport& report, StatsDeltas& deltas) {
  const ReportColumns& c = report.columns;
  if (conn.run(std::string(kInsertReportSql), insert_params(report)).changed == 1) {
    add_stats_delta(deltas, c, report.stats, static_cast<std::int64_t>(report.body.size()));
    count_devices(conn, c, report.stats, deltas);
    return {InsertStatus::kCreated, c.code, c.verdict};
  }
  const SqlResult existing = conn.run(std::string(kExistingReportSql), {c.report_id});
  if (existing.rows.size() != 1) throw StorageError("conflicting row vanished");
  const auto& row = existing.rows[0];
  InsertResult result;
  result.status = text(row.at(0)) == c.body_hash ? InsertStatus::kReplay : InsertStatus::kConflict;
  result.code = text(row.at(1));
  result.verdict = text(row.at(2));
  return result;
}

void write_stats(SqlConnection& conn, const StatsDeltas& deltas, int shard) {
  // At most 256 rows a statement: bounded parameter counts and few statement texts to prepare.
  constexpr std::size_t kRowsPerStatement = 256;
  std::vector<std::string> params;
  std::size_t rows = 0;
  auto flush = [&] {
    if (rows == 0) return;
    conn.run(stats_upsert_sql(rows), params);
    params.clear();
    rows = 0;
  };
  for (const auto& [key, counts] : deltas) {
    params.insert(params.end(), {key.first, key.second, std::to_string(shard)});
    for (std::int64_t n : counts) params.push_back(std::to_string(n));
    if (++rows == kRowsPerStatement) flush();
  }
  flush();
}

std::string pair_proof_field(const std::string& proof) {
  return "\"pair_proof\":\"" + proof + "\"";
}

std::vector<StoredReport> find_reports(SqlConnection& conn, std::string_view column,
                                       const std::string& value, const std::string& body_holds) {
  std::vector<std::string> params{value};
  std::string sql = "SELECT " + std::string(kReportColumns) + " FROM reports WHERE " +
                    std::string(column) + " = $1 AND " + std::string(column) + " <> ''";
  if (!body_holds.empty()) {
    // LIKE's own wildcards: `_` in the text matches itself too, and the caller checks the
    // rows it gets exactly.
    sql += " AND body LIKE $2";
    params.push_back("%" + body_holds + "%");
  }
  sql += " ORDER BY id DESC LIMIT 10";
  std::vector<StoredReport> found;
  for (const auto& row : conn.run(sql, params).rows) {
    StoredReport report;
    report.columns = read_columns(row);
    report.body = text(row.at(13));
    found.push_back(std::move(report));
  }
  return found;
}

ReportPage search(SqlConnection& conn, const ReportQuery& query) {
  std::string sql = "SELECT " + std::string(kSummaryColumns) + " FROM reports WHERE 1 = 1";
  std::vector<std::string> params;
  auto filter = [&](const std::string& value, const char* column, const char* op) {
    if (value.empty()) return;
    params.push_back(value);
    sql += std::string(" AND ") + column + op + "$" + std::to_string(params.size());
  };
  filter(query.verdict, "verdict", " = ");
  filter(query.brand, "brand", " = ");
  filter(query.model, "model", " = ");
  filter(query.since, "received_at", " >= ");
  params.push_back(std::to_string(query.limit + 1));
  sql += " ORDER BY id DESC LIMIT CAST($" + std::to_string(params.size()) + " AS BIGINT)";
  params.push_back(std::to_string(static_cast<std::int64_t>(query.page - 1) * query.limit));
  sql += " OFFSET CAST($" + std::to_string(params.size()) + " AS BIGINT)";
  ReportPage page;
  for (const auto& row : conn.run(sql, params).rows) page.items.push_back(read_columns(row));
  if (static_cast<int>(page.items.size()) > query.limit) {
    page.items.pop_back();
    page.has_more = true;
  }
  return page;
}

StatsResult stats(SqlConnection& conn, StatsDimension dimension, std::int64_t min_group) {
  static const std::string kGroups = stats_groups_sql();
  StatsResult result;
  const SqlResult total = conn.run(std::string(kStatsTotalSql), {});
  if (!total.rows.empty()) result.total_reports = integer(total.rows[0].at(0));
  const SqlResult groups =
      conn.run(kGroups, {std::string(to_string(dimension)), std::to_string(min_group)});
  for (const auto& row : groups.rows) {
    StatsRow s;
    const std::string key = text(row.at(0));
    if (key != kUnknownKey) s.key = key;
    s.reports = integer(row.at(1));
    s.ready = integer(row.at(2));
    s.warnings = integer(row.at(3));
    s.not_ready = integer(row.at(4));
    s.incomplete = integer(row.at(5));
    s.unevaluated = integer(row.at(6));
    result.rows.push_back(std::move(s));
  }
  return result;
}

StorageUsage usage(SqlConnection& conn) {
  const SqlResult total = conn.run(std::string(kStatsTotalSql), {});
  if (total.rows.empty()) return {};
  return {integer(total.rows[0].at(0)), integer(total.rows[0].at(1))};
}

}  // namespace examready::server::sql
