// Canonical statistics keys (stats_keys.h).
#include "server/stats_keys.h"

#include <algorithm>

#include "core/verdict.h"
#include "rules/devices/device_db.h"
#include "server/storage.h"

namespace examready::server {
namespace {

constexpr std::array<std::string_view, 6> kOsFamilies = {"android", "harmonyos", "ios",
                                                         "linux",   "windows",   "macos"};

// The first value a report gives for `metric`, when it is a string.
std::string text_of(const nlohmann::json& report, std::string_view metric) {
  for (const auto& check : report.at("checks")) {
    const auto& measurements = check.at("measurements");
    auto it = measurements.find(metric);
    if (it != measurements.end() && it->at("value").is_string()) {
      return it->at("value").get<std::string>();
    }
  }
  return "";
}

// "17.1.2" -> 17; nullopt unless it starts with one or two digits (then '.' or the end).
std::optional<int> major_version(std::string_view version) {
  std::size_t digits = 0;
  while (digits < version.size() && version[digits] >= '0' && version[digits] <= '9') ++digits;
  if (digits == 0 || digits > 2 || (digits < version.size() && version[digits] != '.')) {
    return std::nullopt;
  }
  return std::stoi(std::string(version.substr(0, digits)));
}

// Verdict counter of a stored verdict; anything but the four verdicts is unevaluated.
counter::Index verdict_counter(std::string_view verdict) {
  switch (core::parse_verdict(verdict).value_or(core::Verdict::kInvalid)) {
    case core::Verdict::kReady:
      return counter::kReady;
    case core::Verdict::kWarnings:
      return counter::kWarnings;
    case core::Verdict::kNotReady:
      return counter::kNotReady;
    case core::Verdict::kIncomplete:
      return counter::kIncomplete;
    case core::Verdict::kInvalid:
      break;
  }
  return counter::kUnevaluated;
}

}  // namespace

StatsFacts stats_facts(const nlohmann::json& report) {
  StatsFacts facts;
  const auto match = devices::DeviceDb::shipped().lookup(text_of(report, "device.model"),
                                                         text_of(report, "device.codename"),
                                                         text_of(report, "device.brand"));
  if (match.record) {
    facts.brand = match.record->brand;
    facts.model = match.record->marketing_name;
  }
  const std::string family = text_of(report, "os.family");
  const auto major = major_version(text_of(report, "os.version"));
  if (major && std::find(kOsFamilies.begin(), kOsFamilies.end(), family) != kOsFamilies.end()) {
    facts.os = family + " " + std::to_string(*major);
  }
  const auto& host = report.at("host");
  facts.device_id = host.value("device_id", std::string());
  return facts;
}

std::pair<std::string, std::string> split_cluster_key(std::string_view key) {
  const auto at = key.find(kClusterSeparator);
  if (at == std::string_view::npos) return {std::string(key), ""};
  return {std::string(key.substr(0, at)), std::string(key.substr(at + 1))};
}

std::optional<StatsDimension> parse_stats_dimension(std::string_view text) {
  if (text == "brand") return StatsDimension::kBrand;
  if (text == "model") return StatsDimension::kModel;
  if (text == "os_version") return StatsDimension::kOsVersion;
  if (text == "rule") return StatsDimension::kRule;
  if (text == "model_rule") return StatsDimension::kModelRule;
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
    case StatsDimension::kModelRule:
      return "model_rule";
    case StatsDimension::kInvalid:
      break;
  }
  return "invalid";
}

std::vector<std::pair<std::string, std::string>> stats_keys(const ReportColumns& columns,
                                                            const StatsFacts& facts) {
  const std::string unknown(kUnknownKey);
  std::vector<std::pair<std::string, std::string>> keys;
  keys.emplace_back("all", "");
  keys.emplace_back("brand", facts.brand.value_or(unknown));
  keys.emplace_back("model", facts.model.value_or(unknown));
  keys.emplace_back("os_version", facts.os.value_or(unknown));
  for (const auto& rule : columns.failed_rules) {
    keys.emplace_back("rule", rule);
    if (facts.model) keys.emplace_back("model_rule", *facts.model + kClusterSeparator + rule);
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

void add_stats_delta(StatsDeltas& deltas, const ReportColumns& columns, const StatsFacts& facts,
                     std::int64_t body_bytes) {
  const counter::Index verdict = verdict_counter(columns.verdict);
  for (auto& key : stats_keys(columns, facts)) {
    const bool all = key.first == "all";
    auto& counts = deltas[std::move(key)];
    counts[counter::kReports] += 1;
    counts[verdict] += 1;
    if (all) counts[counter::kBodyBytes] += body_bytes;
  }
}

}  // namespace examready::server
