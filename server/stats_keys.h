// What the public statistics group by, and the counter increments an insert makes. Brand,
// model and OS come from the device database's canonical names and a fixed list of OS
// families, never from a client's text: nobody can invent a group, inject a spreadsheet
// formula or grow the number of groups. A fact nobody could establish is the explicit
// "unknown" group (an empty key in the database, null in JSON), never a made-up value.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace examready::server {

struct ReportColumns;

struct StatsFacts {
  std::optional<std::string> brand;  // device database brand ("redmi")
  std::optional<std::string> model;  // device database marketing name ("Redmi Note 9")
  std::optional<std::string> os;     // "android 12": known family, major version 0..99
  std::string device_id;             // host.device_id; empty: the report counts no device
};

// From a validated report document.
StatsFacts stats_facts(const nlohmann::json& report);

// kModelRule: failure clusters, one group per (model, failed rule) of known models, so a
// school sees which models fail which rule (the group key is model + kClusterSeparator + rule).
enum class StatsDimension { kInvalid, kBrand, kModel, kOsVersion, kRule, kModelRule };
std::optional<StatsDimension> parse_stats_dimension(std::string_view text);
std::string_view to_string(StatsDimension dimension);

// Model names and rule ids contain no tab.
inline constexpr char kClusterSeparator = '\t';
// A kModelRule key's (model, rule).
std::pair<std::string, std::string> split_cluster_key(std::string_view key);

// The key of the unknown group in the database (no canonical name can be empty).
inline constexpr std::string_view kUnknownKey = "";

// The (dimension, key) rows an insert adds to: ("all", ""), brand, model, os_version, each
// failed rule and, when the model is known, each (model, failed rule), sorted.
std::vector<std::pair<std::string, std::string>> stats_keys(const ReportColumns& columns,
                                                            const StatsFacts& facts);

// Counter increments per (dimension, key), summed over the inserts of one transaction and
// written once at its end. PostgreSQL keeps each update of a row as a new row version until
// the transaction ends, so adding to the same rows report by report slowed a bulk load with
// every report. The map's order (by dimension, then key) is the one order every PostgreSQL
// transaction locks rows in, so concurrent ones cannot deadlock.
namespace counter {
enum Index : std::size_t {
  kReports,
  kReady,
  kWarnings,
  kNotReady,
  kIncomplete,
  kUnevaluated,
  kDevices,    // distinct devices (counted up to kMaxTrackedDevices per group)
  kBodyBytes,  // stored bytes (on the "all" row: the disk budget's figure)
  kCount
};
}  // namespace counter
using StatsCounts = std::array<std::int64_t, counter::kCount>;
using StatsDeltas = std::map<std::pair<std::string, std::string>, StatsCounts>;

// Adds an insert's report and verdict counts (devices are added by the backend, which
// knows whether a device is new to a group).
void add_stats_delta(StatsDeltas& deltas, const ReportColumns& columns, const StatsFacts& facts,
                     std::int64_t body_bytes);

// A group is public once this many distinct devices are in it; devices beyond are not
// tracked (so --min-group is at most this).
inline constexpr std::int64_t kMaxTrackedDevices = 100;

}  // namespace examready::server
