// Fuzz target: sysfs attribute directories turned into facts: /sys/class/power_supply/* (the
// battery check) and /sys/class/dmi/id (the device check). Input: directories separated by
// form feeds, each a name line then `attribute=value` lines, as read_attribute_dir gives them.
#include <cmath>
#include <cstdint>

#include "core/text.h"
#include "platform/dmi_facts.h"
#include "platform/linux/power_supply.h"
#include "tests/fuzz/fuzz_support.h"

using namespace examready;

namespace {

std::map<std::string, std::string> attributes(const std::vector<std::string_view>& lines) {
  std::map<std::string, std::string> out;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto eq = lines[i].find('=');
    if (eq == std::string_view::npos) continue;
    out[std::string(lines[i].substr(0, eq))] =
        std::string(core::text::trim(lines[i].substr(eq + 1)));
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<platform::PowerSupply> supplies;
  for (std::string_view dir : fuzz::parts(fuzz::as_text(data, size), 1)) {
    const auto lines = core::text::lines(dir);
    supplies.push_back(
        {lines.empty() ? std::string() : std::string(lines.front()), attributes(lines)});
  }
  const platform::BatteryFacts battery = platform::battery_state(supplies);
  // The level goes into the report as a number: NaN or infinity would not survive JSON.
  if (battery.level_percent && !std::isfinite(*battery.level_percent)) {
    fuzz::invariant_failed("battery level is not a finite number");
  }
  const platform::MachineFacts dmi = platform::dmi_facts(supplies.front().attributes);
  if (dmi.device_class && dmi.device_class->empty())
    fuzz::invariant_failed("DMI facts with an empty class");
  return 0;
}
