// Rules sets on disk: finding a shipped set by name, and loading sets and rules tests from
// files (the core's loader reads through platform::read_text_file here).
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

#include "rules/rule_set.h"
#include "rules/rule_tests.h"

namespace examready::rules {

// A rules or tests file larger than this is refused (the shipped ones are ~30 KB).
inline constexpr std::size_t kMaxRulesFileBytes = 1 << 20;

// Reads from disk, bounded by kMaxRulesFileBytes.
SourceReader disk_reader();

RuleSet load_rule_set(const std::filesystem::path& path);
RuleTestRun run_rule_tests(const std::filesystem::path& tests_file);

// A path to an existing file, or a shipped set's name ("xiaoyibang") looked up in
// $EXAMREADY_RULES_DIR, <executable>/../share/examready/rules, then the source tree.
std::optional<std::filesystem::path> find_rule_set(std::string_view name_or_path);

}  // namespace examready::rules
