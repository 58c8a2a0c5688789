// The shipped rules sets and fixture reports, read once from the source tree, for the
// targets that evaluate (report_json, rules_loader, rules_tests).
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "reports/report.h"
#include "rules/rule_set.h"
#include "tests/fuzz/fuzz_support.h"

namespace examready::fuzz {

// The date the fixture tests use, so device ages come out the same in every run.
inline const std::chrono::system_clock::time_point kEvaluationTime =
    std::chrono::sys_days{std::chrono::year{2026} / 3 / 1} + std::chrono::hours(12);

// Path (as the loader asks for it, "sets/x.toml") -> text: the shipped sets and their tests.
inline std::map<std::string, std::string>& rule_files() {
  static std::map<std::string, std::string> files = [] {
    std::map<std::string, std::string> texts;
    for (const char* name : {"common.toml", "xiaoyibang.toml", "yishusheng.toml"}) {
      texts[std::string("sets/") + name] = source_file(std::string("rules/sets/") + name);
    }
    return texts;
  }();
  return files;
}

inline rules::SourceReader memory_reader(const std::map<std::string, std::string>& files) {
  return [&files](const std::filesystem::path& path) -> std::optional<std::string> {
    const auto it = files.find(path.lexically_normal().string());
    if (it == files.end()) return std::nullopt;
    return it->second;
  };
}

inline const std::vector<rules::RuleSet>& shipped_sets() {
  static const std::vector<rules::RuleSet> sets = [] {
    std::vector<rules::RuleSet> loaded;
    for (const char* name : {"sets/xiaoyibang.toml", "sets/yishusheng.toml"}) {
      loaded.push_back(rules::load_rule_set(name, memory_reader(rule_files())));
    }
    return loaded;
  }();
  return sets;
}

// Reports of real devices (tests/fixtures/reports) to evaluate fuzzed rules against.
inline const std::vector<reports::Report>& fixture_reports() {
  static const std::vector<reports::Report> loaded = [] {
    std::vector<reports::Report> out;
    for (const char* name : {"redmi-note-9-m2003j15sg", "iphone-15-ios17", "windows-laptop",
                             "huawei-matepad-11-dbr-w00"}) {
      const auto json = nlohmann::json::parse(
          source_file(std::string("tests/fixtures/reports/") + name + ".json"));
      out.push_back(reports::report_from_json(json));
    }
    return out;
  }();
  return loaded;
}

}  // namespace examready::fuzz
