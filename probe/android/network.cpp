// The phone's own network: default network type and Wi-Fi signal (XYB-6, YSS-6). The
// throughput figures come from the network check run on the phone itself.
#include "platform/android/dumpsys.h"
#include "probe/android/checks.h"
#include "probe/android/phone_shell.h"

namespace examready::probe::android {

namespace pa = platform::android;

Outcome run_network_check(CheckContext& ctx) {
  Outcome failure;
  auto connectivity = shell(ctx, {"dumpsys", "connectivity"}, failure);
  if (!connectivity) return failure;
  const std::optional<std::string> type = pa::parse_default_network_type(*connectivity);
  if (!type) return Outcome::ok("dumpsys connectivity names no default network type");
  ctx.emit(MetricId::kNetworkType, *type, source(ctx, "dumpsys connectivity"));
  if (*type != "wifi") return Outcome::ok();
  auto wifi = shell(ctx, {"dumpsys", "wifi"}, failure);
  if (!wifi) return failure;
  if (auto rssi = pa::parse_wifi_rssi_dbm(*wifi)) {
    ctx.emit(MetricId::kNetworkWifiSignalDbm, static_cast<double>(*rssi),
             source(ctx, "dumpsys wifi"));
    return Outcome::ok();
  }
  return Outcome::ok("connected to Wi-Fi but dumpsys wifi shows no signal strength");
}

}  // namespace examready::probe::android
