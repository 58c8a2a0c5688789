// rule_set_bundle: the set's files as read by the loader, keyed relative to the main file.
#include "rules/bundle.h"

#include "rules/files.h"

namespace examready::rules {

nlohmann::json rule_set_bundle(const std::filesystem::path& path) {
  const std::filesystem::path folder = path.parent_path();
  nlohmann::json files = nlohmann::json::object();
  const SourceReader disk = disk_reader();
  const SourceReader recording = [&](const std::filesystem::path& file) {
    auto text = disk(file);
    if (text) files[file.lexically_relative(folder).lexically_normal().generic_string()] = *text;
    return text;
  };
  const RuleSet set = load_rule_set(path, recording);
  return {{"id", set.id}, {"main", path.filename().generic_string()}, {"files", std::move(files)}};
}

}  // namespace examready::rules
