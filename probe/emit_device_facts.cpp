// Device facts from the shipped database, emitted with their sources.
#include "probe/emit_device_facts.h"

#include <chrono>

namespace examready::probe {

devices::DeviceMatch emit_device_facts(CheckContext& ctx, std::string_view model,
                                       std::string_view codename, std::string_view brand,
                                       std::string_view os_class_hint,
                                       std::optional<devices::PanelFacts> panels,
                                       std::optional<devices::YearRange> firmware_launch) {
  return emit_device_facts(ctx, devices::DeviceClues{model, codename, brand, os_class_hint,
                                                     std::nullopt, panels, firmware_launch});
}

devices::DeviceMatch emit_device_facts(CheckContext& ctx, const devices::DeviceClues& clues) {
  const devices::DeviceDb& db =
      ctx.options().devices ? *ctx.options().devices : devices::DeviceDb::shipped();
  return devices::emit_device_facts(ctx.measurement_list(), db, clues).match;
}

int latest_possible_launch_year() {
  using namespace std::chrono;
  const auto earth_ahead = system_clock::now() + hours(14);
  return static_cast<int>(year_month_day{floor<days>(earth_ahead)}.year());
}

}  // namespace examready::probe
