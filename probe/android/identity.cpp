// os and device facts from getprop (both the adb and the pasted-text transports).
#include "probe/android/identity.h"

#include "platform/android/android_facts.h"
#include "probe/android/phone_shell.h"
#include "probe/emit_device_facts.h"

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
  if (has_android_shell(ctx.options().transport)) {
    if (auto u = ctx.host().uname())
      ctx.emit(MetricId::kOsKernel, u->release, source(ctx, "uname"));
  }
  if (f.version.empty())
    return Outcome::ok("no ro.build.version.release in getprop: version unknown");
  return Outcome::ok();
}

Outcome run_device_check(CheckContext& ctx) {
  Outcome failure;
  auto props = read_props(ctx, failure);
  if (!props) return failure;
  const pa::AndroidDeviceFacts f = pa::android_device_facts(*props);
  const std::string src = source(ctx, "getprop");
  if (!f.manufacturer.empty()) ctx.emit(MetricId::kDeviceVendor, f.manufacturer, src);
  if (!f.model.empty()) ctx.emit(MetricId::kDeviceModel, f.model, src);
  if (!f.codename.empty()) ctx.emit(MetricId::kDeviceCodename, f.codename, src);
  // Brand, class, series, launch year and price tier: the device database, with the
  // firmware's ro.build.characteristics as the class hint for models it does not know.
  const devices::DeviceMatch match = emit_device_facts(ctx, f.model, f.codename, f.brand,
                                              pa::prop(*props, "ro.build.characteristics"));
  if (f.model.empty()) return Outcome::ok("getprop names no model (ro.product.model)");
  if (!match.record) return Outcome::ok("model " + f.model + " is not in the device database");
  return Outcome::ok();
}

}  // namespace examready::probe::android
