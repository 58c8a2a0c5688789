// The collector's storage interface: one schema, two backends (SQLite, PostgreSQL) over the
// same SQL and row mapping (sql_storage.h), the same test suite against both.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "server/stats_keys.h"

namespace examready::server {

// A database failure (not a client error): the API answers 503.
struct StorageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The indexed columns next to the report JSON. verdict is the server's own
// ("unevaluated" when the server has no rules set loaded).
struct ReportColumns {
  std::string report_id;
  std::string code;
  std::string body_hash;    // SHA-256 hex of the canonical JSON the client sent
  std::string created_at;   // probe clock
  std::string received_at;  // server clock
  std::string verdict;
  std::string brand;  // the report's own text (bounded by the schema), for helpdesk searches
  std::string model;
  std::string os_family;
  std::string os_version;
  std::string role;
  std::string pair_code;
  std::vector<std::string> failed_rules;  // rule ids with outcome "fail", sorted
};

struct StoredReport {
  ReportColumns columns;
  std::string body;        // the stored report JSON (with the server's evaluation)
  StatsFacts stats;        // what /v1/stats counts it under (not a column: only inserts use it)
  std::string pair_proof;  // a secondary's claim (it stays in the body); checked on upload
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

// One group of the public statistics. For the rule dimension `reports` counts the
// reports that failed the rule, and the verdict counts are those of these reports.
struct StatsRow {
  std::optional<std::string> key;  // nullopt: the unknown group
  std::int64_t reports = 0;
  std::int64_t ready = 0;
  std::int64_t warnings = 0;
  std::int64_t not_ready = 0;
  std::int64_t incomplete = 0;
  std::int64_t unevaluated = 0;
};

struct StatsResult {
  std::int64_t total_reports = 0;  // all stored reports (the denominator for rules)
  std::vector<StatsRow> rows;      // groups of at least min_group distinct devices
};

// What the disk budget counts.
struct StorageUsage {
  std::int64_t reports = 0;
  std::int64_t body_bytes = 0;
};

// The most groups /v1/stats returns per dimension (the largest first).
inline constexpr int kMaxStatsGroups = 1000;

class Storage {
 public:
  virtual ~Storage() = default;
  // Idempotent on report_id: the same body hash again is a replay, another one a conflict.
  virtual InsertResult insert(const StoredReport& report) = 0;
  // Loads many rows in one transaction (benchmarks, imports); existing ids are skipped.
  virtual void insert_bulk(const std::vector<StoredReport>& reports) = 0;
  // Newest first (40-bit codes can collide among millions of reports).
  virtual std::vector<StoredReport> find_by_code(const std::string& code) = 0;
  // Secondary phones whose report names this primary code and carries `proof` (its pair
  // proof): anyone who heard the code can upload reports naming it, and they must not push
  // the real secondary out of the newest ten.
  virtual std::vector<StoredReport> find_paired(const std::string& primary_code,
                                                const std::string& proof) = 0;
  virtual ReportPage search(const ReportQuery& query) = 0;
  // Groups with at least `min_group` distinct devices (1..kMaxTrackedDevices).
  virtual StatsResult stats(StatsDimension dimension, std::int64_t min_group) = 0;
  virtual StorageUsage usage() = 0;
  virtual std::int64_t count() = 0;
  virtual std::string backend_name() const = 0;
};

// "sqlite:PATH" or "postgresql://…" / "postgres://…" (libpq URI). `connections` sizes the
// reader pool (SQLite) or the connection pool (PostgreSQL). Throws StorageError.
std::unique_ptr<Storage> open_storage(const std::string& url, int connections);

// The stored verdict of a report without one (the server has no rules set).
inline constexpr std::string_view kUnevaluated = "unevaluated";

// failed_rules as one column: comma-separated rule ids (ids never contain commas).
std::string join_rules(const std::vector<std::string>& rules);
std::vector<std::string> split_rules(std::string_view text);

}  // namespace examready::server
