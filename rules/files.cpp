// Rules sets on disk (see files.h).
#include "rules/files.h"

#include <cstdlib>
#include <string>
#include <vector>

#include "platform/files.h"

namespace examready::rules {

// No such file: nullopt (the loader says which file, or which `extends`, names it). A file that
// exists but cannot be read (a directory, over the size limit, no permission): an error with
// the reason, which "no such file" would hide.
SourceReader disk_reader() {
  return [](const std::filesystem::path& path) {
    std::string error;
    auto text = platform::read_text_file(path, kMaxRulesFileBytes, error);
    std::error_code ec;
    if (!text && std::filesystem::exists(path, ec)) {
      throw RulesLoadError(RulesError{path.string(), 0, 0, "cannot read the file: " + error});
    }
    return text;
  };
}

RuleSet load_rule_set(const std::filesystem::path& path) {
  return load_rule_set(path, disk_reader());
}

RuleTestRun run_rule_tests(const std::filesystem::path& tests_file) {
  return run_rule_tests(tests_file, disk_reader());
}

std::optional<std::filesystem::path> find_rule_set(std::string_view name_or_path) {
  const std::filesystem::path given{std::string(name_or_path)};
  std::error_code ec;
  if (std::filesystem::is_regular_file(given, ec)) return given;
  // A name is a bare word: anything with a slash or an extension is a path that does not exist.
  if (name_or_path.empty() || name_or_path.find_first_of("/\\") != std::string_view::npos ||
      given.has_extension()) {
    return std::nullopt;
  }
  std::vector<std::filesystem::path> dirs;
  if (const char* env = std::getenv("EXAMREADY_RULES_DIR"); env && *env) dirs.emplace_back(env);
  if (auto exe = platform::executable_dir(); !exe.empty())
    dirs.push_back(exe / ".." / "share" / "examready" / "rules");
  dirs.emplace_back(std::filesystem::path(EXAMREADY_SOURCE_DIR) / "rules" / "sets");
  for (const auto& dir : dirs) {
    auto candidate = dir / (given.string() + ".toml");
    if (std::filesystem::is_regular_file(candidate, ec)) return candidate.lexically_normal();
  }
  return std::nullopt;
}

}  // namespace examready::rules
