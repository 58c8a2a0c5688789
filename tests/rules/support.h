// Helpers for the rules tests: rules sets from inline text, reports from measurements.
#pragma once

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "reports/report.h"
#include "rules/files.h"
#include "rules/evaluate.h"
#include "rules/rule_set.h"
#include "tests/support/environment.h"

namespace examready::test {

// A private directory for rules files written by a test, removed at the end.
class TempDir {
 public:
  TempDir() {
    // A name no other test run has: create_directory fails on one that exists.
    std::random_device random;
    do {
      path_ = std::filesystem::temp_directory_path() / ("examready-rules-" + std::to_string(random()));
    } while (!std::filesystem::create_directory(path_));
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path write(const std::string& name, const std::string& text) const {
    auto file = path_ / name;
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }

 private:
  std::filesystem::path path_;
};

inline const std::string kSetHead = "id = \"t\"\ntitle = { zh-CN = \"测试\", en = \"Test\" }\n";

inline rules::RuleSet load_text(const std::string& text) {
  TempDir dir;
  return rules::load_rule_set(dir.write("set.toml", text));
}

// One rule "r" of the given severity with `require` (and optional `when`) as TOML.
inline std::string one_rule(const std::string& require, const std::string& severity = "block",
                            const std::string& when = "", const std::string& id = "r") {
  std::string rule =
      "\n[[rule]]\nid = \"" + id + "\"\nseverity = \"" + severity + "\"\nsource = \"XYB-1\"\n";
  if (!when.empty()) rule += "when = " + when + "\n";
  if (!require.empty()) rule += "require = " + require + "\n";
  rule +=
      "message = { zh-CN = \"消息\", en = \"message\" }\n"
      "requirement = { zh-CN = \"要求\", en = \"requirement\" }\n"
      "fix = { zh-CN = \"办法\", en = \"fix\" }\n";
  return rule;
}

inline reports::Report make_report(std::vector<core::Measurement> measurements,
                                   core::Role role = core::Role::kPrimary) {
  reports::Report report;
  report.report_id = "AAAAAAAAAAAAAAAAAAAAAA";
  report.created_at = "2026-03-01T08:00:00Z";
  report.probe_version = "0.1.0";
  report.role = role;
  report.transport = core::Transport::kAdb;
  report.host.platform = "android";
  // Each measurement in its own check ("storage.free_bytes" in "storage"), as a probe reports
  // it and the schema requires.
  for (core::Measurement& measurement : measurements) {
    const std::string group(core::metric_info(measurement.metric).group());
    auto check = std::find_if(report.checks.begin(), report.checks.end(),
                              [&](const core::CheckResult& c) { return c.name == group; });
    if (check == report.checks.end()) {
      report.checks.push_back({});
      check = std::prev(report.checks.end());
      check->name = group;
      check->status = core::CheckStatus::kOk;
    }
    check->measurements.push_back(std::move(measurement));
  }
  return report;
}

inline std::chrono::system_clock::time_point march_2026() {
  return std::chrono::sys_days{std::chrono::year{2026} / 3 / 1} + std::chrono::hours(12);
}

inline core::Measurement m(std::string_view metric, core::Value value) {
  return {*core::find_metric(metric), std::move(value), "test"};
}

}  // namespace examready::test
