// Brand slugs, name keys, Redmi series and class words from marketing names.
#include "rules/devices/generator/names.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "core/text.h"

namespace examready::devices::generator {
namespace {

using core::text::lower;

bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

}  // namespace

std::string brand_slug(std::string_view source_brand, std::string_view name) {
  std::string slug;
  for (char c : lower(core::text::trim(source_brand))) {
    if (is_alnum(c)) {
      slug += c;
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  if (slug == "lge") slug = "lg";
  const std::vector<std::string> list = name_words(name);
  const std::string first = list.empty() ? "" : list.front();
  if (slug == "xiaomi" || slug == "redmi" || slug == "poco") {
    if (first == "redmi") return "redmi";
    if (first == "poco" || first == "pocophone") return "poco";
  }
  if ((slug == "huawei" || slug == "honor") && first == "honor") return "honor";
  if ((slug == "vivo" || slug == "iqoo") && first == "iqoo") return "iqoo";
  return slug;
}

std::string name_key(std::string_view name) {
  std::vector<std::string> list = name_words(name);
  static constexpr std::array<std::string_view, 12> kMakers = {
      "xiaomi",   "samsung", "huawei", "oppo",  "vivo", "google",
      "motorola", "lenovo",  "zte",    "nokia", "sony", "lg"};
  if (list.size() > 1 && std::find(kMakers.begin(), kMakers.end(), list.front()) != kMakers.end()) {
    list.erase(list.begin());
  }
  std::string key;
  for (const std::string& word : list) key += word;
  // The words are ASCII: of "华为平板5" and "麦芒5" (a tablet and a phone) only "5" is left.
  // A key with no letter names nothing, so such a name is its own key, whole.
  const bool has_letter =
      std::any_of(key.begin(), key.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  const bool non_ascii = std::any_of(name.begin(), name.end(),
                                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  if (!has_letter && non_ascii) {
    key.clear();
    for (char c : lower(core::text::trim(name))) {
      if (c != ' ') key += c;
    }
  }
  return key;
}

std::string brand_in_name(std::string_view name) {
  const std::vector<std::string> list = name_words(name);
  if (list.size() < 2) return {};
  static constexpr std::array<std::string_view, 10> kLines = {
      "xiaomi", "redmi", "poco", "huawei", "honor", "vivo", "iqoo", "oppo", "oneplus", "realme"};
  const std::string& first = list.front();
  return std::find(kLines.begin(), kLines.end(), first) != kLines.end() ? first : std::string();
}

std::string series_from_name(std::string_view brand_slug, std::string_view name) {
  if (brand_slug != "redmi") return {};
  const std::vector<std::string> list = name_words(name);
  if (list.size() < 2 || list[0] != "redmi") return {};
  const std::string& second = list[1];
  const auto leading_digits = [](std::string_view word) {
    std::size_t n = 0;
    while (n < word.size() && word[n] >= '0' && word[n] <= '9') ++n;
    return n;
  };
  if (second == "note" && list.size() >= 3) {
    const std::size_t digits = leading_digits(list[2]);
    return digits == 0 ? "" : "redmi-note-" + list[2].substr(0, digits);
  }
  if (second == "pad" || (second == "k" && list.size() >= 3 && list[2] == "pad")) {
    return "redmi-pad";
  }
  if (second == "go" || second == "turbo") return "redmi-" + second;
  if (second.size() >= 2 && (second[0] == 'a' || second[0] == 'y') &&
      leading_digits(second.substr(1)) > 0) {
    return std::string("redmi-") + second[0];
  }
  if (second.size() >= 2 && second[0] == 'k') {
    const std::size_t digits = leading_digits(second.substr(1));
    return digits == 0 ? "" : "redmi-k" + second.substr(1, digits);
  }
  const std::size_t digits = leading_digits(second);
  if (digits == 0) return {};
  const bool x_line = digits < second.size() && second[digits] == 'x';
  return "redmi-" + second.substr(0, digits) + (x_line ? "x" : "");
}

}  // namespace examready::devices::generator
