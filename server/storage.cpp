// Backend selection from the --db URL, and the aggregate keys shared by both backends.
#include "server/storage.h"

#include <algorithm>

#include "server/pg_storage.h"
#include "server/schema_sql.h"
#include "server/sqlite_storage.h"

namespace examready::server {

std::optional<StatsDimension> parse_stats_dimension(std::string_view text) {
  if (text == "brand") return StatsDimension::kBrand;
  if (text == "model") return StatsDimension::kModel;
  if (text == "os_version") return StatsDimension::kOsVersion;
  if (text == "rule") return StatsDimension::kRule;
  return std::nullopt;
}

std::string_view to_string(StatsDimension dimension) {
  switch (dimension) {
    case StatsDimension::kBrand:
      return "brand";
    case StatsDimension::kModel:
      return "model";
    case StatsDimension::kOsVersion:
      return "os_version";
    case StatsDimension::kRule:
      return "rule";
    case StatsDimension::kInvalid:
      break;
  }
  return "invalid";
}

namespace {

// "17.1.2" -> "17.1": patch levels would split groups below the k-anonymity threshold.
std::string major_minor(const std::string& version) {
  const auto first = version.find('.');
  if (first == std::string::npos) return version;
  const auto second = version.find('.', first + 1);
  return second == std::string::npos ? version : version.substr(0, second);
}

std::string or_unknown(const std::string& text) { return text.empty() ? "unknown" : text; }

}  // namespace

std::vector<std::pair<std::string, std::string>> stats_keys(const ReportColumns& c) {
  std::vector<std::pair<std::string, std::string>> keys;
  keys.emplace_back("all", "");
  keys.emplace_back("brand", or_unknown(c.brand));
  keys.emplace_back("model", or_unknown(c.brand) + " " + or_unknown(c.model));
  keys.emplace_back("os_version",
                    or_unknown(c.os_family) + " " + or_unknown(major_minor(c.os_version)));
  for (const auto& rule : c.failed_rules) keys.emplace_back("rule", rule);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

void add_stats_delta(StatsDeltas& deltas, const ReportColumns& columns) {
  const int slot = verdict_slot(columns.verdict);
  for (auto& key : stats_keys(columns)) {
    auto& counts = deltas[std::move(key)];
    counts[0] += 1;
    counts[1 + slot] += 1;
  }
}

std::unique_ptr<Storage> open_storage(const std::string& url, int connections) {
  if (url.rfind("sqlite:", 0) == 0) return open_sqlite_storage(url.substr(7), connections);
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    return open_pg_storage(url, connections);
  }
  throw StorageError("--db must be sqlite:PATH or postgresql://…, got '" + url + "'");
}

}  // namespace examready::server

namespace examready::server {

std::string join_rules(const std::vector<std::string>& rules) {
  std::string text;
  for (const auto& rule : rules) {
    if (!text.empty()) text += ',';
    text += rule;
  }
  return text;
}

std::vector<std::string> split_rules(std::string_view text) {
  std::vector<std::string> rules;
  while (!text.empty()) {
    const auto comma = text.find(',');
    rules.emplace_back(text.substr(0, comma));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return rules;
}

}  // namespace examready::server
