// A rules set as one JSON document, for the web check: the file and every file it extends,
// as texts the browser's copy of the loader reads (webcheck/web_session.h).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>

namespace examready::rules {

// {"id": set id, "main": "xiaoyibang.toml", "files": {"xiaoyibang.toml": "…",
// "common.toml": "…"}} with file names relative to the main file's folder. Loads the set on
// the way, so a bundle is only made of a valid set (throws RulesLoadError otherwise).
nlohmann::json rule_set_bundle(const std::filesystem::path& path);

}  // namespace examready::rules
