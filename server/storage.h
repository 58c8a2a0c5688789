// The collector's storage interface: one schema, two backends (SQLite, PostgreSQL),
// the same test suite against both.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace examready::server {

// A database failure (not a client error): the API answers 503.
struct StorageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The indexed columns next to the report JSON. verdict is the server's own
// (empty when the server has no rules set loaded: "unevaluated").
struct ReportColumns {
  std::string report_id;
  std::string code;
  std::string body_hash;    // SHA-256 hex of the canonical JSON the client sent
  std::string created_at;   // probe clock
  std::string received_at;  // server clock
  std::string verdict;
  std::string brand;
  std::string model;
  std::string os_family;
  std::string os_version;
  std::string role;
  std::string pair_code;
  std::vector<std::string> failed_rules;  // rule ids with outcome "fail", sorted
};

struct StoredReport {
  ReportColumns columns;
  std::string body;  // the stored report JSON (with the server's evaluation)
};

enum class InsertStatus { kCreated, kReplay, kConflict };

struct InsertResult {
  InsertStatus status = InsertStatus::kCreated;
  std::string code;
  std::string verdict;
};

struct ReportQuery {
  std::string verdict;  // "unevaluated" matches reports without a verdict
  std::string brand;
  std::string model;
  std::string since;  // received_at >= since (UTC text, ids.h format)
  int page = 1;       // 1-based
  int limit = 50;
};

struct ReportPage {
  std::vector<ReportColumns> items;
  bool has_more = false;
};

enum class StatsDimension { kInvalid, kBrand, kModel, kOsVersion, kRule };
std::optional<StatsDimension> parse_stats_dimension(std::string_view text);
std::string_view to_string(StatsDimension dimension);

// One group of the public statistics. For the rule dimension `reports` counts the
// reports that failed the rule, and the verdict counts are those of these reports.
struct StatsRow {
  std::string key;
  std::int64_t reports = 0;
  std::int64_t ready = 0;
  std::int64_t warnings = 0;
  std::int64_t not_ready = 0;
  std::int64_t incomplete = 0;
  std::int64_t unevaluated = 0;
};

struct StatsResult {
  std::int64_t total_reports = 0;  // all stored reports (the denominator for rules)
  std::vector<StatsRow> rows;      // only groups with at least min_group reports
};

class Storage {
 public:
  virtual ~Storage() = default;
  // Idempotent on report_id: the same body hash again is a replay, another one a conflict.
  virtual InsertResult insert(const StoredReport& report) = 0;
  // Loads many rows in one transaction (benchmarks, imports); existing ids are skipped.
  virtual void insert_bulk(const std::vector<StoredReport>& reports) = 0;
  // Newest first (40-bit codes can collide among millions of reports).
  virtual std::vector<StoredReport> find_by_code(const std::string& code) = 0;
  // Secondary phones whose report names this primary code.
  virtual std::vector<StoredReport> find_paired(const std::string& primary_code) = 0;
  virtual ReportPage search(const ReportQuery& query) = 0;
  virtual StatsResult stats(StatsDimension dimension, std::int64_t min_group) = 0;
  virtual std::int64_t count() = 0;
  virtual std::string backend_name() const = 0;
};

// "sqlite:PATH" or "postgresql://…" / "postgres://…" (libpq URI). `connections` sizes the
// reader pool (SQLite) or the connection pool (PostgreSQL). Throws StorageError.
std::unique_ptr<Storage> open_storage(const std::string& url, int connections);

// Verdict buckets used by both backends' aggregate tables.
inline constexpr std::string_view kUnevaluated = "unevaluated";

// The aggregate rows an insert touches, as (dimension, key). (The lock order comes from
// StatsDeltas below.)
std::vector<std::pair<std::string, std::string>> stats_keys(const ReportColumns& columns);

// Counter increments per (dimension, key), summed over the inserts of one transaction and
// written once at its end: {reports, ready, warnings, not_ready, incomplete, unevaluated}.
// PostgreSQL keeps each update of a row as a new row version until the transaction ends,
// so a bulk load adding to the same rows report by report slowed with every report. The
// map's order (by dimension, then key) is the one order every PostgreSQL transaction locks
// rows in, so concurrent ones cannot deadlock.
using StatsDeltas = std::map<std::pair<std::string, std::string>, std::array<std::int64_t, 6>>;
void add_stats_delta(StatsDeltas& deltas, const ReportColumns& columns);

}  // namespace examready::server

namespace examready::server {
// failed_rules as one column: comma-separated rule ids (ids never contain commas).
std::string join_rules(const std::vector<std::string>& rules);
std::vector<std::string> split_rules(std::string_view text);
}  // namespace examready::server
