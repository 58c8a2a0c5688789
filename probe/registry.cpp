// The check table. Order is the display order; the runner schedules by `resource`.
#include "probe/registry.h"

#include <array>

#include "probe/battery.h"
#include "probe/device.h"
#include "probe/network.h"
#include "probe/os.h"
#include "probe/storage.h"

namespace examready::probe {
namespace {

using std::chrono::milliseconds;

const std::array kChecks = {
    CheckSpec{"os", "Operating system family, name, version, kernel and architecture", milliseconds(2000), "", run_os_check},
    CheckSpec{"device", "Vendor, model, device class, launch year and price tier", milliseconds(2000), "", run_device_check},
    CheckSpec{"storage", "Free and total bytes on the volume that holds recordings", milliseconds(3000), "", run_storage_check},
    CheckSpec{"battery", "Battery presence, charge level and charging state", milliseconds(2000), "", run_battery_check},
    // "cpu": the encoder benchmark would distort the timing. ~8.5 s of phases inside.
    CheckSpec{"network", "Latency, throughput, stability, loss and clock skew against the collector", milliseconds(10000), "cpu", run_network_check},
};

}  // namespace

std::span<const CheckSpec> all_checks() { return kChecks; }

const CheckSpec* find_check(std::string_view name) {
  for (const auto& check : kChecks) {
    if (check.name == name) return &check;
  }
  return nullptr;
}

}  // namespace examready::probe
