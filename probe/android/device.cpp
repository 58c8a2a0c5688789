// The `device` check of an Android/HarmonyOS phone: getprop, then the device database.
#include "probe/android/checks.h"

#include "platform/android/android_facts.h"
#include "platform/android/screen_dump.h"
#include "probe/android/phone_shell.h"
#include "probe/emit_device_facts.h"

namespace examready::probe::android {

namespace pa = platform::android;

Outcome run_device_check(CheckContext& ctx) {
  Outcome failure;
  auto props = read_props(ctx, failure);
  if (!props) return failure;
  const pa::AndroidDeviceFacts f = pa::android_device_facts(*props);
  const std::string src = source(ctx, "getprop");
  if (!f.manufacturer.empty()) ctx.emit(MetricId::kDeviceVendor, f.manufacturer, src);
  if (!f.model.empty()) ctx.emit(MetricId::kDeviceModel, f.model, src);
  if (!f.codename.empty()) ctx.emit(MetricId::kDeviceCodename, f.codename, src);
  // Brand, class, series, launch year and price tier: the device database; for models it
  // does not place, over adb the panels' physical size, and the firmware's
  // ro.build.characteristics as the class hint; the first API level bounds the launch; the
  // name the firmware gives the phone dates and classes a model the database does not know.
  std::optional<devices::PanelFacts> panels;
  if (ctx.options().transport == core::Transport::kAdb) {
    auto display = optional_dumpsys(ctx, "display", failure);
    if (!display) return failure;
    if (display->text) {
      if (const auto found = pa::parse_builtin_displays(*display->text)) {
        panels = devices::PanelFacts{found->count, found->largest_diagonal_in};
      }
    }
  }
  const auto firmware_launch = devices::launch_range_from_first_api_level(
      pa::prop(*props, "ro.product.first_api_level"), latest_possible_launch_year());
  const std::string class_hint = pa::prop(*props, "ro.build.characteristics");
  devices::DeviceClues clues{f.model,      f.codename, f.brand,        class_hint,
                             std::nullopt, panels,     firmware_launch};
  if (!f.own_name.empty())
    clues.own_name = devices::SourcedFact{f.own_name, src + ':' + f.own_name_property};
  const devices::DeviceMatch match = emit_device_facts(ctx, clues);
  if (f.model.empty()) return Outcome::ok("getprop names no model (ro.product.model)");
  if (match.kind == devices::DeviceMatchKind::kAmbiguous) {
    return Outcome::ok("model " + f.model + " names " + std::to_string(match.candidates.size()) +
                       " phones in the device database: only the facts they share are given");
  }
  if (!match.record) return Outcome::ok("model " + f.model + " is not in the device database");
  return Outcome::ok();
}

}  // namespace examready::probe::android
