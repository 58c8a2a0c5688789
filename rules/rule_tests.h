// Rules-set tests (rules/sets/<name>.tests.toml): recorded measurements with the expected
// verdict and rule outcomes, run by `examready rules test` and ctest.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "rules/rule_set.h"

namespace examready::rules {

struct RuleTestCase {
  std::string name;
  std::string origin;                 // "xiaoyibang.tests.toml:12:1"
  std::vector<std::string> problems;  // empty when the case passed
};

struct RuleTestRun {
  std::filesystem::path rules_path;
  std::vector<RuleTestCase> cases;
  // Rules a set's tests leave unpinned: each rule that can be decided needs a case expecting
  // it to pass and one expecting it to fail; advice no device measures, one expecting it shown
  // (unknown). "xyb.camera: no failing case".
  std::vector<std::string> uncovered;
  std::size_t failed() const;
};

// Loads the tests file and the rules file it names, evaluates every case.
// Throws RulesLoadError (located) when either file is invalid.
RuleTestRun run_rule_tests(const std::filesystem::path& tests_file, const SourceReader& read);

}  // namespace examready::rules
