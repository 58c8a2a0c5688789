// The device database (rules/devices/devices.tsv, compiled into the core): model codes,
// codenames and Apple identifiers -> brand, series, marketing name, class, launch year,
// price tier, and where each fact came from.
//
// Two forms of one format (rules/devices/README.md):
//  - verified (9 columns): rows checked by hand (verified.tsv). Every fact is required and a
//    model code may appear on one row only.
//  - generated (11 columns, + class_source, launch_source): what examready-devicedb writes
//    from the verified rows and the public sources. A fact nobody established is empty, a
//    launch may be a year range, and a model code several sources give to different phones
//    is listed on each of them (the lookup then reports it as ambiguous).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace examready::devices {

struct DeviceRecord {
  std::string brand;           // lower case: xiaomi, redmi, poco, huawei, honor, apple…
  std::string series;          // e.g. "redmi-note-9"; empty when unknown (generated rows)
  std::string marketing_name;  // "Redmi Note 9"
  std::string device_class;    // phone | tablet; empty when unknown (generated rows)
  int launch_year = 0;         // first possible launch year; 0 when unknown
  int launch_year_latest = 0;  // == launch_year unless the source gives only a range
  int launch_month = 0;  // 1-12 where the source gives the month; 0: only the year is known
  std::string price_tier;                // budget (<1000 yuan) | mid | high | flagship | empty
  std::vector<std::string> model_codes;  // ro.product.model values, Apple identifiers
  std::vector<std::string> codenames;    // ro.product.device / hardware platform
  std::string source;                    // where the row (the name and codes) comes from
  std::string class_source;   // where the class comes from ("verified" on hand-checked rows)
  std::string launch_source;  // where the launch comes from

  bool verified() const { return class_source == "verified"; }
};

enum class DeviceMatchKind { kNone, kModel, kCodename, kIdentifier, kAmbiguous };
// "none", "model", "codename", "identifier", "ambiguous"
std::string_view to_string(DeviceMatchKind kind);

struct DeviceMatch {
  const DeviceRecord* record = nullptr;  // the one row; null when none or ambiguous
  DeviceMatchKind kind = DeviceMatchKind::kNone;
  // Every row the key named (one for a match, several when ambiguous).
  std::vector<const DeviceRecord*> candidates;
  // Matched by the codename: the hardware platform, which several names (and launches) may
  // share, so the row's per-name facts are weaker than on a model-code match.
  bool by_codename = false;
};

// The largest database file anyone accepts: the probe (--devices, a fetched copy), the
// collector (--devices) and the web check. The shipped one is ~0.7 MB.
inline constexpr std::size_t kMaxDatabaseBytes = 32u << 20;

class DeviceDb {
 public:
  // Parses the TSV text (either form); throws std::invalid_argument naming the line on a
  // malformed row.
  static DeviceDb parse(std::string_view tsv);
  // The database shipped with the probe, and its text.
  static const DeviceDb& shipped();
  static std::string_view shipped_text();

  // 1. The model code (case-insensitive; a Samsung "/DS" SIM suffix retried without it).
  //    Rows of `brand` itself are kept where there are any, else those of its family, else
  //    (a model code is specific enough) all of them.
  // 2. Otherwise the codename, among the rows of `brand` or else of its family only
  //    (codenames repeat across makers: `merlin` is a Redmi and a Moto); with no brand, any.
  // One row: a match. Several rows: kAmbiguous, never a pick. Apple identifiers
  // ("iPhone12,1") match as kIdentifier.
  DeviceMatch lookup(std::string_view model, std::string_view codename = {},
                     std::string_view brand = {}) const;
  // The class every Huawei / Honor row of a model code's platform gives ("ALN" for the
  // unlisted ALN-LX9: the rows of ALN-AL00 and ALN-AL10), for a code no row lists. Empty when
  // no row of the platform has a class or two rows disagree. Of the shipped rows' 262
  // platforms with a class, none holds both a phone and a tablet (tests/devicedb).
  std::string_view platform_class(std::string_view brand, std::string_view model) const;
  std::span<const DeviceRecord> records() const { return records_; }
  bool generated() const { return generated_; }
  // Which database judged a report: "N rows, <16 hex digits of FNV-1a 64 of the text>".
  const std::string& version() const { return version_; }
  // The version's 16 hex digits alone (what GET /v1/devices gives as its ETag).
  const std::string& hash() const { return hash_; }
  // The newest launch any row names: how two databases are ordered (a newer list knows newer
  // phones; the version hash has no order). {0, 0} for an empty one.
  struct LaunchMonth {
    int year = 0;
    int month = 0;  // 0: the year only
    auto operator<=>(const LaunchMonth&) const = default;
  };
  LaunchMonth newest_launch() const { return newest_launch_; }

 private:
  std::vector<DeviceRecord> records_;
  bool generated_ = false;
  std::string version_;
  std::string hash_;
  LaunchMonth newest_launch_;
  // Lower-case keys -> indexes into records_, in file order.
  std::unordered_map<std::string, std::vector<std::size_t>> by_model_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_codename_;
  // Huawei / Honor platform (huawei_platform) -> the class its rows agree on; "" if they differ.
  std::unordered_map<std::string, std::string> huawei_platform_class_;
};

// True for Apple product identifiers ("iPhone12,1", "iPad13,4", "iPod9,1").
bool is_apple_identifier(std::string_view code);

// The maker a brand belongs to, for telling codename and model-code collisions apart:
// redmi and poco are xiaomi, honor is huawei (older Honor firmware says HUAWEI), iqoo is vivo,
// oneplus and realme are oppo. Lower case; other brands are their own family.
std::string brand_family(std::string_view brand);

}  // namespace examready::devices
