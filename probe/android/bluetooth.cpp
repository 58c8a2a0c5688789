// Bluetooth watches and bands bonded to the phone (不得使用手表、手环等显示时间的设备): counts
// only, never a name or an address. The dump does not say which bonded device is connected,
// so nothing is reported about connections.
#include "platform/android/bluetooth_dump.h"
#include "probe/android/phone_sections.h"
#include "probe/android/phone_shell.h"

namespace examready::probe::android {

namespace pa = platform::android;

bool measure_bluetooth(CheckContext& ctx, std::vector<std::string>& notes, Outcome& failure) {
  auto dump = optional_dumpsys(ctx, "bluetooth_manager", failure);
  if (!dump) return false;
  if (!dump->text) {
    notes.push_back("Bluetooth unknown: " + dump->unavailable);
    return true;
  }
  const pa::BluetoothDump bt = pa::parse_dumpsys_bluetooth_manager(*dump->text);
  if (bt.enabled)
    ctx.emit(MetricId::kPhoneBluetoothEnabled, *bt.enabled,
             source(ctx, "dumpsys bluetooth_manager"));
  if (bt.wearables_bonded) {
    // Helpdesk staff should know whether the count rests on classes of device or on names.
    const char* how = bt.by_class && bt.by_name ? " (class of device, else name)"
                      : bt.by_class             ? " (class of device)"
                      : bt.by_name              ? " (device names)"
                                                : "";
    ctx.emit(MetricId::kPhoneWearablesBonded, static_cast<std::int64_t>(*bt.wearables_bonded),
             source(ctx, std::string("dumpsys bluetooth_manager") + how));
  } else if (bt.enabled == false) {
    notes.push_back("bonded wearables unknown: Bluetooth is off, its bonded list is not dumped");
  } else {
    notes.push_back(
        "bonded wearables unknown: dumpsys bluetooth_manager has no complete "
        "'Bonded devices:' list (unrecognised or cut short)");
  }
  return true;
}

}  // namespace examready::probe::android
