// What both storage backends do, written once over SqlConnection: the schema and its
// upgrades, the insert with its statistics, the row mapping of every read. The backends
// only own their connections and transactions (sqlite_storage.cpp, pg_storage.cpp).
#pragma once

#include <string_view>

#include "server/sql.h"
#include "server/storage.h"

namespace examready::server::sql {

// Creates missing tables, and rebuilds the statistics from the stored reports when they are
// of an older layout. Run inside a transaction (and, on PostgreSQL, under the schema lock).
void ensure_schema(SqlConnection& conn, std::string_view id_column);

// Inserts the row (idempotent on report_id); a new one adds its counts, and the devices new
// to its groups, to `deltas` (written by write_stats at the end of the transaction).
InsertResult insert_report(SqlConnection& conn, const StoredReport& report, StatsDeltas& deltas);
// In the map's order, into counter shard `shard`.
void write_stats(SqlConnection& conn, const StatsDeltas& deltas, int shard);

// Reports whose `column` (code or pair_code) equals `value` and whose stored body holds
// `body_holds` (when not empty), newest first, at most 10.
std::vector<StoredReport> find_reports(SqlConnection& conn, std::string_view column,
                                       const std::string& value,
                                       const std::string& body_holds = {});
// How a stored body (compact JSON) carries a secondary's pair proof.
std::string pair_proof_field(const std::string& proof);
ReportPage search(SqlConnection& conn, const ReportQuery& query);
StatsResult stats(SqlConnection& conn, StatsDimension dimension, std::int64_t min_group);
StorageUsage usage(SqlConnection& conn);

}  // namespace examready::server::sql
