// iOS facts from lockdown: ProductType/ProductVersion, com.apple.disk_usage and
// com.apple.mobile.battery. DeviceName, SerialNumber and the UDID are never emitted.
#include "probe/ios/ios_checks.h"

#include "core/text.h"
#include "platform/ios/ideviceinfo.h"
#include "probe/emit_device_facts.h"

namespace examready::probe::ios {
namespace {

namespace text = core::text;
constexpr std::chrono::milliseconds kTimeout{5000};

std::string get(const LockdownValues& v, std::string_view key) {
  auto it = v.find(key);
  return it == v.end() ? std::string() : it->second;
}

std::optional<LockdownValues> query(CheckContext& ctx, std::vector<std::string> argv,
                                    Outcome& failure) {
  platform::CommandResult r = ctx.host().run_command(argv, kTimeout);
  // ideviceinfo prints "ERROR: No device found!" on stdout with exit 255.
  if (!r.ok() || r.out.rfind("ERROR", 0) == 0) {
    failure =
        Outcome::error(platform::ios::describe_ios_failure(r.out, r.err, r.timed_out, r.started));
    return std::nullopt;
  }
  auto values = platform::ios::parse_ideviceinfo(r.out);
  if (values.empty()) {
    failure = Outcome::error("ideviceinfo gave no values");
    return std::nullopt;
  }
  return values;
}

Outcome wrong_transport() { return Outcome::unsupported("not an iOS transport"); }

}  // namespace

IosDiskUsage ios_disk_usage(const LockdownValues& v) {
  IosDiskUsage d;
  // AmountDataAvailable excludes the space iOS reserves for itself; older versions
  // only report TotalDataAvailable.
  d.free_bytes = text::to_int(get(v, "AmountDataAvailable"));
  if (!d.free_bytes) d.free_bytes = text::to_int(get(v, "TotalDataAvailable"));
  d.total_bytes = text::to_int(get(v, "TotalDataCapacity"));
  if (!d.total_bytes) d.total_bytes = text::to_int(get(v, "TotalDiskCapacity"));
  return d;
}

IosBattery ios_battery(const LockdownValues& v) {
  IosBattery b;
  if (auto level = text::to_int(get(v, "BatteryCurrentCapacity")))
    b.level_percent = static_cast<double>(*level);
  const std::string charging = get(v, "BatteryIsCharging");
  if (!charging.empty()) {
    b.charging = charging == "true" ||
                 (get(v, "ExternalConnected") == "true" && get(v, "FullyCharged") == "true");
  }
  return b;
}

Outcome run_os_check(CheckContext& ctx) {
  if (ctx.options().transport != Transport::kIos) return wrong_transport();
  Outcome failure;
  auto v = query(ctx, {"ideviceinfo"}, failure);
  if (!v) return failure;
  const std::string src = "ios:ideviceinfo";
  ctx.emit(MetricId::kOsFamily, std::string("ios"), src);
  const std::string version = get(*v, "ProductVersion");
  const bool ipad = get(*v, "DeviceClass") == "iPad";
  ctx.emit(MetricId::kOsName,
           std::string(ipad && text::to_int(version.substr(0, version.find('.'))).value_or(0) >= 13
                           ? "iPadOS"
                           : "iOS"),
           src);
  if (!version.empty()) ctx.emit(MetricId::kOsVersion, version, src);
  if (auto arch = get(*v, "CPUArchitecture"); !arch.empty()) ctx.emit(MetricId::kOsArch, arch, src);
  return Outcome::ok();
}

Outcome run_device_check(CheckContext& ctx) {
  if (ctx.options().transport != Transport::kIos) return wrong_transport();
  Outcome failure;
  auto v = query(ctx, {"ideviceinfo"}, failure);
  if (!v) return failure;
  const std::string src = "ios:ideviceinfo";
  ctx.emit(MetricId::kDeviceVendor, std::string("Apple"), src);
  const std::string type = get(*v, "ProductType");
  if (!type.empty()) ctx.emit(MetricId::kDeviceModel, type, src);
  if (auto hw = get(*v, "HardwareModel"); !hw.empty()) ctx.emit(MetricId::kDeviceCodename, hw, src);
  // DeviceClass (iPhone, iPad, iPod) is the class hint for identifiers the database lacks.
  const std::string device_class = get(*v, "DeviceClass");
  const std::string hint = device_class == "iPad"     ? "tablet"
                           : device_class == "iPhone" ? "phone"
                                                      : "";
  const devices::DeviceMatch match = emit_device_facts(ctx, type, {}, "Apple", hint);
  if (type.empty()) return Outcome::ok("ideviceinfo names no ProductType");
  if (!match.record) return Outcome::ok(type + " is not in the device database");
  return Outcome::ok();
}

Outcome run_storage_check(CheckContext& ctx) {
  if (ctx.options().transport != Transport::kIos) return wrong_transport();
  Outcome failure;
  auto v = query(ctx, {"ideviceinfo", "-q", "com.apple.disk_usage"}, failure);
  if (!v) return failure;
  const IosDiskUsage d = ios_disk_usage(*v);
  if (!d.free_bytes)
    return Outcome::error("com.apple.disk_usage has no AmountDataAvailable/TotalDataAvailable");
  const std::string src = "ios:com.apple.disk_usage";
  ctx.emit(MetricId::kStorageFreeBytes, *d.free_bytes, src);
  if (d.total_bytes) ctx.emit(MetricId::kStorageTotalBytes, *d.total_bytes, src);
  return Outcome::ok();
}

Outcome run_battery_check(CheckContext& ctx) {
  if (ctx.options().transport != Transport::kIos) return wrong_transport();
  Outcome failure;
  auto v = query(ctx, {"ideviceinfo", "-q", "com.apple.mobile.battery"}, failure);
  if (!v) return failure;
  const IosBattery b = ios_battery(*v);
  if (!b.level_percent)
    return Outcome::error("com.apple.mobile.battery has no BatteryCurrentCapacity");
  const std::string src = "ios:com.apple.mobile.battery";
  ctx.emit(MetricId::kBatteryPresent, true, src);
  ctx.emit(MetricId::kBatteryLevelPercent, *b.level_percent, src);
  if (b.charging) ctx.emit(MetricId::kBatteryCharging, *b.charging, src);
  return Outcome::ok();
}

}  // namespace examready::probe::ios
