// What a marketing name says of the class: a tablet word, a foldable, or a maker's naming that
// leaves the word out of no tablet.
#include "rules/devices/name_class.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/text.h"

namespace examready::devices {
namespace {

using core::text::starts_with;

bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

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

// Lower-case words of letters and digits: "Galaxy Tab S6 Lite (Wi-Fi)" ->
// {galaxy, tab, s6, lite, wi, fi}.
std::vector<std::string> name_words(std::string_view name) {
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

bool is_foldable_name(std::string_view name) {
  const std::vector<std::string> list = name_words(name);
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
  for (const std::string& word : name_words(name)) {
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
  for (const std::string& word : name_words(name)) {
    // Glued forms too ("MiPad4", "Tab10"): any doubt leaves the class unknown. The same for
    // the makers' other products in Play's list: TVs, boxes and sticks, projectors, watches
    // ("MiBox S", "Mi TV Stick", "Formovie Laser TV 4K Cinema", "OPPO Watch"; OnePlus's TVs
    // are "Y Series" / "Dosa", Xiaomi's box "TELEBEE"), laptops ("Xiaomi Book S", "RedmiBook")
    // and Play's placeholder "China".
    for (std::string_view part : {"pad", "tab", "tv", "box", "stick", "watch", "projector", "laser",
                                  "cinema", "band", "speaker", "router", "book"}) {
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

}  // namespace examready::devices
