// The device database (rules/devices/devices.tsv, compiled into the core): model codes,
// codenames and Apple identifiers -> brand, series, marketing name, class, launch year,
// price tier, and the public source of each row.
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
  std::string series;          // e.g. "redmi-note-9"
  std::string marketing_name;  // "Redmi Note 9"
  std::string device_class;    // phone | tablet
  int launch_year = 0;
  int launch_month = 0;  // 1-12 where the source gives the month; 0: only the year is known
  std::string price_tier;                // budget (<1000 yuan) | mid | high | flagship
  std::vector<std::string> model_codes;  // ro.product.model values, Apple identifiers
  std::vector<std::string> codenames;    // ro.product.device / hardware platform
  std::string source;                    // public source of the row (URL or document)
};

enum class DeviceMatchKind { kNone, kModel, kCodename, kIdentifier };
std::string_view to_string(DeviceMatchKind kind);  // "none", "model", "codename", "identifier"

struct DeviceMatch {
  const DeviceRecord* record = nullptr;
  DeviceMatchKind kind = DeviceMatchKind::kNone;
};

class DeviceDb {
 public:
  // Parses the TSV text; throws std::invalid_argument naming the line on a malformed row.
  static DeviceDb parse(std::string_view tsv);
  // The database shipped with the probe.
  static const DeviceDb& shipped();

  // Exact model code first (case-insensitive), then codename (with `brand` as a tie-breaker
  // where codenames collide). Apple identifiers ("iPhone12,1") match as kIdentifier.
  DeviceMatch lookup(std::string_view model, std::string_view codename = {},
                     std::string_view brand = {}) const;
  std::span<const DeviceRecord> records() const { return records_; }

 private:
  std::vector<DeviceRecord> records_;
  // Lower-case keys -> index into records_. Model codes are unique across rows (the parser
  // rejects a repeat); a codename may name several rows (one platform, several names), kept
  // in file order so the row listed first wins a tie the brand does not break.
  std::unordered_map<std::string, std::size_t> by_model_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_codename_;
};

// True for Apple product identifiers ("iPhone12,1", "iPad13,4", "iPod9,1").
bool is_apple_identifier(std::string_view code);

}  // namespace examready::devices
