// The device database: the strict TSV parser, the shipped (embedded) copy and the lookup.
#include "rules/devices/device_db.h"

#include "core/text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <stdexcept>

#include "rules/devices/devices_tsv.h"

namespace examready::devices {
namespace {

using core::text::lower;
using core::text::trim;

constexpr std::array<std::string_view, 9> kColumns = {
    "brand",      "series",      "marketing_name", "class",  "launch_year",
    "price_tier", "model_codes", "codenames",      "source",
};
constexpr std::array<std::string_view, 2> kClasses = {"phone", "tablet"};
constexpr std::array<std::string_view, 4> kTiers = {"budget", "mid", "high", "flagship"};
constexpr int kFirstYear = 2007;  // the first iPhone; anything earlier is a typo
constexpr int kLastYear = 2099;

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const auto end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

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
// ("iPhone12,1") contain one, and model codes may contain spaces ("Pixel 8").
std::vector<std::string> split_list(std::string_view field, std::size_t line, const char* column) {
  std::vector<std::string> items;
  if (trim(field).empty()) return items;
  for (std::string_view item : split(field, ';')) {
    item = trim(item);
    if (item.empty()) fail(line, std::string("empty entry in ") + column);
    items.emplace_back(item);
  }
  return items;
}

DeviceRecord parse_row(std::string_view text, std::size_t line) {
  const auto fields = split(text, '\t');
  if (fields.size() != kColumns.size()) {
    fail(line, "expected " + std::to_string(kColumns.size()) + " tab-separated columns, found " +
                   std::to_string(fields.size()));
  }
  DeviceRecord record;
  record.brand = std::string(trim(fields[0]));
  if (!is_slug(record.brand)) fail(line, "brand '" + record.brand + "' is not lower-case a-z0-9-");
  record.series = std::string(trim(fields[1]));
  if (!is_slug(record.series)) {
    fail(line, "series '" + record.series + "' is not lower-case a-z0-9-");
  }
  record.marketing_name = std::string(trim(fields[2]));
  if (record.marketing_name.empty()) fail(line, "empty marketing_name");
  record.device_class = std::string(trim(fields[3]));
  if (!one_of(record.device_class, kClasses)) {
    fail(line, "class '" + record.device_class + "' is not phone or tablet");
  }
  // "2020" or "2020-04": the month where a source gives it (rules count "within N years" by
  // month when they can, and say so when they cannot).
  const std::string_view launch = trim(fields[4]);
  const std::string_view year = launch.substr(0, launch.find('-'));
  auto [end, ec] = std::from_chars(year.data(), year.data() + year.size(), record.launch_year);
  if (ec != std::errc() || end != year.data() + year.size() || record.launch_year < kFirstYear ||
      record.launch_year > kLastYear) {
    fail(line, "launch_year '" + std::string(launch) + "' is not a year in " +
                   std::to_string(kFirstYear) + ".." + std::to_string(kLastYear) +
                   " (optionally -MM)");
  }
  if (year.size() < launch.size()) {
    const std::string_view month = launch.substr(year.size() + 1);
    auto [mend, mec] =
        std::from_chars(month.data(), month.data() + month.size(), record.launch_month);
    if (mec != std::errc() || mend != month.data() + month.size() || month.size() != 2 ||
        record.launch_month < 1 || record.launch_month > 12) {
      fail(line, "launch_year '" + std::string(launch) + "': the month must be 01..12");
    }
  }
  record.price_tier = std::string(trim(fields[5]));
  if (!one_of(record.price_tier, kTiers)) {
    fail(line, "price_tier '" + record.price_tier + "' is not budget, mid, high or flagship");
  }
  record.model_codes = split_list(fields[6], line, "model_codes");
  record.codenames = split_list(fields[7], line, "codenames");
  if (record.model_codes.empty() && record.codenames.empty()) {
    fail(line, "a row needs at least one model code or codename");
  }
  record.source = std::string(trim(fields[8]));
  if (record.source.empty()) fail(line, "empty source");
  return record;
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
    case DeviceMatchKind::kNone:
      break;
  }
  return "none";
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
  std::unordered_map<std::string, std::size_t> model_line;  // for the duplicate message
  bool header_seen = false;
  std::size_t line = 0;
  for (std::string_view text : split(tsv, '\n')) {
    ++line;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (trim(text).empty() || text.front() == '#') continue;
    if (!header_seen) {
      const auto names = split(text, '\t');
      if (!std::equal(names.begin(), names.end(), kColumns.begin(), kColumns.end())) {
        fail(line,
             "the header must be the columns brand, series, marketing_name, class, "
             "launch_year, price_tier, model_codes, codenames, source (tab-separated)");
      }
      header_seen = true;
      continue;
    }
    DeviceRecord record = parse_row(text, line);
    const std::size_t index = db.records_.size();
    for (const std::string& code : record.model_codes) {
      const std::string key = lower(code);
      if (auto [it, inserted] = model_line.emplace(key, line); !inserted) {
        fail(line,
             "model code '" + code + "' is already listed on line " + std::to_string(it->second));
      }
      db.by_model_.emplace(key, index);
    }
    for (const std::string& codename : record.codenames) {
      auto& rows = db.by_codename_[lower(codename)];
      if (rows.empty() || rows.back() != index) rows.push_back(index);
    }
    db.records_.push_back(std::move(record));
  }
  if (!header_seen) throw std::invalid_argument("devices.tsv: no header line");
  return db;
}

const DeviceDb& DeviceDb::shipped() {
  static const DeviceDb db = parse(kShippedDevicesTsv);
  return db;
}

DeviceMatch DeviceDb::lookup(std::string_view model, std::string_view codename,
                             std::string_view brand) const {
  model = trim(model);
  auto found = model.empty() ? by_model_.end() : by_model_.find(lower(model));
  // Samsung firmware may append the SIM variant to the model ("SM-G9600/DS"): the row lists
  // the model itself, so a miss retries without the suffix.
  if (const auto slash = model.find('/');
      found == by_model_.end() && slash != 0 && slash != std::string_view::npos) {
    found = by_model_.find(lower(trim(model.substr(0, slash))));
  }
  if (found != by_model_.end()) {
    const DeviceRecord& record = records_[found->second];
    // The kind follows the row's spelling: "IPHONE12,1" typed in any case is iPhone12,1.
    const bool apple = std::any_of(
        record.model_codes.begin(), record.model_codes.end(), [&](const std::string& code) {
          return lower(code) == found->first && is_apple_identifier(code);
        });
    return {&record, apple ? DeviceMatchKind::kIdentifier : DeviceMatchKind::kModel};
  }
  codename = trim(codename);
  if (codename.empty()) return {};
  const auto rows = by_codename_.find(lower(codename));
  if (rows == by_codename_.end()) return {};
  const std::string wanted_brand = lower(trim(brand));
  for (std::size_t index : rows->second) {
    if (records_[index].brand == wanted_brand)
      return {&records_[index], DeviceMatchKind::kCodename};
  }
  return {&records_[rows->second.front()], DeviceMatchKind::kCodename};
}

}  // namespace examready::devices
