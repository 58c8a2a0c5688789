// The device database: the strict TSV parser, the shipped (embedded) copy and the lookup.
#include "rules/devices/device_db.h"

#include "core/text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <stdexcept>

#include "rules/devices/devices_tsv.h"
#include "rules/devices/devices_version.h"
#include "rules/devices/model_code_rules.h"

namespace examready::devices {
namespace {

using core::text::lower;
using core::text::split;
using core::text::trim;

constexpr std::array<std::string_view, 11> kColumns = {
    "brand",       "series",    "marketing_name", "class",        "launch_year",   "price_tier",
    "model_codes", "codenames", "source",         "class_source", "launch_source",
};
constexpr std::size_t kVerifiedColumns = 9;  // the hand-checked form stops at `source`
constexpr std::array<std::string_view, 2> kClasses = {"phone", "tablet"};
constexpr std::array<std::string_view, 4> kTiers = {"budget", "mid", "high", "flagship"};
constexpr int kFirstYear = 2007;  // the first iPhone; anything earlier is a typo
constexpr int kLastYear = 2099;
constexpr std::string_view kVerified = "verified";

[[noreturn]] void fail(std::size_t line, const std::string& what) {
  throw std::invalid_argument("devices.tsv line " + std::to_string(line) + ": " + what);
}

bool is_slug(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) {
    return std::islower(c) || std::isdigit(c) || c == '-';
  });
}

template <std::size_t N>
bool one_of(std::string_view text, const std::array<std::string_view, N>& allowed) {
  return std::find(allowed.begin(), allowed.end(), text) != allowed.end();
}

// "a; b;c" -> {"a","b","c"}; an empty field is an empty list. Not commas: Apple identifiers
// ("iPhone12,1") contain one, and model codes may contain spaces ("Pixel 8"). Items lose the
// Unicode spaces around them as a looked-up model does (trim_pasted), so every listed code is
// found.
std::vector<std::string> split_list(std::string_view field, std::size_t line, const char* column) {
  std::vector<std::string> items;
  if (core::text::trim_pasted(field).empty()) return items;
  for (std::string_view item : split(field, ';')) {
    item = core::text::trim_pasted(item);
    if (item.empty()) fail(line, std::string("empty entry in ") + column);
    items.emplace_back(item);
  }
  return items;
}

std::optional<int> parse_number(std::string_view digits) {
  int value = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

int parse_year(std::string_view text, std::string_view field, bool allow_range, std::size_t line) {
  const auto year = parse_number(text);
  if (!year || text.size() != 4 || *year < kFirstYear || *year > kLastYear) {
    fail(line,
         "launch_year '" + std::string(field) + "' is not a year in " + std::to_string(kFirstYear) +
             ".." + std::to_string(kLastYear) +
             (allow_range ? " (optionally -MM, or a range YYYY..YYYY)" : " (optionally -MM)"));
  }
  return *year;
}

// "2020", "2020-04" (the month where a source gives it: rules count "within N years" by
// month when they can, and say so when they cannot) or, generated rows only, "2019..2020"
// when all a source knows is a range.
void parse_launch(std::string_view launch, DeviceRecord& record, bool allow_range,
                  std::size_t line) {
  if (const auto dots = launch.find(".."); dots != std::string_view::npos && allow_range) {
    record.launch_year = parse_year(launch.substr(0, dots), launch, true, line);
    record.launch_year_latest = parse_year(launch.substr(dots + 2), launch, true, line);
    if (record.launch_year_latest < record.launch_year) {
      fail(line, "launch_year '" + std::string(launch) + "': the range runs backwards");
    }
    return;
  }
  const std::string_view year = launch.substr(0, launch.find('-'));
  record.launch_year = record.launch_year_latest = parse_year(year, launch, allow_range, line);
  if (year.size() == launch.size()) return;
  const std::string_view month = launch.substr(year.size() + 1);
  const auto value = parse_number(month);
  if (!value || month.size() != 2 || *value < 1 || *value > 12) {
    fail(line, "launch_year '" + std::string(launch) + "': the month must be 01..12");
  }
  record.launch_month = *value;
}

DeviceRecord parse_row(std::string_view text, std::size_t line, std::size_t columns) {
  const bool generated = columns == kColumns.size();
  const auto fields = split(text, '\t');
  if (fields.size() != columns) {
    fail(line, "expected " + std::to_string(columns) + " tab-separated columns, found " +
                   std::to_string(fields.size()));
  }
  DeviceRecord record;
  record.brand = std::string(trim(fields[0]));
  if (!is_slug(record.brand)) fail(line, "brand '" + record.brand + "' is not lower-case a-z0-9-");
  record.series = std::string(trim(fields[1]));
  if (!(generated && record.series.empty()) && !is_slug(record.series)) {
    fail(line, "series '" + record.series + "' is not lower-case a-z0-9-");
  }
  record.marketing_name = std::string(trim(fields[2]));
  if (record.marketing_name.empty()) fail(line, "empty marketing_name");
  record.device_class = std::string(trim(fields[3]));
  if (!(generated && record.device_class.empty()) && !one_of(record.device_class, kClasses)) {
    fail(line, "class '" + record.device_class + "' is not phone or tablet");
  }
  if (const std::string_view launch = trim(fields[4]); !(generated && launch.empty())) {
    parse_launch(launch, record, generated, line);
  }
  record.price_tier = std::string(trim(fields[5]));
  if (!(generated && record.price_tier.empty()) && !one_of(record.price_tier, kTiers)) {
    fail(line, "price_tier '" + record.price_tier + "' is not budget, mid, high or flagship");
  }
  record.model_codes = split_list(fields[6], line, "model_codes");
  record.codenames = split_list(fields[7], line, "codenames");
  if (record.model_codes.empty() && record.codenames.empty()) {
    fail(line, "a row needs at least one model code or codename");
  }
  record.source = std::string(trim(fields[8]));
  if (record.source.empty()) fail(line, "empty source");
  if (!generated) {
    record.class_source = record.launch_source = std::string(kVerified);
    return record;
  }
  record.class_source = std::string(trim(fields[9]));
  record.launch_source = std::string(trim(fields[10]));
  if (record.device_class.empty() != record.class_source.empty()) {
    fail(line, "class and class_source must both be given or both be empty");
  }
  if ((record.launch_year == 0) != record.launch_source.empty()) {
    fail(line, "launch_year and launch_source must both be given or both be empty");
  }
  return record;
}

// Honor left Huawei in November 2020; since, each names its phones apart (`hepburn` is the
// Honor 70 Pro+ of 2022 and the HUAWEI Pura 70 Pro of 2024). A row of the one launched after
// 2020 is no kin of a device of the other, though the two stay one family for older firmware.
bool split_from_huawei(const DeviceRecord& row, std::string_view brand) {
  const bool other_half =
      (row.brand == "honor" && brand == "huawei") || (row.brand == "huawei" && brand == "honor");
  return other_half && row.launch_year > 2020;
}

// Rows named by one key, narrowed by the device's brand: the rows of that very brand where
// there are any (a POCO and a Redmi sharing a codename), else those of its family (old Redmi
// firmware says "xiaomi"). Empty when no row is of the family.
std::vector<std::size_t> of_brand(const std::vector<std::size_t>& rows,
                                  const std::vector<DeviceRecord>& records,
                                  std::string_view brand) {
  std::vector<std::size_t> same_brand, same_family;
  const std::string family = brand_family(brand);
  for (std::size_t index : rows) {
    if (records[index].brand == brand) same_brand.push_back(index);
    if (brand_family(records[index].brand) == family && !split_from_huawei(records[index], brand)) {
      same_family.push_back(index);
    }
  }
  return same_brand.empty() ? same_family : same_brand;
}

}  // namespace

std::string_view to_string(DeviceMatchKind kind) {
  switch (kind) {
    case DeviceMatchKind::kModel:
      return "model";
    case DeviceMatchKind::kCodename:
      return "codename";
    case DeviceMatchKind::kIdentifier:
      return "identifier";
    case DeviceMatchKind::kAmbiguous:
      return "ambiguous";
    case DeviceMatchKind::kNone:
      break;
  }
  return "none";
}

std::string brand_family(std::string_view brand) {
  std::string family = lower(trim(brand));
  if (family == "redmi" || family == "poco") return "xiaomi";
  if (family == "honor") return "huawei";
  if (family == "iqoo") return "vivo";
  if (family == "oneplus" || family == "realme") return "oppo";
  return family;
}

bool is_apple_identifier(std::string_view code) {
  for (std::string_view prefix : {"iPhone", "iPad", "iPod"}) {
    if (code.substr(0, prefix.size()) != prefix) continue;
    const std::string_view rest = code.substr(prefix.size());
    const auto comma = rest.find(',');
    if (comma == 0 || comma == std::string_view::npos || comma + 1 == rest.size()) return false;
    const auto digits = [](std::string_view part) {
      return std::all_of(part.begin(), part.end(),
                         [](unsigned char c) { return std::isdigit(c) != 0; });
    };
    return digits(rest.substr(0, comma)) && digits(rest.substr(comma + 1));
  }
  return false;
}

DeviceDb DeviceDb::parse(std::string_view tsv) {
  DeviceDb db;
  // A spreadsheet or Notepad saves the file with a UTF-8 byte-order mark first.
  if (core::text::starts_with(tsv, "\xEF\xBB\xBF")) tsv.remove_prefix(3);
  const std::vector<std::string_view> lines = split(tsv, '\n');
  // Sized up front: the shipped file has ~7,000 rows and ~13,000 codes, parsed at every start.
  db.records_.reserve(lines.size());
  db.by_model_.reserve(lines.size() * 2);
  db.by_codename_.reserve(lines.size());
  std::vector<std::size_t> record_line;  // file line of each record, for the duplicate message
  record_line.reserve(lines.size());
  std::size_t columns = 0;  // 0 until the header is read
  std::size_t line = 0;
  for (std::string_view text : lines) {
    ++line;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (trim(text).empty() || text.front() == '#') continue;
    if (columns == 0) {
      const auto names = split(text, '\t');
      const bool verified = std::equal(names.begin(), names.end(), kColumns.begin(),
                                       kColumns.begin() + kVerifiedColumns);
      if (!verified && !std::equal(names.begin(), names.end(), kColumns.begin(), kColumns.end())) {
        fail(line,
             "the header must be the columns brand, series, marketing_name, class, "
             "launch_year, price_tier, model_codes, codenames, source (tab-separated), "
             "followed in a generated file by class_source, launch_source");
      }
      columns = names.size();
      db.generated_ = !verified;
      continue;
    }
    DeviceRecord record = parse_row(text, line, columns);
    const std::size_t index = db.records_.size();
    for (const std::string& code : record.model_codes) {
      auto& rows = db.by_model_[lower(code)];
      // The verified form lists a code once; the generated form once per row.
      if (!rows.empty() && (!db.generated_ || rows.back() == index)) {
        const std::size_t first = rows.back() == index ? line : record_line[rows.front()];
        fail(line, "model code '" + code + "' is already listed on line " + std::to_string(first));
      }
      rows.push_back(index);
    }
    for (const std::string& codename : record.codenames) {
      auto& rows = db.by_codename_[lower(codename)];
      if (rows.empty() || rows.back() != index) rows.push_back(index);
    }
    db.records_.push_back(std::move(record));
    record_line.push_back(line);
  }
  if (columns == 0) throw std::invalid_argument("devices.tsv: no header line");
  std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a 64: a name for the text, not security
  for (const char c : tsv) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  char digits[17];
  std::snprintf(digits, sizeof digits, "%016llx", static_cast<unsigned long long>(hash));
  db.hash_ = digits;
  db.version_ = std::to_string(db.records_.size()) + " rows, " + db.hash_;
  for (const DeviceRecord& row : db.records_) {
    db.newest_launch_ =
        std::max(db.newest_launch_, LaunchMonth{row.launch_year_latest, row.launch_month});
    if (row.device_class.empty() || brand_family(row.brand) != "huawei") continue;
    for (const std::string& code : row.model_codes) {
      const std::string platform = huawei_platform(code);
      if (platform.empty()) continue;
      const auto [entry, inserted] =
          db.huawei_platform_class_.try_emplace(platform, row.device_class);
      if (!inserted && entry->second != row.device_class) entry->second.clear();
    }
  }
  return db;
}

const DeviceDb& DeviceDb::shipped() {
  static const DeviceDb db = [] {
    DeviceDb parsed = parse(kShippedDevicesTsv);
    // The web check's module embeds a cut of the file (generator/web_cut.h) and the whole
    // file's version, which it reports as its own: "8314 rows, 3d12f80ae1db2925\n".
    const std::string_view version = trim(kShippedDevicesVersion);
    if (const auto comma = version.rfind(", "); comma != std::string_view::npos) {
      parsed.version_ = std::string(version);
      parsed.hash_ = std::string(version.substr(comma + 2));
    }
    return parsed;
  }();
  return db;
}

std::string_view DeviceDb::shipped_text() { return kShippedDevicesTsv; }

std::string_view DeviceDb::platform_class(std::string_view brand, std::string_view model) const {
  if (brand_family(brand) != "huawei") return {};
  const auto found = huawei_platform_class_.find(huawei_platform(model));
  return found == huawei_platform_class_.end() ? std::string_view{} : found->second;
}

DeviceMatch DeviceDb::lookup(std::string_view model, std::string_view codename,
                             std::string_view brand) const {
  const std::string brand_key = lower(trim(brand));
  // The rows a key names, narrowed by the device's brand where that leaves any.
  const auto answer = [&](const std::vector<std::size_t>& rows, DeviceMatchKind kind) {
    std::vector<std::size_t> kept = brand_key.empty() ? rows : of_brand(rows, records_, brand_key);
    if (kept.empty() && kind != DeviceMatchKind::kCodename) kept = rows;
    DeviceMatch match;
    for (std::size_t index : kept) match.candidates.push_back(&records_[index]);
    if (kept.size() == 1) {
      match.record = match.candidates.front();
      match.kind = kind;
    } else if (kept.size() > 1) {
      match.kind = DeviceMatchKind::kAmbiguous;
    }
    return match;
  };

  model = core::text::trim_pasted(model);
  auto found = model.empty() ? by_model_.end() : by_model_.find(lower(model));
  // Samsung firmware may append the SIM variant to the model ("SM-G9600/DS"): the row lists
  // the model itself, so a miss retries without the suffix.
  if (const auto slash = model.find('/');
      found == by_model_.end() && slash != 0 && slash != std::string_view::npos) {
    found = by_model_.find(lower(trim(model.substr(0, slash))));
  }
  if (found != by_model_.end()) {
    // The kind follows the row's spelling: "IPHONE12,1" typed in any case is iPhone12,1.
    const DeviceRecord& first = records_[found->second.front()];
    const bool apple = std::any_of(
        first.model_codes.begin(), first.model_codes.end(), [&](const std::string& code) {
          return lower(code) == found->first && is_apple_identifier(code);
        });
    return answer(found->second, apple ? DeviceMatchKind::kIdentifier : DeviceMatchKind::kModel);
  }
  codename = core::text::trim_pasted(codename);
  if (codename.empty()) return {};
  const auto rows = by_codename_.find(lower(codename));
  if (rows == by_codename_.end()) return {};
  DeviceMatch match = answer(rows->second, DeviceMatchKind::kCodename);
  match.by_codename = match.kind != DeviceMatchKind::kNone;
  return match;
}

}  // namespace examready::devices
