// The device database a check judges with (device_database.h).
#include "apps/examready/device_database.h"

#include <fmt/format.h>

#include "apps/examready/commands.h"
#include "platform/files.h"
#include "reports/upload/devices_download.h"

namespace examready::app {
namespace {

// Parses a database file of at most devices::kMaxDatabaseBytes; throws InvalidInputError.
devices::DeviceDb read_database(const std::filesystem::path& path) {
  std::string error;
  const auto text = platform::read_text_file(path, devices::kMaxDatabaseBytes, error);
  if (!text) throw InvalidInputError(path.string() + ": " + error);
  try {
    devices::DeviceDb db = devices::DeviceDb::parse(*text);
    if (const std::string future = future_launch(db); !future.empty()) {
      throw InvalidInputError(path.string() + ": " + future);
    }
    return db;
  } catch (const std::invalid_argument& e) {
    throw InvalidInputError(path.string() + ": " + e.what());
  }
}

}  // namespace

std::string future_launch(const devices::DeviceDb& db) {
  using namespace std::chrono;
  const int next_year =
      static_cast<int>(year_month_day{floor<days>(system_clock::now())}.year()) + 1;
  for (const devices::DeviceRecord& row : db.records()) {
    const int year = std::max(row.launch_year, row.launch_year_latest);
    if (year > next_year) {
      return fmt::format("{} {} launches in {}, after next year (a typo?)", row.brand,
                         row.marketing_name, year);
    }
  }
  return {};
}

bool older_than_builtin(const devices::DeviceDb& db) {
  return db.newest_launch() < devices::DeviceDb::shipped().newest_launch();
}

std::string launch_text(devices::DeviceDb::LaunchMonth launch) {
  return launch.month == 0 ? fmt::format("{}", launch.year)
                           : fmt::format("{}-{:02}", launch.year, launch.month);
}

std::filesystem::path fetched_devices_path() { return platform::state_directory() / "devices.tsv"; }

std::shared_ptr<const devices::DeviceDb> load_device_database(const std::string& argument,
                                                              std::FILE* warnings) {
  if (argument == "builtin") return nullptr;
  if (!argument.empty()) return std::make_shared<const devices::DeviceDb>(read_database(argument));
  const auto fetched = fetched_devices_path();
  std::error_code ec;
  if (!std::filesystem::exists(fetched, ec)) return nullptr;
  try {
    auto db = std::make_shared<const devices::DeviceDb>(read_database(fetched));
    if (older_than_builtin(*db)) {
      fmt::print(warnings,
                 "note: the fetched device database ({}, newest launch {}) is older than the "
                 "built-in one (newest launch {}); judging with the built-in one.\n",
                 db->version(), launch_text(db->newest_launch()),
                 launch_text(devices::DeviceDb::shipped().newest_launch()));
      return nullptr;
    }
    return db;
  } catch (const InvalidInputError& e) {
    fmt::print(warnings,
               "warning: the fetched device database is unusable ({}); judging with the built-in "
               "one. Fetch it again with `examready devices update`.\n",
               e.what());
    return nullptr;
  }
}

}  // namespace examready::app
