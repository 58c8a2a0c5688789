// Device facts: the database lookup, with OS fallbacks, each fact with its source.
#include "rules/devices/device_facts.h"

#include "core/text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#include "rules/devices/model_code_rules.h"
#include "rules/devices/name_class.h"
#include "rules/devices/name_series_rules.h"

namespace examready::devices {
namespace {

using core::text::lower;
using core::text::trim;

// ro.build.characteristics is a comma-separated word list ("nosdcard,tablet").
bool has_word(std::string_view list, std::string_view word) {
  while (!list.empty()) {
    const auto comma = list.find(',');
    if (trim(list.substr(0, comma)) == word) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

std::optional<SourcedFact> class_from_os(std::string_view model, std::string_view hint) {
  model = trim(model);
  if (is_apple_identifier(model)) {
    if (model.substr(0, 4) == "iPad")
      return SourcedFact{"tablet", std::string(kAppleIdentifierSource)};
    if (model.substr(0, 6) == "iPhone")
      return SourcedFact{"phone", std::string(kAppleIdentifierSource)};
    return std::nullopt;  // an iPod touch is neither
  }
  // "tablet" is the firmware's word; its absence says nothing (tablets whose firmware says
  // "default" exist, and a phone called by that would be a tablet let through).
  if (!has_word(lower(trim(hint)), "tablet")) return std::nullopt;
  return SourcedFact{"tablet", std::string(kCharacteristicsSource)};
}

// Where a row's fact comes from: "device-db" on verified rows, "device-db:SOURCE" on
// generated ones.
std::string db_source(const DeviceRecord& row, const std::string& fact_source) {
  if (row.verified()) return std::string(kDeviceDbSource);
  return std::string(kDeviceDbSource) + ':' + fact_source;
}

// The value every candidate row gives (non-empty), with its source; none when they differ.
std::optional<SourcedFact> shared(const std::vector<const DeviceRecord*>& rows,
                                  std::string DeviceRecord::*field,
                                  std::string DeviceRecord::*source_field) {
  if (rows.empty()) return std::nullopt;
  const std::string& value = rows.front()->*field;
  if (value.empty()) return std::nullopt;
  for (const DeviceRecord* row : rows) {
    if (row->*field != value) return std::nullopt;
  }
  return SourcedFact{value, db_source(*rows.front(), rows.front()->*source_field)};
}

std::optional<LaunchFact> shared_launch(const std::vector<const DeviceRecord*>& rows) {
  if (rows.empty() || rows.front()->launch_year == 0) return std::nullopt;
  const DeviceRecord& first = *rows.front();
  for (const DeviceRecord* row : rows) {
    if (row->launch_year != first.launch_year ||
        row->launch_year_latest != first.launch_year_latest ||
        row->launch_month != first.launch_month) {
      return std::nullopt;
    }
  }
  return LaunchFact{first.launch_year, first.launch_year_latest, first.launch_month,
                    db_source(first, first.launch_source)};
}

// A codename match whose launch contradicts the device is another name on the same platform
// (Redmi 9i and Redmi 10A are both `dandelion`): what belongs to the name goes.
void forget_per_name_facts(DeviceFacts& facts) {
  facts.series.reset();
  facts.marketing_name.reset();
  facts.price_tier.reset();
}

// The launch of another name on the platform (a rebadge for another market or brand, or a
// variant): up to a year before or after it. Source "+codename".
void widen_to_another_name(LaunchFact& launch) {
  launch.earliest -= 1;
  launch.latest += 1;
  launch.month = 0;
  launch.source += kByCodenameSuffix;
}

// A codename names a platform, and a family's makers sell one platform under several of their
// brands (haydn: the Redmi K40 Pro and the Xiaomi Mi 11i; turner: the REDMI K Pad and the
// Xiaomi Pad Mini). A device that names a brand of its own (Redmi, POCO, Honor, iQOO,
// OnePlus, realme) that none of the codename's rows has is another brand's rebadge of them: the
// brand is the device's, their name's facts go, and the launch is theirs widened by a year
// each way (the China Redmi K phones launch in the autumn, their POCO twins the next spring).
// Old firmware that says only the family ("xiaomi" on a Redmi) leaves the rows' brand.
void apply_rebadge(DeviceFacts& facts, const std::vector<const DeviceRecord*>& rows,
                   std::string_view brand) {
  const std::string own = lower(trim(brand));
  if (!facts.match.by_codename || rows.empty() || own.empty() || brand_family(own) == own) return;
  const bool another_brand = std::none_of(
      rows.begin(), rows.end(), [&](const DeviceRecord* row) { return row->brand == own; });
  if (!another_brand) return;
  facts.brand = SourcedFact{own, std::string(kOsBrandSource)};
  forget_per_name_facts(facts);
  if (facts.launch) widen_to_another_name(*facts.launch);
}

bool from_verified_row(const std::optional<SourcedFact>& fact) {
  return fact && fact->source == kDeviceDbSource;
}

// The model code's naming scheme fills what the database left unknown. Where it contradicts
// a generated row's fact (a source's slip), the fact is left unknown rather than either claim
// picked. A verified row's facts are final on a model-code match; on a codename match a
// launch the code contradicts means another name on the same platform (Redmi 9i and Redmi
// 10A are both `dandelion`): its per-name facts go, the code's launch stays.
void apply_model_code(DeviceFacts& facts, const DerivedDeviceFacts& derived) {
  const bool by_code = !facts.match.by_codename;
  if (derived.device_class && !(by_code && from_verified_row(facts.device_class))) {
    if (!facts.device_class) {
      facts.device_class = SourcedFact{*derived.device_class,
                                       std::string(kModelCodeSource) + ':' + derived.class_rule};
    } else if (facts.device_class->value != *derived.device_class) {
      facts.device_class.reset();
    }
  }
  if (!derived.launch) return;
  const LaunchFact from_code{derived.launch->earliest, derived.launch->latest, 0,
                             std::string(kModelCodeSource) + ':' + derived.launch_rule};
  if (!facts.launch) {
    facts.launch = from_code;
    return;
  }
  const bool agrees = derived.launch->contains(facts.launch->earliest) &&
                      derived.launch->contains(facts.launch->latest);
  if (agrees || (by_code && facts.launch->source == kDeviceDbSource)) return;
  if (by_code) {
    facts.launch.reset();
    return;
  }
  forget_per_name_facts(facts);
  facts.launch = from_code;
}

// What a marketing name says of the launch (name_series_rules.h): the generation's years, its
// source (PREFIX:RULE), and for a China code of a line that launches in China first, the
// generation's first year where the code's own scheme allows it (source "+china-code").
struct NameLaunch {
  YearRange years;
  std::optional<int> china;
  std::string source;
};

std::optional<NameLaunch> launch_by_name(std::string_view brand, std::string_view name,
                                         std::string_view model, const DerivedDeviceFacts& derived,
                                         std::string_view prefix) {
  const std::optional<NamedLaunch> named = launch_from_marketing_name(brand, name);
  if (!named) return std::nullopt;
  NameLaunch out{named->launch, std::nullopt, std::string(prefix) + ':' + named->rule};
  if (named->china_launch && china_market_code(brand, model) &&
      (!derived.launch || derived.launch->contains(*named->china_launch))) {
    out.china = named->china_launch;
    out.source += kChinaCodeSuffix;
  }
  return out;
}

// Narrows `launch` by what the name says; false (nothing changed) when the two are disjoint.
// The China year is taken where it lies in the narrowed range, or always with `china_wins`.
bool narrow_by_name(LaunchFact& launch, const NameLaunch& name, bool china_wins) {
  int earliest = std::max(launch.earliest, name.years.earliest);
  int latest = std::min(launch.latest, name.years.latest);
  if (earliest > latest) return false;
  if (name.china && (china_wins || (earliest <= *name.china && *name.china <= latest))) {
    earliest = latest = *name.china;
  }
  if (earliest == launch.earliest && latest == launch.latest) return true;  // nothing new
  launch.earliest = earliest;
  launch.latest = latest;
  launch.month = 0;
  launch.source += '+' + name.source;
  return true;
}

LaunchFact launch_from(const NameLaunch& name) {
  return name.china ? LaunchFact{*name.china, *name.china, 0, name.source}
                    : LaunchFact{name.years.earliest, name.years.latest, 0, name.source};
}

// A generated row's marketing name narrows the launch the database, the codename's rows or the
// model code gave (name_series_rules.h), or gives one where they gave none. Where the name and
// those disagree, one of them is wrong (device-info dates VOG-AL00, a P30 Pro of 2019, 2020):
// the launch is left unknown. Only the model code's own row's name: a codename names the
// platform, which other names share. A verified row's launch is final.
// A China code of a line that launches there first launched in the generation's first year
// (source "+china-code"), whatever year a source gives the product: the sources date its
// launch abroad as often (the LineageOS wiki dates the OnePlus 13 2025-01; PJZ110 came out in
// China in 2024-10). A range the code's own scheme gives still bounds it.
void apply_marketing_name(DeviceFacts& facts, std::string_view model,
                          const DerivedDeviceFacts& derived) {
  const DeviceRecord* row = facts.match.record;
  if (row == nullptr || facts.match.by_codename || row->verified()) return;
  const std::optional<NameLaunch> name =
      launch_by_name(row->brand, row->marketing_name, model, derived, kMarketingNameSource);
  if (!name) return;
  if (!facts.launch) {
    facts.launch = launch_from(*name);
    return;
  }
  const bool products_date =
      row->launch_year != 0 && facts.launch->source == db_source(*row, row->launch_source);
  if (!narrow_by_name(*facts.launch, *name, products_date)) facts.launch.reset();
}

// The phone's own name (DeviceClues::own_name) is this phone's, where a codename's rows' names
// are the platform's: its generation gives the launch where nothing did, narrows a range, and
// where the two are disjoint, one of them is wrong. On a model code's row that is a source's
// slip or the name's re-issue (the Redmi Note 8 2021's M1908C3JGG is the 2019 phone's code):
// unknown. On a codename's rows they are another name on the platform: their per-name facts
// go and the own name's launch stays. A verified row matched by its model code is final.
// A name's words without the makers' words in front ("Redmi Note 9" and Google Play's "Note 9"
// are one name).
std::vector<std::string> words_after_maker(std::string_view name) {
  std::vector<std::string> words = name_words(name);
  constexpr std::array<std::string_view, 13> kMakerWords = {
      "xiaomi",  "redmi",  "poco", "mi",   "huawei",  "honor", "oppo",
      "oneplus", "realme", "vivo", "iqoo", "samsung", "galaxy"};
  std::size_t lead = 0;
  while (lead < words.size() &&
         std::find(kMakerWords.begin(), kMakerWords.end(), words[lead]) != kMakerWords.end()) {
    ++lead;
  }
  words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(lead));
  return words;
}

// Whether the phone's own name may be one of the codename's rows ("Redmi Note 9 Pro" may be the
// "Redmi Note 9 Pro" row, or the Redmi Note 9 row with a word more): one word list starts the
// other. A name with no ASCII words (华为畅享 70S keeps "70s" only) decides nothing: true.
bool own_name_may_be(const std::vector<std::string>& own, std::string_view row_names) {
  if (own.empty()) return true;
  for (std::string_view part : core::text::split(row_names, '/')) {
    const std::vector<std::string> row = words_after_maker(part);
    if (row.empty()) return true;
    const std::size_t n = std::min(own.size(), row.size());
    if (std::equal(own.begin(), own.begin() + static_cast<std::ptrdiff_t>(n), row.begin())) {
      return true;
    }
  }
  return false;
}

// A codename's rows none of which the phone's own name can be are other names on the platform
// (the device says it is the Redmi 10A, the rows are merlin's Redmi Note 9 and 10X 4G): what
// belongs to their names goes, and their launch is widened by a year each way, as for a
// rebadge.
void apply_own_name_to_codename_rows(DeviceFacts& facts, const DeviceClues& clues) {
  if (!clues.own_name || !facts.match.by_codename || facts.match.candidates.empty()) return;
  const std::vector<std::string> own = words_after_maker(clues.own_name->value);
  for (const DeviceRecord* row : facts.match.candidates) {
    if (own_name_may_be(own, row->marketing_name)) return;
  }
  forget_per_name_facts(facts);
  if (facts.launch && facts.launch->source.find(kByCodenameSuffix) == std::string::npos) {
    widen_to_another_name(*facts.launch);
  }
}

void apply_own_name_launch(DeviceFacts& facts, const DeviceClues& clues,
                           const DerivedDeviceFacts& derived) {
  if (!clues.own_name) return;
  const bool by_code = !facts.match.by_codename;
  if (by_code && facts.launch && facts.launch->source == kDeviceDbSource) return;
  const std::string_view brand = !trim(clues.brand).empty() ? clues.brand
                                 : facts.brand              ? std::string_view(facts.brand->value)
                                                            : std::string_view{};
  const std::optional<NameLaunch> name =
      launch_by_name(brand, clues.own_name->value, clues.model, derived, kOwnNameSource);
  if (!name) return;
  if (!facts.launch) {
    facts.launch = launch_from(*name);
  } else if (!narrow_by_name(*facts.launch, *name, false)) {
    if (by_code) {
      facts.launch.reset();
    } else {
      forget_per_name_facts(facts);
      facts.launch = launch_from(*name);
    }
  }
}

// The class the phone's own name states (name_class.h): a tablet word or a foldable. It fills
// an unknown class; a class it contradicts is left unknown, unless a person verified the row
// the model code matched.
void apply_own_name_class(DeviceFacts& facts, const DeviceClues& clues) {
  if (!clues.own_name) return;
  const std::string by_name = class_from_name(clues.own_name->value);
  if (by_name.empty()) return;
  if (!facts.device_class) {
    const char* rule = by_name == "tablet" ? ":tablet-word" : ":foldable";
    facts.device_class = SourcedFact{by_name, std::string(kOwnNameSource) + rule};
  } else if (facts.device_class->value != by_name &&
             !(!facts.match.by_codename && from_verified_row(facts.device_class))) {
    facts.device_class.reset();
  }
}

// A phone by its own name's missing "Pad", from a maker that names every tablet so
// (phone_by_tablet_naming): inferred from an absence, so it only fills a class nothing else
// gave, not the panels nor the firmware's "tablet", and only for a name that starts with the
// maker's word ("Redmi Note 13 Pro", not a bare "nabu" or code).
std::optional<SourcedFact> phone_by_own_name(const DeviceClues& clues) {
  if (!clues.own_name) return std::nullopt;
  const std::vector<std::string> words = name_words(clues.own_name->value);
  constexpr std::array<std::string_view, 7> kMakerWords = {"xiaomi",  "redmi",  "poco", "mi",
                                                           "oneplus", "realme", "oppo"};
  if (words.empty() ||
      std::find(kMakerWords.begin(), kMakerWords.end(), words.front()) == kMakerWords.end()) {
    return std::nullopt;
  }
  if (phone_by_tablet_naming(lower(trim(clues.brand)), clues.own_name->value) != "phone") {
    return std::nullopt;
  }
  return SourcedFact{"phone", std::string(kOwnNameSource) + ":no-tablet-word"};
}

// When a row launched: its own launch, else what the naming scheme says of its first model
// code that says anything (a generated row often has codes but no date).
std::optional<YearRange> row_launch(const DeviceRecord& row) {
  if (row.launch_year != 0) return YearRange{row.launch_year, row.launch_year_latest};
  for (const std::string& code : row.model_codes) {
    if (auto launch = derive_from_model_code(row.brand, code, {}).launch) return launch;
  }
  return std::nullopt;
}

// The rows a codename named that can be this device: on a codename match, a row whose launch
// lies outside what the model code allows is another name on the same platform (`dandelion`
// is the Redmi 9A of 2020 and the Redmi 10A of 2022; M2006C3LII, certified in June 2020, is
// neither's code but can only be the first's kin) and is left out before the rows' shared
// facts are taken. Rows whose launch nothing tells stay. If the code rules out every row, all
// stay (apply_model_code then drops the per-name facts).
std::vector<const DeviceRecord*> rows_the_code_allows(const DeviceMatch& match,
                                                      const DerivedDeviceFacts& derived) {
  if (!match.by_codename || !derived.launch || match.candidates.size() < 2) return match.candidates;
  std::vector<const DeviceRecord*> allowed;
  for (const DeviceRecord* row : match.candidates) {
    const std::optional<YearRange> launch = row_launch(*row);
    if (!launch ||
        (derived.launch->contains(launch->earliest) && derived.launch->contains(launch->latest))) {
      allowed.push_back(row);
    }
  }
  return allowed.empty() ? match.candidates : allowed;
}

// A model code's row that gives no launch (a generated row whose sources date nothing, such
// as a Huawei China code only Matomo's detector lists) leaves the launch to the codename's
// rows, as if the code were unknown: the launch they share, where their class does not
// contradict the code's row. The source says it came by the codename.
std::optional<LaunchFact> launch_by_codename(const DeviceDb& db, const DeviceFacts& facts,
                                             std::string_view codename, std::string_view brand,
                                             const DerivedDeviceFacts& derived) {
  if (facts.match.by_codename || facts.match.candidates.empty() || trim(codename).empty()) {
    return std::nullopt;
  }
  const DeviceMatch by_codename = db.lookup({}, codename, brand);
  if (!by_codename.by_codename) return std::nullopt;
  const std::vector<const DeviceRecord*> rows = rows_the_code_allows(by_codename, derived);
  const std::optional<SourcedFact> row_class =
      shared(rows, &DeviceRecord::device_class, &DeviceRecord::class_source);
  if (facts.device_class && (!row_class || row_class->value != facts.device_class->value)) {
    return std::nullopt;
  }
  std::optional<LaunchFact> launch = shared_launch(rows);
  if (!launch) return std::nullopt;
  // Another name on the platform (dandelion: the Redmi 10A of 2022 for a 2020 Redmi 9A code):
  // the code's own launch, if it has one, is the better answer.
  if (derived.launch &&
      !(derived.launch->contains(launch->earliest) && derived.launch->contains(launch->latest))) {
    return std::nullopt;
  }
  // The codename's rows are always another name on the platform: a rebadge for another market
  // or a variant, launched up to a year before or after them (POCO F7 Pro in 2025, the REDMI
  // K80 of 2024; Xiaomi Civi 2 in 2022, the Xiaomi 13 Lite of 2023: 8 of the 31 such
  // held-out phones of bench/devices were a year off). What the model code allows narrows it.
  widen_to_another_name(*launch);
  if (derived.launch) {
    launch->earliest = std::max(launch->earliest, derived.launch->earliest);
    launch->latest = std::min(launch->latest, derived.launch->latest);
  }
  return launch;
}

// The firmware's bound on the launch (see device_facts) applied to what the database and
// the model code said.
void apply_firmware_launch(DeviceFacts& facts, const YearRange& firmware) {
  const std::string source(kFirstApiLevelSource);
  if (!facts.launch) {
    facts.launch = LaunchFact{firmware.earliest, firmware.latest, 0, source};
    return;
  }
  LaunchFact& launch = *facts.launch;
  if (launch.latest < firmware.earliest) {
    const bool by_code = !facts.match.by_codename;
    if (by_code && launch.source == kDeviceDbSource) return;
    facts.launch.reset();
    if (!by_code) forget_per_name_facts(facts);  // another name on the same platform
    return;
  }
  if (launch.earliest < firmware.earliest) {  // a range the firmware narrows
    launch.earliest = firmware.earliest;
    launch.source += '+' + source;
  }
}

constexpr double kPhoneBelowInches = 7.0;
constexpr double kTabletFromInches = 9.0;

}  // namespace

std::optional<YearRange> launch_range_from_first_api_level(std::string_view first_api_level,
                                                           int check_year) {
  const std::string_view text = trim(first_api_level);
  int level = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), level);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  const std::optional<int> floor = launch_floor_from_first_api_level(level);
  if (!floor || *floor > check_year) return std::nullopt;
  return YearRange{*floor, check_year};
}

std::optional<SourcedFact> class_from_panels(const PanelFacts& panels, std::string_view hint) {
  const bool hint_tablet = has_word(lower(trim(hint)), "tablet");
  const auto fact = [](const char* value) {
    return SourcedFact{value, std::string(kPanelsSource)};
  };
  if (panels.count >= 2) return fact("phone");
  if (panels.count != 1 || panels.largest_diagonal_in <= 0) return std::nullopt;
  if (panels.largest_diagonal_in < kPhoneBelowInches) {
    if (hint_tablet) return std::nullopt;
    return fact("phone");
  }
  if (panels.largest_diagonal_in >= kTabletFromInches || hint_tablet) return fact("tablet");
  return std::nullopt;
}

DeviceFacts device_facts(const DeviceDb& db, std::string_view model, std::string_view codename,
                         std::string_view brand, std::string_view os_class_hint,
                         std::optional<PanelFacts> panels,
                         std::optional<YearRange> firmware_launch) {
  return device_facts(db, DeviceClues{model, codename, brand, os_class_hint, std::nullopt, panels,
                                      firmware_launch});
}

DeviceFacts device_facts(const DeviceDb& db, const DeviceClues& clues) {
  const std::string_view model = clues.model, codename = clues.codename, brand = clues.brand;
  DeviceFacts facts;
  facts.match = db.lookup(model, codename, brand);
  const DerivedDeviceFacts derived = derive_from_model_code(brand, model, codename);
  const std::vector<const DeviceRecord*> rows = rows_the_code_allows(facts.match, derived);
  facts.brand = shared(rows, &DeviceRecord::brand, &DeviceRecord::source);
  facts.device_class = shared(rows, &DeviceRecord::device_class, &DeviceRecord::class_source);
  facts.series = shared(rows, &DeviceRecord::series, &DeviceRecord::source);
  facts.marketing_name = shared(rows, &DeviceRecord::marketing_name, &DeviceRecord::source);
  facts.price_tier = shared(rows, &DeviceRecord::price_tier, &DeviceRecord::source);
  facts.launch = shared_launch(rows);
  apply_rebadge(facts, rows, brand);
  if (!facts.launch) facts.launch = launch_by_codename(db, facts, codename, brand, derived);
  apply_model_code(facts, derived);
  apply_marketing_name(facts, model, derived);
  apply_own_name_to_codename_rows(facts, clues);
  apply_own_name_launch(facts, clues, derived);
  if (!facts.device_class) {
    const std::string_view maker = !trim(brand).empty() ? brand
                                   : facts.brand        ? std::string_view(facts.brand->value)
                                                        : std::string_view{};
    if (const std::string_view platform = db.platform_class(maker, model); !platform.empty()) {
      facts.device_class = SourcedFact{std::string(platform), std::string(kPlatformSource)};
    }
  }
  apply_own_name_class(facts, clues);
  if (clues.firmware_launch) apply_firmware_launch(facts, *clues.firmware_launch);
  if (!facts.marketing_name && clues.own_name) facts.marketing_name = clues.own_name;
  if (!facts.brand) {
    if (const std::string os_brand = lower(trim(brand)); !os_brand.empty()) {
      facts.brand = SourcedFact{os_brand, std::string(kOsBrandSource)};
    }
  }
  if (!facts.device_class && clues.panels) {
    facts.device_class = class_from_panels(*clues.panels, clues.os_class_hint);
    return facts;  // the panels had their say, with the hint: no second opinion
  }
  if (!facts.device_class) facts.device_class = class_from_os(model, clues.os_class_hint);
  if (!facts.device_class) facts.device_class = phone_by_own_name(clues);
  return facts;
}

DeviceFacts emit_device_facts(core::MeasurementList& out, const DeviceDb& db,
                              std::string_view model, std::string_view codename,
                              std::string_view brand, std::string_view os_class_hint,
                              std::optional<PanelFacts> panels,
                              std::optional<YearRange> firmware_launch) {
  return emit_device_facts(
      out, db,
      DeviceClues{model, codename, brand, os_class_hint, std::nullopt, panels, firmware_launch});
}

DeviceFacts emit_device_facts(core::MeasurementList& out, const DeviceDb& db,
                              const DeviceClues& clues) {
  using core::MetricId;
  DeviceFacts facts = device_facts(db, clues);
  out.emit(MetricId::kDeviceDbMatch, std::string(to_string(facts.match.kind)),
           std::string(kDeviceDbSource));
  out.emit(MetricId::kDeviceDbVersion, db.version(), std::string(kDeviceDbSource));
  const auto emit = [&out](MetricId id, const std::optional<SourcedFact>& fact) {
    if (fact) out.emit(id, fact->value, fact->source);
  };
  emit(MetricId::kDeviceBrand, facts.brand);
  emit(MetricId::kDeviceClass, facts.device_class);
  emit(MetricId::kDeviceSeries, facts.series);
  emit(MetricId::kDeviceMarketingName, facts.marketing_name);
  emit(MetricId::kDevicePriceTier, facts.price_tier);
  if (const auto& launch = facts.launch) {
    out.emit(MetricId::kDeviceLaunchYear, std::int64_t{launch->earliest}, launch->source);
    if (launch->latest != launch->earliest) {
      out.emit(MetricId::kDeviceLaunchYearLatest, std::int64_t{launch->latest}, launch->source);
    } else if (launch->month != 0) {
      out.emit(MetricId::kDeviceLaunchMonth, std::int64_t{launch->month}, launch->source);
    }
  }
  return facts;
}

}  // namespace examready::devices
