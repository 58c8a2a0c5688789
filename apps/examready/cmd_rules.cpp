// `examready rules lint FILE…` and `examready rules test FILE…`, and resolving --rules.
#include <fmt/format.h>

#include "apps/examready/commands.h"
#include "apps/examready/exit_codes.h"
#include "rules/files.h"
#include "rules/rule_set.h"
#include "rules/rule_tests.h"

namespace examready::app {

rules::RuleSet load_rules_argument(const std::string& name_or_path) {
  auto path = rules::find_rule_set(name_or_path);
  if (!path) {
    throw UsageError(fmt::format(
        "--rules: no rules file or shipped set named '{}' (shipped: xiaoyibang, yishusheng)",
        name_or_path));
  }
  try {
    return rules::load_rule_set(*path);
  } catch (const rules::RulesLoadError& e) {
    throw InvalidInputError(e.error().to_string());
  }
}

namespace {

int lint(const std::vector<std::string>& files) {
  int code = kExitReady;
  for (const auto& file : files) {
    try {
      const rules::RuleSet set = rules::load_rule_set(file);
      std::size_t block = 0, warn = 0, info = 0;
      for (const auto& rule : set.rules) {
        block += rule.severity == rules::Severity::kBlock;
        warn += rule.severity == rules::Severity::kWarn;
        info += rule.severity == rules::Severity::kInfo;
      }
      fmt::print("{}: ok: set '{}', {} rules ({} block, {} warn, {} info), {} watched apps\n", file,
                 set.id, set.rules.size(), block, warn, info, set.watch.size());
    } catch (const rules::RulesLoadError& e) {
      fmt::print(stderr, "{}\n", e.error().to_string());
      code = kExitInvalidInput;
    }
  }
  return code;
}

// Exit 0 when every case passes and every rule is pinned both ways, 1 when a case fails or a
// rule is unpinned, 65 when a file is invalid.
int test(const std::vector<std::string>& files) {
  int code = kExitReady;
  for (const auto& file : files) {
    try {
      const rules::RuleTestRun run = rules::run_rule_tests(file);
      for (const auto& c : run.cases) {
        fmt::print("{} {} ({})\n", c.problems.empty() ? "PASS" : "FAIL", c.name, c.origin);
        for (const auto& problem : c.problems) fmt::print("     {}\n", problem);
      }
      fmt::print("{}: {} of {} cases passed against {}\n", file, run.cases.size() - run.failed(),
                 run.cases.size(), run.rules_path.string());
      for (const auto& gap : run.uncovered) fmt::print("UNPINNED {}\n", gap);
      if ((run.failed() > 0 || !run.uncovered.empty()) && code == kExitReady) code = 1;
    } catch (const rules::RulesLoadError& e) {
      fmt::print(stderr, "{}\n", e.error().to_string());
      code = kExitInvalidInput;
    }
  }
  return code;
}

}  // namespace

void add_rules_command(CLI::App& app, int& exit_code) {
  CLI::App* cmd = app.add_subcommand("rules", "Check rules files and run their tests");
  cmd->require_subcommand(1);
  auto lint_files = std::make_shared<std::vector<std::string>>();
  CLI::App* lint_cmd =
      cmd->add_subcommand("lint", "Load rules files strictly; print located errors (exit 65)");
  lint_cmd->add_option("FILE", *lint_files, "Rules files")->required();
  lint_cmd->callback([lint_files, &exit_code] { exit_code = lint(*lint_files); });
  auto test_files = std::make_shared<std::vector<std::string>>();
  CLI::App* test_cmd = cmd->add_subcommand(
      "test", "Run a rules set's test cases (<name>.tests.toml): exit 1 on a failure");
  test_cmd->add_option("FILE", *test_files, "Tests files")->required();
  test_cmd->callback([test_files, &exit_code] { exit_code = test(*test_files); });
}

}  // namespace examready::app
