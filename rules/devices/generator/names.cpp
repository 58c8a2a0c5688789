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
using core::text::starts_with;

bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Lower-case words of letters and digits: "Galaxy Tab S6 Lite (Wi-Fi)" ->
// {galaxy, tab, s6, lite, wi, fi}.
std::vector<std::string> words(std::string_view name) {
  std::vector<std::string> out;
  std::string word;
  for (char c : name) {
    if (is_alnum(c)) {
      word += core::text::lower(c);
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

// "tab", "tab4", "pad", "pad5": a tablet word, alone or with a number glued on.
bool tablet_word(std::string_view word) {
  for (std::string_view stem : {"tab", "pad", "tablet", "mediapad", "matepad", "ipad"}) {
    if (!starts_with(word, stem)) continue;
    const std::string_view rest = word.substr(stem.size());
    if (rest.empty() ||
        std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return true;
    }
  }
  return false;
}

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
  const std::vector<std::string> name_words = words(name);
  const std::string first = name_words.empty() ? "" : name_words.front();
  if (slug == "xiaomi" || slug == "redmi" || slug == "poco") {
    if (first == "redmi") return "redmi";
    if (first == "poco" || first == "pocophone") return "poco";
  }
  if ((slug == "huawei" || slug == "honor") && first == "honor") return "honor";
  if ((slug == "vivo" || slug == "iqoo") && first == "iqoo") return "iqoo";
  return slug;
}

std::string name_key(std::string_view name) {
  std::vector<std::string> list = words(name);
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
  const std::vector<std::string> list = words(name);
  if (list.size() < 2) return {};
  static constexpr std::array<std::string_view, 10> kLines = {
      "xiaomi", "redmi", "poco", "huawei", "honor", "vivo", "iqoo", "oppo", "oneplus", "realme"};
  const std::string& first = list.front();
  return std::find(kLines.begin(), kLines.end(), first) != kLines.end() ? first : std::string();
}

std::string series_from_name(std::string_view brand_slug, std::string_view name) {
  if (brand_slug != "redmi") return {};
  const std::vector<std::string> list = words(name);
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

bool is_foldable_name(std::string_view name) {
  const std::vector<std::string> list = words(name);
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string& word = list[i];
    if (starts_with(word, "fold") || starts_with(word, "flip") || word == "razr") return true;
    const std::string next = i + 1 < list.size() ? list[i + 1] : "";
    if ((word == "mate" && (next == "x" || starts_with(next, "xs") || starts_with(next, "x"))) ||
        (word == "magic" && starts_with(next, "v")) || (word == "find" && starts_with(next, "n"))) {
      // "Mate X5", "Magic V2", "Find N3" (but not "Mate 60" or "Find X7").
      if (next.size() == 1 || std::isdigit(static_cast<unsigned char>(next[1])) || next == "xs" ||
          next == "vs") {
        return true;
      }
    }
  }
  return false;
}

std::string class_from_name(std::string_view name) {
  if (is_foldable_name(name)) return "phone";
  for (const std::string& word : words(name)) {
    if (tablet_word(word)) return "tablet";
  }
  return {};
}

std::string phone_by_tablet_naming(std::string_view brand_slug, std::string_view name) {
  constexpr std::array<std::string_view, 6> kMakers = {"xiaomi", "redmi",   "poco",
                                                       "oppo",   "oneplus", "realme"};
  const auto maker_word = [&](const std::string& word) {
    return std::find(kMakers.begin(), kMakers.end(), word) != kMakers.end() || word == "mi" ||
           word == "pocophone";
  };
  if (std::find(kMakers.begin(), kMakers.end(), brand_slug) == kMakers.end()) return {};
  if (name.find("平板") != std::string_view::npos) return {};
  std::vector<std::string> rest;  // the words after the maker's
  bool has_maker = false;
  for (const std::string& word : words(name)) {
    // Glued forms too ("MiPad4", "Tab10"): any doubt leaves the class unknown. The same for
    // the makers' other products in Play's list: TVs, boxes and sticks, projectors, watches
    // ("MiBox S", "Mi TV Stick", "Formovie Laser TV 4K Cinema", "OPPO Watch"; OnePlus's TVs
    // are "Y Series" / "Dosa", Xiaomi's box "TELEBEE"), and Play's placeholder "China".
    for (std::string_view part : {"pad", "tab", "tv", "box", "stick", "watch", "projector", "laser",
                                  "cinema", "band", "speaker", "router"}) {
      if (word.find(part) != std::string::npos) return {};
    }
    for (std::string_view other : {"series", "dosa", "telebee", "china", "display", "monitor"}) {
      if (word == other) return {};
    }
    if (maker_word(word)) {
      has_maker = true;
    } else {
      rest.push_back(word);
    }
  }
  if (rest.empty()) return {};
  // One token with digits and no maker word is a model code ("PA2170", "CPH2239", "A5s"),
  // not a marketing name: Play lists some models under their codes.
  const bool code_like =
      rest.size() == 1 &&
      std::any_of(rest[0].begin(), rest[0].end(), [](char c) { return c >= '0' && c <= '9'; });
  if (code_like && !has_maker) return {};
  return "phone";
}

}  // namespace examready::devices::generator
