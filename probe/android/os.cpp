// The `os` check of an Android/HarmonyOS phone, from getprop (over adb or pasted text).
#include "probe/android/checks.h"

#include "platform/android/android_facts.h"
#include "probe/android/phone_shell.h"

namespace examready::probe::android {

namespace pa = platform::android;

Outcome run_os_check(CheckContext& ctx) {
  Outcome failure;
  auto props = read_props(ctx, failure);
  if (!props) return failure;
  const pa::AndroidOsFacts f = pa::android_os_facts(*props);
  const std::string src = source(ctx, "getprop");
  ctx.emit(MetricId::kOsFamily, f.family, src);
  ctx.emit(MetricId::kOsName, f.name, src);
  if (!f.version.empty()) ctx.emit(MetricId::kOsVersion, f.version, src);
  if (f.sdk_level) ctx.emit(MetricId::kOsSdkLevel, static_cast<std::int64_t>(*f.sdk_level), src);
  if (!f.harmonyos_version.empty()) ctx.emit(MetricId::kOsHarmonyVersion, f.harmonyos_version, src);
  if (!f.vendor_ui.empty()) ctx.emit(MetricId::kOsVendorUi, f.vendor_ui, src);
  if (!f.vendor_ui_version.empty())
    ctx.emit(MetricId::kOsVendorUiVersion, f.vendor_ui_version, src);
  if (!f.abi.empty()) ctx.emit(MetricId::kOsArch, f.abi, src);
  // Over adb the phone's own kernel; pasted getprop text has none.
  if (auto u = ctx.host().uname()) ctx.emit(MetricId::kOsKernel, u->release, source(ctx, "uname"));
  if (f.version.empty())
    return Outcome::ok("no ro.build.version.release in getprop: version unknown");
  return Outcome::ok();
}

}  // namespace examready::probe::android
