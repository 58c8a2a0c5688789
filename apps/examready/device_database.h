// Which device database a check judges with: `--devices FILE`, else the copy
// `examready devices update` fetched from the collector, else the built-in one. The report
// names the one used (device.db_version).
#pragma once

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "rules/devices/device_db.h"

namespace examready::app {

// $XDG_STATE_HOME/examready/devices.tsv (the Windows state folder there).
std::filesystem::path fetched_devices_path();

// A database older than the built-in one: its newest launch is earlier (device_db.h). A
// fetched copy that is older (a collector still on an older list, or a probe upgraded since
// the fetch) never shadows the built-in one.
bool older_than_builtin(const devices::DeviceDb& db);
// What is wrong with a database that has a row launched after next year ("… launches in
// 2099, after next year"), else empty. Such a file is refused: its newest launch would make
// it look newer than every later correction (older_than_builtin).
std::string future_launch(const devices::DeviceDb& db);
// "2025-09", or "2025" when only the year is known.
std::string launch_text(devices::DeviceDb::LaunchMonth launch);

// "builtin": null (the built-in one). A FILE: that database; InvalidInputError naming the
// file and line when it does not parse. Empty: the fetched copy when there is one that
// parses and is not older than the built-in one (else it is reported on `warnings` and
// skipped), else null.
std::shared_ptr<const devices::DeviceDb> load_device_database(const std::string& argument,
                                                              std::FILE* warnings);

}  // namespace examready::app
