// The generator's merge. Products start as Google Play's (brand, marketing name) rows; the
// other sources join them by model code, then codename, then name, always within one brand
// family, and bring their facts as evidence. A fact is kept only when every piece of
// evidence agrees (a launch: within one year, the earliest kept); otherwise it is left
// unknown and the disagreement goes to the conflicts report. Verified rows come first and
// win: a code or codename they list is taken out of every generated row.
#include "rules/devices/generator/build_database.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <deque>
#include <map>
#include <optional>
#include <set>

#include "core/text.h"
#include "rules/devices/generator/names.h"
#include "rules/devices/model_code_rules.h"

namespace examready::devices::generator {
namespace {

using core::text::lower;

constexpr double kTabletInches = 7.0;  // diagonal from which a non-foldable is a tablet…
// …except in this band, which holds both the biggest phones (Honor 8X Max and Y Max, 7.12";
// Mate 20 X, 7.2") and small tablets (7.09-7.19" in device-info): there the size says nothing.
constexpr double kMixedBandFrom = 7.05;
constexpr double kMixedBandBelow = 7.3;

struct Evidence {
  std::string source;  // "lineage-wiki", "device-info:display", "name"…
  std::string device_class;
  int year = 0;
  int month = 0;
  std::vector<std::string> codes{};  // a launch's: the model codes the dating row lists
};

// A source that only fills gaps: its rows join a product by model code alone (its names are
// the detector's own, "Pad X9 11.5\" WiFi", not always what the box says), nothing joins its
// products by name, and its class counts only where no other source gives one. Matomo
// device-detector's data (sources/device-detector.tsv) are that: right for all 1,054 verified
// codes they class, but at odds with another source for 7 of 2,072 products (README).
bool fills_gaps_only(std::string_view source_id) { return source_id == "device-detector"; }

// endoflife.date dates the model a page names, and its Samsung rows join a product by the one
// model number the page links to: where that product holds other issues under one name (the
// Galaxy J5 of 2015 and the J5 Pro of 2017 in Google Play's list), its date would make the
// product's dates disagree. Such a date is set aside, as the other sources' were before it.
bool launch_fills_gaps_only(std::string_view source_id) { return source_id == "endoflife"; }

struct Product {
  std::string brand;  // slug
  std::string name;
  std::vector<std::string> codes, codenames;
  std::vector<std::string> sources;  // who named the row
  std::vector<Evidence> class_evidence, launch_evidence;
  // Decided facts.
  std::string device_class, class_source, launch_source;
  int year = 0, month = 0;
};

void add_unique(std::vector<std::string>& list, std::string_view value) {
  if (core::text::trim(value).empty() || value.find_first_of("\t\r\n;") != std::string::npos) {
    return;
  }
  for (const std::string& item : list) {
    if (core::text::equals_ignoring_case(item, value)) return;
  }
  list.emplace_back(core::text::trim(value));
}

std::string joined(const std::vector<std::string>& items, char separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

// Device-info spells names in lower case ("redmi note 9"): capitalise each word's first letter.
std::string display_name(std::string_view name) {
  std::string out(core::text::trim(name));
  if (std::any_of(out.begin(), out.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    return out;
  }
  bool word_start = true;
  for (char& c : out) {
    if (word_start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    word_start = c == ' ' || c == '(' || c == '-';
  }
  for (char& c : out) {
    if (c == '\t' || c == ';') c = ' ';
  }
  return out;
}

std::string launch_text(int year, int month) {
  if (year == 0) return {};
  char text[16];
  if (month == 0) {
    std::snprintf(text, sizeof text, "%04d", year);
  } else {
    std::snprintf(text, sizeof text, "%04d-%02d", year, month);
  }
  return text;
}

// Text that went through a wrong decoding: U+FFFD, or the CJK syllables its UTF-8 bytes
// become when read again as UTF-16 (뿯 U+BFEF, 붿 U+BDBF). No name or brand holds them.
bool damaged_text(std::string_view text) {
  for (std::string_view mark : {"\xEF\xBF\xBD", "\xEB\xBF\xAF", "\xEB\xB6\xBF"}) {
    if (text.find(mark) != std::string_view::npos) return true;
  }
  return false;
}

std::vector<Evidence> evidence_of(const SourceRow& row, const std::string& id) {
  std::vector<Evidence> out;
  if (!row.device_class.empty()) {
    out.push_back({id, row.device_class, 0, 0});
  } else if (row.display_inches > 0 &&
             !(row.display_inches >= kMixedBandFrom && row.display_inches < kMixedBandBelow)) {
    const bool tablet =
        row.display_inches >= kTabletInches && !is_foldable_name(row.marketing_name);
    out.push_back({id + ":display", tablet ? "tablet" : "phone", 0, 0});
  }
  return out;
}

class Merger {
 public:
  std::vector<Product> products;
  std::string join_conflicts;  // joins refused (brand), before the facts are decided

  void add_play(const SourceRow& row, const std::string& id) {
    if (damaged_text(row.brand)) return;
    Product product = new_product(row, id);
    // Play lists one model under its maker's brand and its line's ("Xiaomi" and "Redmi" for
    // one Redmi): one product per brand and name.
    const std::string key = brand_family(product.brand) + '|' + name_key(product.name);
    if (const auto it = by_name_.find(key); it != by_name_.end()) {
      for (std::size_t index_of : it->second) {
        Product& same = products[index_of];
        if (same.brand != product.brand) continue;
        for (const std::string& code : product.codes) add_unique(same.codes, code);
        for (const std::string& codename : product.codenames) add_unique(same.codenames, codename);
        index(index_of, same);
        return;
      }
    }
    if (std::string by_name = class_from_name(row.marketing_name); !by_name.empty()) {
      product.class_evidence.push_back({"name", by_name, 0, 0});
    }
    index(products.size(), product);
    products.push_back(std::move(product));
  }

  // A row of a source that gives facts: joined to the products it names, else a product of
  // its own.
  void add_facts(const SourceRow& row, const std::string& id) {
    const std::string brand = brand_slug(row.brand, row.marketing_name);
    if (brand.empty()) return;
    const std::string family = brand_family(brand);
    const bool by_code_only = fills_gaps_only(id);
    // The same phone: a model code in common; else (not for a gap-filling source) a codename
    // or a name.
    std::set<std::size_t> matched = find(by_code_, family, row.model_codes);
    if (matched.empty() && !by_code_only) matched = join_by_codename_or_name(row, family);
    if (const Product* other = by_code_only ? nullptr : named_by_another_brand(matched, row);
        other != nullptr) {
      // The code's phone named with another brand of the family than the product that lists
      // it (the LineageOS wiki: 22081212C is the Redmi K50 Ultra; Google Play lists it under
      // Xiaomi 12T Pro). Nothing here says which is right: a product of its own, sharing the
      // codes, so that a lookup finds both and states only what they agree on.
      join_conflicts += "brand\t" + brand + '\t' + display_name(row.marketing_name) + '\t' + id +
                        '=' + brand_in_name(row.marketing_name) + ", " + other->sources.front() +
                        '=' + brand_in_name(other->name) + " (" + other->name + ")\tboth kept, " +
                        joined(row.model_codes, ';') + " ambiguous\n";
      matched.clear();
    }
    if (matched.empty()) {
      Product product = new_product(row, id);
      if (std::string by_name = class_from_name(row.marketing_name); !by_name.empty()) {
        product.class_evidence.push_back({"name", by_name, 0, 0});
      }
      attach(product, row, id, true);
      index(products.size(), product, !by_code_only);
      products.push_back(std::move(product));
      return;
    }
    // Several products (one hardware sold under several names): the class is the
    // hardware's, but a launch date belongs to one name, so it joins only a single product.
    const bool single = matched.size() == 1;
    for (std::size_t index_of : matched) {
      Product& product = products[index_of];
      attach(product, row, id, single);
      add_unique(product.sources, id);
      if (!single) continue;
      for (const std::string& code : row.model_codes) add_unique(product.codes, code);
      for (const std::string& codename : row.codenames) add_unique(product.codenames, codename);
      index(index_of, product, !by_code_only);
    }
  }

 private:
  std::map<std::string, std::vector<std::size_t>> by_code_, by_codename_, by_name_;

  Product new_product(const SourceRow& row, const std::string& id) {
    Product product;
    product.brand = brand_slug(row.brand, row.marketing_name);
    product.name = display_name(row.marketing_name);
    for (const std::string& code : row.model_codes) add_unique(product.codes, code);
    for (const std::string& codename : row.codenames) add_unique(product.codenames, codename);
    product.sources.push_back(id);
    return product;
  }

  // A matched product whose name begins with another brand than the row's name, if any.
  const Product* named_by_another_brand(const std::set<std::size_t>& matched,
                                        const SourceRow& row) const {
    const std::string brand = brand_in_name(row.marketing_name);
    if (brand.empty()) return nullptr;
    for (std::size_t index_of : matched) {
      const std::string other = brand_in_name(products[index_of].name);
      if (!other.empty() && other != brand) return &products[index_of];
    }
    return nullptr;
  }

  // A row with no code in common. A codename is a platform several names share (miatoll:
  // Redmi Note 9S, POCO M2 Pro, Redmi Note 10 Lite…), so it joins only a product of the same
  // name, and only for a row without codes of its own; a name alone joins when it names one
  // product of the family.
  std::set<std::size_t> join_by_codename_or_name(const SourceRow& row, const std::string& family) {
    std::set<std::size_t> matched;
    const std::string key = name_key(row.marketing_name);
    if (row.model_codes.empty()) {
      for (std::size_t index_of : find(by_codename_, family, row.codenames)) {
        if (name_key(products[index_of].name) == key) matched.insert(index_of);
      }
    }
    if (matched.empty()) {
      if (const auto it = by_name_.find(family + '|' + key);
          it != by_name_.end() && it->second.size() == 1) {
        matched.insert(it->second.front());
      }
    }
    return matched;
  }

  static void attach(Product& product, const SourceRow& row, const std::string& id,
                     bool with_launch) {
    for (Evidence& evidence : evidence_of(row, id)) product.class_evidence.push_back(evidence);
    if (with_launch && row.launch_year != 0) {
      product.launch_evidence.push_back(
          {id, "", row.launch_year, row.launch_month, row.model_codes});
    }
  }

  static void add_key(std::map<std::string, std::vector<std::size_t>>& map, std::string key,
                      std::size_t index_of) {
    auto& rows = map[std::move(key)];
    if (std::find(rows.begin(), rows.end(), index_of) == rows.end()) rows.push_back(index_of);
  }

  void index(std::size_t index_of, const Product& product, bool by_name = true) {
    const std::string family = brand_family(product.brand);
    for (const std::string& code : product.codes)
      add_key(by_code_, family + '|' + lower(code), index_of);
    for (const std::string& codename : product.codenames) {
      add_key(by_codename_, family + '|' + lower(codename), index_of);
    }
    if (by_name) add_key(by_name_, family + '|' + name_key(product.name), index_of);
  }

  static std::set<std::size_t> find(const std::map<std::string, std::vector<std::size_t>>& map,
                                    const std::string& family,
                                    const std::vector<std::string>& keys) {
    std::set<std::size_t> found;
    for (const std::string& key : keys) {
      if (const auto it = map.find(family + '|' + lower(key)); it != map.end()) {
        found.insert(it->second.begin(), it->second.end());
      }
    }
    return found;
  }
};

std::string sources_of(const std::vector<Evidence>& evidence) {
  std::vector<std::string> ids;
  for (const Evidence& item : evidence) add_unique(ids, item.source);
  return joined(ids, '+');
}

std::string describe(const std::vector<Evidence>& evidence, bool launch) {
  std::string out;
  for (const Evidence& item : evidence) {
    if (!out.empty()) out += ", ";
    out += item.source + '=' + (launch ? launch_text(item.year, item.month) : item.device_class);
  }
  return out;
}

// Every piece of evidence must agree; a launch within one year keeps the earliest.
// Launch years a source may give: from the first iPhone to the year after the newest
// verified launch (device-info dates a 2019 Tecno "2029.03").
struct YearBounds {
  int first = 2007;
  int last = 0;
};

// A class from a source that only fills gaps counts where no other source gives one; where
// another does and they differ, the other is kept and the difference reported.
void set_gap_fillers_aside(Product& product, std::string& conflicts) {
  std::vector<Evidence> gap_fillers;
  std::erase_if(product.class_evidence, [&](const Evidence& item) {
    if (!fills_gaps_only(item.source)) return false;
    gap_fillers.push_back(item);
    return true;
  });
  if (product.class_evidence.empty()) {
    product.class_evidence = std::move(gap_fillers);
    return;
  }
  for (const Evidence& filler : gap_fillers) {
    const bool differs =
        std::any_of(product.class_evidence.begin(), product.class_evidence.end(),
                    [&](const Evidence& item) { return item.device_class != filler.device_class; });
    if (!differs) continue;
    conflicts += "class\t" + product.brand + '\t' + product.name + '\t' +
                 describe(product.class_evidence, false) + ", " + filler.source + '=' +
                 filler.device_class + '\t' + filler.source + " set aside\n";
  }
}

// Some makers report a name as the model code ("Light Tab 2" on a ZTE tablet, "MIPAD2"): a
// tablet word in it is evidence like one in the product's name. Only the tablet words: the
// foldable ones match codes that are no phone's ("FlipkartTV").
void add_code_name_evidence(Product& product) {
  const bool tablet_code =
      std::any_of(product.codes.begin(), product.codes.end(),
                  [](const std::string& code) { return class_from_name(code) == "tablet"; });
  if (tablet_code) product.class_evidence.push_back({"code-name", "tablet", 0, 0});
}

// The launch: every piece of evidence within one year of the others (the earliest kept), else
// unknown; a gap-filling source's date that makes them disagree is set aside first.
void decide_launch(Product& product, std::string& conflicts) {
  if (product.launch_evidence.empty()) return;
  const auto earliest = std::min_element(
      product.launch_evidence.begin(), product.launch_evidence.end(),
      [](const Evidence& a, const Evidence& b) {
        return a.year * 12 + std::max(a.month, 1) < b.year * 12 + std::max(b.month, 1);
      });
  const int latest =
      std::max_element(product.launch_evidence.begin(), product.launch_evidence.end(),
                       [](const Evidence& a, const Evidence& b) { return a.year < b.year; })
          ->year;
  if (latest - earliest->year > 1) {
    const auto gap_filler = [](const Evidence& item) {
      return launch_fills_gaps_only(item.source);
    };
    const auto& evidence = product.launch_evidence;
    const bool set_aside = std::any_of(evidence.begin(), evidence.end(), gap_filler) &&
                           !std::all_of(evidence.begin(), evidence.end(), gap_filler);
    conflicts += "launch\t" + product.brand + '\t' + product.name + '\t' +
                 describe(product.launch_evidence, true) +
                 (set_aside ? "\tendoflife set aside\n" : "\tleft unknown\n");
    if (!set_aside) return;
    std::erase_if(product.launch_evidence, gap_filler);
    decide_launch(product, conflicts);
    return;
  }
  product.year = earliest->year;
  product.month = earliest->month;
  product.launch_source = sources_of(product.launch_evidence);
}

void decide(Product& product, const YearBounds& years, std::string& conflicts) {
  add_code_name_evidence(product);
  set_gap_fillers_aside(product, conflicts);
  std::set<std::string> classes;
  for (const Evidence& item : product.class_evidence) classes.insert(item.device_class);
  if (classes.size() == 1) {
    product.device_class = *classes.begin();
    product.class_source = sources_of(product.class_evidence);
  } else if (classes.size() > 1) {
    conflicts += "class\t" + product.brand + '\t' + product.name + '\t' +
                 describe(product.class_evidence, false) + "\tleft unknown\n";
  } else if (!product.codes.empty()) {
    // No source says: the maker's naming may (names.h), for a row a probe can match by code.
    product.device_class = phone_by_tablet_naming(product.brand, product.name);
    if (!product.device_class.empty()) product.class_source = "name:no-tablet-word";
  }
  std::erase_if(product.launch_evidence, [&](const Evidence& item) {
    if (item.year >= years.first && item.year <= years.last) return false;
    conflicts += "launch\t" + product.brand + '\t' + product.name + '\t' + item.source + '=' +
                 launch_text(item.year, item.month) + "\timpossible year, dropped\n";
    return true;
  });
  decide_launch(product, conflicts);
}

// Generated rows say what the verified rows already say about a code: report where they
// differ, so that a developer can look again at one or the other.
void compare_with_verified(const Product& product, const DeviceDb& verified,
                           std::string& conflicts) {
  for (const std::string& code : product.codes) {
    const DeviceMatch match = verified.lookup(code, {}, product.brand);
    if (match.record == nullptr) continue;
    const DeviceRecord& row = *match.record;
    if (!product.device_class.empty() && product.device_class != row.device_class) {
      conflicts += "verified-class\t" + product.brand + '\t' + product.name + '\t' +
                   product.class_source + '=' + product.device_class +
                   ", verified=" + row.device_class + " (" + row.marketing_name +
                   ")\tverified kept\n";
    }
    if (product.year != 0 && std::abs(product.year - row.launch_year) > 1) {
      conflicts += "verified-launch\t" + product.brand + '\t' + product.name + '\t' +
                   product.launch_source + '=' + launch_text(product.year, product.month) +
                   ", verified=" + launch_text(row.launch_year, row.launch_month) + " (" +
                   row.marketing_name + ")\tverified kept\n";
    }
    return;  // one verified row per product is enough to compare
  }
}

// A source's fact that a maker's naming scheme (model_code_rules.h) contradicts is that
// source's slip (device-info dates the 2022 OPPO A57 5G, CPH2407, 2016 under the 2016 A57's
// name): dropped and reported, as the probe would drop it.
void check_with_code_rules(Product& product, std::string& conflicts) {
  for (const std::string& code : product.codes) {
    const DerivedDeviceFacts derived = derive_from_model_code(product.brand, code);
    const bool class_differs = derived.device_class && !product.device_class.empty() &&
                               *derived.device_class != product.device_class;
    const bool launch_differs =
        derived.launch && product.year != 0 && !derived.launch->contains(product.year);
    if (class_differs) {
      conflicts += "code-rule-class\t" + product.brand + '\t' + product.name + '\t' +
                   product.class_source + '=' + product.device_class + ", " + derived.class_rule +
                   '(' + code + ")=" + *derived.device_class + "\tleft unknown\n";
      product.device_class.clear();
      product.class_source.clear();
    }
    if (launch_differs) {
      conflicts += "code-rule-launch\t" + product.brand + '\t' + product.name + '\t' +
                   product.launch_source + '=' + launch_text(product.year, product.month) + ", " +
                   derived.launch_rule + '(' + code +
                   ")=" + std::to_string(derived.launch->earliest) + ".." +
                   std::to_string(derived.launch->latest) + "\tleft unknown\n";
      product.year = product.month = 0;
      product.launch_source.clear();
    }
  }
}

// A Samsung model number without its region: "SM-A125" of SM-A125F, SAMSUNG-SM-A125F or
// sm-a125u1; empty for a code of another shape.
std::string samsung_model_number(std::string_view code) {
  std::string upper;
  for (char c : code) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string_view rest = upper;
  if (rest.substr(0, 8) == "SAMSUNG-") rest.remove_prefix(8);
  if (rest.size() < 7 || rest.substr(0, 3) != "SM-" || rest[3] < 'A' || rest[3] > 'Z') return {};
  for (std::size_t i = 4; i < 7; ++i) {
    if (rest[i] < '0' || rest[i] > '9') return {};
  }
  return std::string(rest.substr(0, 7));
}

// Samsung sells a later hardware revision under the first one's name (the Galaxy A12 "Nacho",
// SM-A127F, of 2021 beside the SM-A125F of 2020; the Tab S6 Lite SM-P613/P619 of 2022 beside
// the SM-P610/P615 of 2020; Galaxy J7 SM-J700 to SM-J737, 2015-2018), and Google Play lists
// them as one device. A date belongs to the model numbers the dating sources list: the
// product's codes of any other number go to a row of their own, with no date (the model code
// rules and the codename may still bound it). Returns that row, if any.
std::optional<Product> undated_revisions(Product& product, std::string& conflicts) {
  if (product.brand != "samsung" || product.year == 0) return std::nullopt;
  std::set<std::string> dated;
  for (const Evidence& item : product.launch_evidence) {
    if (item.codes.empty()) return std::nullopt;  // a source that dates the name, not codes
    for (const std::string& code : item.codes) {
      if (const std::string number = samsung_model_number(code); !number.empty()) {
        dated.insert(number);
      }
    }
  }
  Product undated = product;
  undated.codes.clear();
  undated.year = undated.month = 0;
  undated.launch_source.clear();
  undated.launch_evidence.clear();
  std::erase_if(product.codes, [&](const std::string& code) {
    const std::string number = samsung_model_number(code);
    if (number.empty() || dated.count(number) != 0) return false;
    undated.codes.push_back(code);
    return true;
  });
  if (undated.codes.empty()) return std::nullopt;
  conflicts += "launch\t" + product.brand + '\t' + product.name + '\t' + product.launch_source +
               '=' + launch_text(product.year, product.month) + " dates " +
               joined(product.codes, ';') + "\tnot " + joined(undated.codes, ';') +
               " (another model number: left undated)\n";
  return undated;
}

std::string render(const DeviceRecord& row) {
  return row.brand + '\t' + row.series + '\t' + row.marketing_name + '\t' + row.device_class +
         '\t' + launch_text(row.launch_year, row.launch_month) + '\t' + row.price_tier + '\t' +
         joined(row.model_codes, ';') + '\t' + joined(row.codenames, ';') + '\t' + row.source +
         "\tverified\tverified\n";
}

// About 200 of Google Play's names were mangled before the list was published ("华为畅뿯亽8",
// "realme X7뿯½5G"). They still join their product (their readable part does), but no one
// should read them: a product known only by such a name shows its model code (or codename).
std::string shown_name(const Product& product) {
  if (!damaged_text(product.name)) return product.name;
  if (!product.codes.empty()) return product.codes.front();
  if (!product.codenames.empty()) return product.codenames.front();
  return product.name;
}

std::string render(const Product& product) {
  const std::string name = shown_name(product);
  return product.brand + '\t' + series_from_name(product.brand, name) + '\t' + name + '\t' +
         product.device_class + '\t' + launch_text(product.year, product.month) + "\t\t" +
         joined(product.codes, ';') + '\t' + joined(product.codenames, ';') + '\t' +
         joined(product.sources, '+') + '\t' + product.class_source + '\t' + product.launch_source +
         '\n';
}

constexpr std::string_view kHeaderComment =
    "# ExamReady device database, GENERATED by examready-devicedb build: do not edit.\n"
    "# Edit rules/devices/verified.tsv (hand-checked rows) or re-extract rules/devices/sources/\n"
    "# and regenerate; rules/devices/README.md says how and names every source and licence.\n"
    "brand\tseries\tmarketing_name\tclass\tlaunch_year\tprice_tier\tmodel_codes\tcodenames\t"
    "source\tclass_source\tlaunch_source\n";

}  // namespace

std::vector<std::string> default_keep_brands() {
  return {"huawei", "honor", "xiaomi",  "redmi", "poco", "oppo",  "oneplus",  "realme", "vivo",
          "iqoo",   "apple", "samsung", "meizu", "zte",  "nubia", "motorola", "lenovo", "google"};
}

bool is_held_out(const DeviceRecord& row, double fraction, std::uint32_t seed) {
  if (fraction <= 0) return false;
  // FNV-1a over the seed and the row's brand and name: stable whatever else the file holds.
  std::uint64_t hash = 1469598103934665603ULL;
  const auto mix = [&hash](unsigned char byte) {
    hash ^= byte;
    hash *= 1099511628211ULL;
  };
  for (int shift = 0; shift < 32; shift += 8) mix(static_cast<unsigned char>(seed >> shift));
  for (char c : row.brand + '|' + row.marketing_name) mix(static_cast<unsigned char>(c));
  return static_cast<double>(hash % 1000000) < fraction * 1000000;
}

BuildResult build_database(const DeviceDb& verified, const std::vector<SourceSet>& sources,
                           const BuildOptions& options) {
  BuildResult result;
  Merger merger;
  // Google Play names the products; the others bring facts.
  for (const SourceSet& source : sources) {
    if (source.id != "google-play") continue;
    for (const SourceRow& row : source.rows) merger.add_play(row, source.id);
  }
  for (const SourceSet& source : sources) {
    if (source.id == "google-play" || fills_gaps_only(source.id)) continue;
    for (const SourceRow& row : source.rows) merger.add_facts(row, source.id);
  }
  // Last, so that their rows join the products the others made rather than splitting them.
  for (const SourceSet& source : sources) {
    if (!fills_gaps_only(source.id)) continue;
    for (const SourceRow& row : source.rows) merger.add_facts(row, source.id);
  }

  result.conflicts += merger.join_conflicts;

  // The verified rows kept, and the codes and codenames they own.
  std::vector<const DeviceRecord*> kept;
  std::set<std::string> verified_codes, verified_codenames;
  for (const DeviceRecord& row : verified.records()) {
    if (is_held_out(row, options.hold_out_fraction, options.seed)) {
      result.held_out.push_back(&row);
      continue;
    }
    kept.push_back(&row);
    for (const std::string& code : row.model_codes) verified_codes.insert(lower(code));
    for (const std::string& codename : row.codenames) {
      verified_codenames.insert(brand_family(row.brand) + '|' + lower(codename));
    }
  }

  YearBounds years;
  for (const DeviceRecord& row : verified.records()) {
    years.last = std::max(years.last, std::max(row.launch_year, row.launch_year_latest) + 1);
  }
  const std::set<std::string> keep_brands(options.keep_brands.begin(), options.keep_brands.end());
  std::vector<const Product*> generated;
  std::deque<Product> revisions;  // undated_revisions' rows (stable addresses)
  auto keep = [&](Product& product) {
    const std::string family = brand_family(product.brand);
    std::erase_if(product.codes,
                  [&](const std::string& code) { return verified_codes.count(lower(code)) != 0; });
    std::erase_if(product.codenames, [&](const std::string& codename) {
      return verified_codenames.count(family + '|' + lower(codename)) != 0;
    });
    if (product.brand.empty() || product.name.empty()) return;
    if (product.codes.empty() && product.codenames.empty()) return;
    const bool has_fact = !product.device_class.empty() || product.year != 0;
    if (!has_fact && keep_brands.count(product.brand) == 0) return;
    generated.push_back(&product);
  };
  for (Product& product : merger.products) {
    decide(product, years, result.conflicts);
    compare_with_verified(product, verified, result.conflicts);
    check_with_code_rules(product, result.conflicts);
    if (auto revision = undated_revisions(product, result.conflicts)) {
      keep(revisions.emplace_back(std::move(*revision)));
    }
    keep(product);
  }
  std::sort(generated.begin(), generated.end(), [](const Product* a, const Product* b) {
    return std::tie(a->brand, a->name) < std::tie(b->brand, b->name);
  });

  result.devices_tsv = kHeaderComment;
  for (const DeviceRecord* row : kept) result.devices_tsv += render(*row);
  for (const Product* product : generated) result.devices_tsv += render(*product);
  result.rows = kept.size() + generated.size();
  return result;
}

}  // namespace examready::devices::generator
