// Finding a rules set by path or by the name of a shipped set.
#include <unistd.h>

#include <array>
#include <cstdlib>

#include "rules/rule_set.h"

namespace examready::rules {
namespace {

std::filesystem::path executable_dir() {
  std::array<char, 4096> buffer{};
  const ssize_t n = ::readlink("/proc/self/exe", buffer.data(), buffer.size() - 1);
  if (n <= 0) return {};
  return std::filesystem::path(std::string(buffer.data(), static_cast<std::size_t>(n)))
      .parent_path();
}

}  // namespace

std::optional<std::filesystem::path> find_rule_set(std::string_view name_or_path) {
  const std::filesystem::path given{std::string(name_or_path)};
  std::error_code ec;
  if (std::filesystem::is_regular_file(given, ec)) return given;
  // A name is a bare word: anything with a slash or an extension is a path that does not exist.
  if (name_or_path.empty() || name_or_path.find('/') != std::string_view::npos ||
      given.has_extension()) {
    return std::nullopt;
  }
  std::vector<std::filesystem::path> dirs;
  if (const char* env = std::getenv("EXAMREADY_RULES_DIR"); env && *env) dirs.emplace_back(env);
  if (auto exe = executable_dir(); !exe.empty())
    dirs.push_back(exe / ".." / "share" / "examready" / "rules");
  dirs.emplace_back(std::filesystem::path(EXAMREADY_SOURCE_DIR) / "rules" / "sets");
  for (const auto& dir : dirs) {
    auto candidate = dir / (given.string() + ".toml");
    if (std::filesystem::is_regular_file(candidate, ec)) return candidate.lexically_normal();
  }
  return std::nullopt;
}

}  // namespace examready::rules
