// Device facts from the device database, for the phone transports (adb, getprop text, iOS):
// brand and class with their source, the database row for the rest. Pure: the probe emits
// them (probe/emit_device_facts.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/measurement_list.h"
#include "rules/devices/device_db.h"

namespace examready::devices {

// One fact and where it came from.
struct SourcedFact {
  std::string value;
  std::string source;
};

// What the database (or, failing it, the OS) says about a device. Empty optionals are facts
// nobody could establish: never filled with guesses.
struct DeviceFacts {
  DeviceMatch match;                        // record == nullptr when the model is unknown
  std::optional<SourcedFact> brand;         // database brand, else the OS brand (lower case)
  std::optional<SourcedFact> device_class;  // database class, else an OS hint
};

// Source names recorded with the facts.
inline constexpr std::string_view kDeviceDbSource = "device-db";
inline constexpr std::string_view kCharacteristicsSource = "getprop:ro.build.characteristics";
inline constexpr std::string_view kAppleIdentifierSource = "apple-identifier";
inline constexpr std::string_view kOsBrandSource = "os";

// Looks the device up in `db`.
//   model          ro.product.model ("M2003J15SG") or the Apple identifier ("iPhone12,1")
//   codename       ro.product.device ("merlin"); empty on iOS
//   brand          ro.product.brand ("Redmi", "Xiaomi", "HONOR"); "Apple" on iOS
//   os_class_hint  ro.build.characteristics ("nosdcard,tablet", "default"); empty when unknown
// Class when the database has no row: "tablet" when the hint's comma-separated words contain
// "tablet", "phone" when a non-empty hint does not (Android's phone build says "default");
// iPad / iPhone identifiers give tablet / phone. With neither, no class is claimed.
DeviceFacts device_facts(const DeviceDb& db, std::string_view model, std::string_view codename,
                         std::string_view brand, std::string_view os_class_hint);

// Emits the facts as device-check measurements:
//   device.db_match        always: "model", "codename", "identifier" or "none" (device-db)
//   device.brand           db brand when matched, else the lower-cased `brand` argument ("os")
//   device.class           db class, else the OS hint (see device_facts), else not emitted
//   device.series, device.marketing_name, device.launch_year, device.price_tier
//   device.launch_month   where the row gives the month
//                          only when matched (source "device-db")
// The caller emits the OS facts itself (device.vendor, device.model, device.codename) and
// must not emit device.brand or device.class: this function owns them. Returns the facts so
// the caller can mention the match in its outcome message.
DeviceFacts emit_device_facts(core::MeasurementList& out, const DeviceDb& db,
                              std::string_view model, std::string_view codename,
                              std::string_view brand, std::string_view os_class_hint);

}  // namespace examready::devices
