// The machine facts from DMI attributes, shared by every OS (platform/dmi_facts.h).
#include "platform/dmi_facts.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <utility>

#include "core/text.h"

namespace examready::platform {
namespace {

using core::text::lower;

// Firmware vendors fill unused DMI strings with these.
bool is_placeholder(const std::string& value) {
  static constexpr std::array kPlaceholders = {
      "",        "to be filled by o.e.m.", "system product name", "default string", "not applicable",
      "none",    "o.e.m.",                 "oem",                 "not specified",  "system manufacturer",
      "unknown", "type1productconfigid",   "0123456789",
  };
  const std::string l = lower(value);
  return std::find(kPlaceholders.begin(), kPlaceholders.end(), l) != kPlaceholders.end();
}

std::string brand_from_vendor(const std::string& vendor) {
  static constexpr std::pair<const char*, const char*> kBrands[] = {
      {"lenovo", "lenovo"},    {"dell", "dell"},     {"hewlett", "hp"},    {"hp", "hp"},
      {"asus", "asus"},        {"acer", "acer"},     {"apple", "apple"},   {"microsoft", "microsoft"},
      {"huawei", "huawei"},    {"honor", "honor"},   {"xiaomi", "xiaomi"}, {"timi", "xiaomi"},
      {"redmi", "redmi"},      {"samsung", "samsung"}, {"msi", "msi"},     {"micro-star", "msi"},
      {"framework", "framework"}, {"gigabyte", "gigabyte"}, {"qemu", "qemu"},
  };
  const std::string l = lower(vendor);
  for (const auto& [prefix, brand] : kBrands) {
    if (l.rfind(prefix, 0) == 0) return brand;
  }
  auto space = l.find_first_of(" ,.");
  return l.substr(0, space);
}

}  // namespace

std::optional<std::string> device_class_from_chassis(std::string_view chassis_type) {
  int type = 0;
  auto [ptr, ec] = std::from_chars(chassis_type.data(), chassis_type.data() + chassis_type.size(), type);
  if (ec != std::errc() || ptr != chassis_type.data() + chassis_type.size()) return std::nullopt;
  switch (type) {
    case 8: case 9: case 10: case 14: case 31: case 32:  // portable, laptop, notebook, sub-notebook, convertible, detachable
      return "laptop";
    case 30:  // tablet
      return "tablet";
    case 3: case 4: case 5: case 6: case 7: case 13: case 15: case 16: case 24: case 35: case 36:
      return "desktop";  // desktop, low-profile, pizza box, towers, all-in-one, space-saving, lunch box, sealed, mini PC, stick
    default:
      return std::nullopt;
  }
}

MachineFacts dmi_facts(const std::map<std::string, std::string>& dmi) {
  auto get = [&](const char* key) {
    auto it = dmi.find(key);
    return it == dmi.end() || is_placeholder(it->second) ? std::string() : it->second;
  };
  MachineFacts facts;
  facts.vendor = get("sys_vendor");
  if (facts.vendor.empty()) facts.vendor = get("board_vendor");
  facts.brand = facts.vendor.empty() ? "" : brand_from_vendor(facts.vendor);
  facts.model = get("product_name");
  // Lenovo puts the machine type in product_name and the name people know in product_version.
  if (facts.brand == "lenovo" && !get("product_version").empty()) facts.model = get("product_version");
  if (facts.model.empty()) facts.model = get("board_name");
  if (auto chassis = dmi.find("chassis_type"); chassis != dmi.end()) {
    facts.device_class = device_class_from_chassis(chassis->second);
  }
  facts.source = "dmi";
  facts.class_source = "dmi-chassis";
  return facts;
}

}  // namespace examready::platform
