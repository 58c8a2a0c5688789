// GET /v1/stats: the public statistics, JSON or CSV.

#include <cstdio>

#include "core/verdict.h"
#include "server/collector.h"

namespace examready::server {
namespace {

// A CSV field a spreadsheet shows as text: quoted when needed, and a leading = + - @ or
// control character defused with an apostrophe (OWASP's advice against formula injection).
// Keys are canonical names, so this is the second line of defence, not the first.
std::string csv_field(const std::string& text) {
  std::string value = text;
  if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string::npos) {
    value.insert(0, "'");
  }
  if (value.find_first_of(",\"\n\r") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char ch : value) {
    if (ch == '"') quoted += '"';
    quoted += ch;
  }
  return quoted + "\"";
}

// A group's counts, keyed by the verdicts as core::Verdict spells them.
std::vector<std::pair<std::string, std::int64_t>> verdict_counts(const StatsRow& row) {
  using core::Verdict;
  return {{std::string(core::to_string(Verdict::kReady)), row.ready},
          {std::string(core::to_string(Verdict::kWarnings)), row.warnings},
          {std::string(core::to_string(Verdict::kNotReady)), row.not_ready},
          {std::string(core::to_string(Verdict::kIncomplete)), row.incomplete},
          {std::string(kUnevaluated), row.unevaluated}};
}

bool wants_csv(const http::Request& req) {
  const std::string_view format = req.param("format");
  return format == "csv" ||
         (format.empty() && req.header("Accept").find("text/csv") != std::string_view::npos);
}

// A failure cluster's key is two columns, model and rule; other keys one.
http::Response csv_response(const StatsResult& stats, StatsDimension dimension) {
  const bool cluster = dimension == StatsDimension::kModelRule;
  http::Response r;
  r.content_type = "text/csv; charset=utf-8";
  r.body = cluster ? "model,rule,reports" : "key,reports";
  for (const auto& [verdict, count] : verdict_counts(StatsRow{})) r.body += "," + verdict;
  r.body += "\n";
  for (const auto& row : stats.rows) {
    // The unknown group is an empty key.
    const std::string key = row.key.value_or("");
    if (cluster) {
      const auto [model, rule] = split_cluster_key(key);
      r.body += csv_field(model) + "," + csv_field(rule);
    } else {
      r.body += csv_field(key);
    }
    r.body += "," + std::to_string(row.reports);
    for (const auto& [verdict, count] : verdict_counts(row)) r.body += "," + std::to_string(count);
    r.body += "\n";
  }
  return r;
}

}  // namespace

http::Response Collector::get_stats(const http::Request& req) {
  const auto dimension = parse_stats_dimension(req.param("by"));
  if (!dimension) {
    return http::error_response(400, "by must be brand, model, os_version, rule or model_rule");
  }
  const std::string_view format = req.param("format");
  if (!format.empty() && format != "csv" && format != "json") {
    return http::error_response(400, "format must be json or csv");
  }
  StatsResult stats;
  try {
    stats = storage_.stats(*dimension, options_.min_group);
  } catch (const StorageError& e) {
    std::fprintf(stderr, "storage error: %s\n", e.what());
    return http::error_response(503, "storage unavailable");
  }
  http::Response r;
  if (wants_csv(req)) {
    r = csv_response(stats, *dimension);
  } else {
    nlohmann::json groups = nlohmann::json::array();
    for (const auto& row : stats.rows) {
      nlohmann::json group = {{"key", row.key ? nlohmann::json(*row.key) : nlohmann::json(nullptr)},
                              {"reports", row.reports}};
      if (*dimension == StatsDimension::kModelRule && row.key) {
        const auto [model, rule] = split_cluster_key(*row.key);
        group["key"] = model + " · " + rule;
        group["model"] = model;
        group["rule"] = rule;
      }
      for (const auto& [verdict, count] : verdict_counts(row)) group[verdict] = count;
      groups.push_back(std::move(group));
    }
    r = http::json_response(200, {{"by", to_string(*dimension)},
                                  {"min_group", options_.min_group},
                                  {"total_reports", stats.total_reports},
                                  {"groups", groups}});
  }
  r.set_header("Cache-Control", "public, max-age=60");
  return r;
}

}  // namespace examready::server
