// The iPhone/iPad forms of the checks over libimobiledevice (registry.cpp lists them).
#pragma once

#include "probe/check.h"

namespace examready::probe::ios {

Outcome run_os_check(CheckContext& ctx);       // ProductVersion, iOS or iPadOS
Outcome run_device_check(CheckContext& ctx);   // ProductType + device database
Outcome run_storage_check(CheckContext& ctx);  // com.apple.disk_usage
Outcome run_battery_check(CheckContext& ctx);  // com.apple.mobile.battery

}  // namespace examready::probe::ios
