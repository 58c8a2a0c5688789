// node-device-detector's device-info (regexes/device-info/device.js) -> source rows.
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/text.h"
#include "rules/devices/generator/source_facts.h"

namespace examready::devices::generator {
namespace {

using core::text::trim;

// "DS=6.53;RS=720x1600;RE=2020.06;" -> the value of `key`, or empty.
std::string_view spec_value(std::string_view spec, std::string_view key) {
  while (!spec.empty()) {
    const auto semicolon = spec.find(';');
    const std::string_view item = spec.substr(0, semicolon);
    if (item.size() > key.size() && item.substr(0, key.size()) == key && item[key.size()] == '=') {
      return trim(item.substr(key.size() + 1));
    }
    if (semicolon == std::string_view::npos) break;
    spec.remove_prefix(semicolon + 1);
  }
  return {};
}

// RE is "2020", "2020.06" or "2020.6".
void read_release(std::string_view release, SourceRow& row) {
  const auto dot = release.find('.');
  const auto year = core::text::to_int(release.substr(0, dot));
  if (!year || *year < 2000 || *year > 2099) return;
  row.launch_year = static_cast<int>(*year);
  if (dot == std::string_view::npos) return;
  const auto month = core::text::to_int(release.substr(dot + 1));
  if (month && *month >= 1 && *month <= 12) row.launch_month = static_cast<int>(*month);
}

// The file is `module.exports = {…};`: the object between the first '{' and the last '}'.
nlohmann::json parse_module(std::string_view text) {
  const auto open = text.find('{');
  const auto close = text.rfind('}');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
    throw std::invalid_argument("device-info: no object literal in the file");
  }
  try {
    return nlohmann::json::parse(text.substr(open, close - open + 1));
  } catch (const nlohmann::json::parse_error& error) {
    throw std::invalid_argument(std::string("device-info: ") + error.what());
  }
}

}  // namespace

std::vector<SourceRow> extract_device_info(std::string_view device_js) {
  const nlohmann::json brands = parse_module(device_js);
  if (!brands.is_object()) throw std::invalid_argument("device-info: not an object of brands");
  std::vector<SourceRow> rows;
  for (const auto& [brand, models] : brands.items()) {
    if (!models.is_object()) continue;
    std::map<std::string, std::size_t> by_name;  // lower-case name -> row
    for (const auto& [name, spec] : models.items()) {
      if (!spec.is_string() || spec.get<std::string>().starts_with("->")) continue;
      SourceRow row;
      row.brand = brand;
      row.marketing_name = name;
      const std::string text = spec.get<std::string>();
      read_release(spec_value(text, "RE"), row);
      if (const auto inches = core::text::to_double(spec_value(text, "DS"))) {
        if (*inches > 1 && *inches < 40) row.display_inches = *inches;
      }
      by_name.emplace(core::text::lower(name), rows.size());
      rows.push_back(std::move(row));
    }
    // Aliases: model codes (and other names) pointing at a named model.
    for (const auto& [code, spec] : models.items()) {
      if (!spec.is_string()) continue;
      const std::string text = spec.get<std::string>();
      if (!text.starts_with("->")) continue;
      const auto target = by_name.find(core::text::lower(trim(std::string_view(text).substr(2))));
      if (target != by_name.end()) rows[target->second].model_codes.push_back(code);
    }
  }
  return rows;
}

}  // namespace examready::devices::generator
