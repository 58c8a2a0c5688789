// Device facts from the device database, for the phone transports (adb, getprop text, iOS):
// brand and class with their source, the database row for the rest. Pure: the probe emits
// them (probe/emit_device_facts.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/measurement_list.h"
#include "rules/devices/device_db.h"
#include "rules/devices/model_code_rules.h"

namespace examready::devices {

// One fact and where it came from.
struct SourcedFact {
  std::string value;
  std::string source;
};

// The launch: a year, or the range of years all a source knows (a model code's certification
// month gives one), with the month where a single year's source gives it.
struct LaunchFact {
  int earliest = 0;
  int latest = 0;  // == earliest when the year is known
  int month = 0;   // 1-12, only with a single year; 0: not known
  std::string source;
};

// The device's own built-in panels (over adb: `dumpsys display`), for the class of a model
// neither the database nor its model code places.
struct PanelFacts {
  int count = 0;                   // built-in panels: a foldable has two
  double largest_diagonal_in = 0;  // inches
};

// What the firmware says of the launch. Android's ro.product.first_api_level is the API level
// the device shipped with: it launched no earlier than that Android release's year
// (launch_floor_from_first_api_level) and no later than the check itself (`check_year`).
// nullopt when the text is not a released API level or the floor lies after `check_year`
// (a wrong clock: no claim).
std::optional<YearRange> launch_range_from_first_api_level(std::string_view first_api_level,
                                                           int check_year);

// What the database (or, failing it, the model code's naming scheme or the OS) says about a
// device. Empty optionals are facts nobody could establish: never filled with guesses. Where
// the database matched several rows (ambiguous), only the facts they all share are kept; on a
// codename match, rows whose launch the model code rules out (other names on the platform)
// are left out first.
struct DeviceFacts {
  DeviceMatch match;                        // record == nullptr when unknown or ambiguous
  std::optional<SourcedFact> brand;         // database brand, else the OS brand (lower case)
  std::optional<SourcedFact> device_class;  // database, model code, else an OS hint
  std::optional<SourcedFact> series, marketing_name, price_tier;
  std::optional<LaunchFact> launch;  // database, else the model code
};

// Source names recorded with the facts. A verified database row's facts are "device-db";
// a generated row's are "device-db:" + the public source(s) they come from
// ("device-db:lineage-wiki"); facts a naming scheme gives are "model-code:" + the rule
// ("model-code:xiaomi-cert-date").
inline constexpr std::string_view kDeviceDbSource = "device-db";
inline constexpr std::string_view kModelCodeSource = "model-code";
// A class no row of the model code gives but every row of its Huawei / Honor platform does
// (DeviceDb::platform_class).
inline constexpr std::string_view kPlatformSource = "device-db:platform";
inline constexpr std::string_view kCharacteristicsSource = "getprop:ro.build.characteristics";
inline constexpr std::string_view kPanelsSource = "dumpsys:display";
inline constexpr std::string_view kFirstApiLevelSource = "getprop:ro.product.first_api_level";
inline constexpr std::string_view kAppleIdentifierSource = "apple-identifier";
// A launch the model code's row's marketing name gives or narrows: "name:" + the rule
// (name_series_rules.h), after the source it narrowed ("device-db+codename+name:oppo-reno").
inline constexpr std::string_view kMarketingNameSource = "name";
// A launch or class the phone's own name gives (DeviceClues::own_name): "own-name:" + the rule
// ("own-name:huawei-nova", "own-name:tablet-word").
inline constexpr std::string_view kOwnNameSource = "own-name";
// After it, where a China code took the generation's China launch ("name:redmi-note+china-code").
inline constexpr std::string_view kChinaCodeSuffix = "+china-code";
inline constexpr std::string_view kOsBrandSource = "os";
// Appended to a launch taken from the codename's rows where the model code's row had none.
inline constexpr std::string_view kByCodenameSuffix = "+codename";

// What the device says about itself, for device_facts.
struct DeviceClues {
  std::string_view model;          // ro.product.model ("M2003J15SG") or the Apple identifier
  std::string_view codename;       // ro.product.device ("merlin"); empty on iOS
  std::string_view brand;          // ro.product.brand ("Redmi", "Xiaomi", "HONOR"); "Apple" on iOS
  std::string_view os_class_hint;  // ro.build.characteristics ("nosdcard,tablet"); may be empty
  // The marketing name the firmware gives the phone ("HUAWEI Pura 80", "Redmi Note 13 Pro"),
  // with the property it came from as its source ("getprop:ro.config.marketing_name"):
  // platform::android::own_marketing_name. Unset where the firmware gives none.
  std::optional<SourcedFact> own_name;
  std::optional<PanelFacts> panels;          // over adb: the built-in panels
  std::optional<YearRange> firmware_launch;  // launch_range_from_first_api_level
};

// Looks the device up in `db`.
// Class and launch, in order: the database row (a verified row is final); the model code's
// naming scheme (model_code_rules.h), which also overrules a generated row it contradicts by
// leaving the fact unknown; for the launch, then, a generated row's marketing name
// (name_series_rules.h), which narrows it or, where they disagree, leaves it unknown; then the
// phone's own name (`own_name`), read the same way: it gives or narrows the launch, and where
// it contradicts a model code's row the launch is left unknown, where it contradicts a
// codename's rows (another name on the platform) it is kept and their per-name facts go;
// for the class, then, the own name's words (name_class.h: a tablet word, a foldable, a
// maker's naming), which leave a class it contradicts unknown; then the panels (see
// class_from_panels); then "tablet" when the hint's comma-separated words contain "tablet" (a
// hint without it claims nothing: phones say "default", and so do some tablets' firmware, which
// would be called phones); iPad / iPhone identifiers give tablet / phone. With none, nothing is
// claimed. `firmware_launch` bounds the launch: alone it is the launch range; it narrows a
// wider range; a database or model-code year before it is a source's slip or another phone's
// facts and is dropped (unknown), unless a person verified the row the model code matched.
// The own name is also the marketing name where the database gives none.
DeviceFacts device_facts(const DeviceDb& db, const DeviceClues& clues);

// The same, for a device known by its model, codename, brand and class hint alone.
DeviceFacts device_facts(const DeviceDb& db, std::string_view model, std::string_view codename,
                         std::string_view brand, std::string_view os_class_hint,
                         std::optional<PanelFacts> panels = std::nullopt,
                         std::optional<YearRange> firmware_launch = std::nullopt);

// The class the panels show, with the OS hint (`ro.build.characteristics`) where they leave
// it open. Two built-in panels: a foldable, a phone. One under 7 inches: a phone (unless the
// hint says tablet: a contradiction, nothing claimed). 9 inches and up: a tablet, whatever
// the hint (tablets whose firmware says "default" are why this exists). 7 to 9 inches is
// where small tablets and unfolded foldables meet: a tablet only if the hint says so, else
// nothing. Source "dumpsys:display".
std::optional<SourcedFact> class_from_panels(const PanelFacts& panels, std::string_view hint);

// Emits the facts as device-check measurements:
//   device.db_match        always: "model", "codename", "identifier", "ambiguous" or "none"
//   device.db_version      always: which database (DeviceDb::version)
//   device.brand           db brand when matched, else the lower-cased `brand` argument ("os")
//   device.class           see device_facts; not emitted when unknown
//   device.series, device.marketing_name, device.price_tier   where known
//   device.launch_year     the launch year, or the earliest of a range
//   device.launch_year_latest   the latest of a range (only then)
//   device.launch_month    where the source gives the month of a single year
// The caller emits the OS facts itself (device.vendor, device.model, device.codename) and
// must not emit device.brand or device.class: this function owns them. Returns the facts so
// the caller can mention the match in its outcome message.
DeviceFacts emit_device_facts(core::MeasurementList& out, const DeviceDb& db,
                              const DeviceClues& clues);
DeviceFacts emit_device_facts(core::MeasurementList& out, const DeviceDb& db,
                              std::string_view model, std::string_view codename,
                              std::string_view brand, std::string_view os_class_hint,
                              std::optional<PanelFacts> panels = std::nullopt,
                              std::optional<YearRange> firmware_launch = std::nullopt);

}  // namespace examready::devices
