// One LineageOS wiki device file (_data/devices/CODENAME.yml) -> a source row. The files are
// flat YAML written by one generator: top-level `key: value` lines, flow lists
// (`models: [A, B]`), flow maps (`screen: {size: 6.53, …}`) and, for per-model release
// dates, a block list (`release:` then `  - MODEL: 2020-05`). Only those forms are read.
#include <algorithm>

#include "core/text.h"
#include "rules/devices/generator/source_facts.h"
#include "rules/devices/generator/yaml_scalar.h"

namespace examready::devices::generator {
namespace {

using core::text::trim;

// "[A, 'B', C]" -> {"A","B","C"}.
std::vector<std::string> flow_list(std::string_view value) {
  value = trim(value);
  std::vector<std::string> items;
  if (value.size() < 2 || value.front() != '[' || value.back() != ']') return items;
  value = value.substr(1, value.size() - 2);
  while (!value.empty()) {
    const auto comma = value.find(',');
    if (std::string item = unquote_yaml_scalar(value.substr(0, comma)); !item.empty()) {
      items.push_back(std::move(item));
    }
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  return items;
}

// "2020-05", "2020-05-12", "2020" -> year and month (0 when absent).
std::pair<int, int> date_of(std::string_view quoted) {
  const std::string unquoted = unquote_yaml_scalar(quoted);  // outlives `value`
  const std::string_view value = trim(unquoted);
  const auto year = core::text::to_int(value.substr(0, 4));
  if (value.size() < 4 || !year || *year < 2000 || *year > 2099) return {0, 0};
  int month = 0;
  if (value.size() >= 6 && value[4] == '-') {
    const auto dash = value.find('-', 5);
    const auto parsed = core::text::to_int(
        value.substr(5, dash == std::string_view::npos ? std::string_view::npos : dash - 5));
    if (parsed && *parsed >= 1 && *parsed <= 12) month = static_cast<int>(*parsed);
  }
  return {static_cast<int>(*year), month};
}

void keep_earliest(SourceRow& row, std::pair<int, int> date) {
  if (date.first == 0) return;
  const auto as_months = [](int year, int month) { return year * 12 + std::max(month, 1); };
  if (row.launch_year == 0 ||
      as_months(date.first, date.second) < as_months(row.launch_year, row.launch_month)) {
    row.launch_year = date.first;
    row.launch_month = date.second;
  }
}

// "{resolution: '1080x2340', size: 6.53, technology: 'IPS LCD'}" -> 6.53.
double screen_size(std::string_view value) {
  const auto key = value.find("size:");
  if (key == std::string_view::npos) return 0;
  value.remove_prefix(key + 5);
  const auto end = value.find_first_of(",}");
  return core::text::to_double(trim(value.substr(0, end))).value_or(0);
}

}  // namespace

std::vector<SourceRow> extract_lineage_device(std::string_view yaml) {
  SourceRow row;
  std::string type;
  bool in_release_list = false;
  for (std::string_view line : core::text::lines(yaml)) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (line.front() == ' ' || line.front() == '-') {
      // A per-model release date: "  - SM-G9006V: 2014-04".
      if (!in_release_list) continue;
      const auto dash = line.find('-');
      const auto colon = line.rfind(':');
      if (dash != std::string_view::npos && colon != std::string_view::npos && colon > dash) {
        keep_earliest(row, date_of(line.substr(colon + 1)));
      }
      continue;
    }
    in_release_list = false;
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view key = line.substr(0, colon);
    const std::string_view value = trim(line.substr(colon + 1));
    if (key == "vendor") row.brand = unquote_yaml_scalar(value);
    if (key == "name") row.marketing_name = unquote_yaml_scalar(value);
    if (key == "codename") row.codenames = {unquote_yaml_scalar(value)};
    if (key == "models") row.model_codes = flow_list(value);
    if (key == "type") type = core::text::lower(unquote_yaml_scalar(value));
    if (key == "screen") row.display_inches = screen_size(value);
    if (key == "release") {
      if (value.empty()) in_release_list = true;
      keep_earliest(row, date_of(value));
    }
  }
  if (type == "phone" || type == "foldable" || type == "phone (slider)") {
    row.device_class = "phone";
  } else if (type == "tablet") {
    row.device_class = "tablet";
  } else {
    return {};  // set-top boxes, consoles, dev kits: not what a candidate records with
  }
  if (row.brand.empty() || row.marketing_name.empty() || row.codenames.empty()) return {};
  return {std::move(row)};
}

}  // namespace examready::devices::generator
