// The device check on captured DMI directories.
#include <catch2/catch.hpp>

#include "tests/support/fake_host.h"
#include "platform/dmi_facts.h"
#include "probe/device.h"
#include "tests/support/fixtures.h"

using namespace examready;

namespace {

core::CheckResult run_on_dmi(const std::string& machine) {
  test::FakeHost host;
  host.load_tree(test::fixture_path("linux/dmi/" + machine), "/sys/class/dmi/id");
  probe::ProbeOptions options;
  probe::CheckContext ctx(host, options);
  auto outcome = probe::run_device_check(ctx);
  return {"device", outcome.status, outcome.message, 0, ctx.take_measurements()};
}

std::string text(const core::CheckResult& r, core::MetricId id) {
  const auto* m = r.find(id);
  return m ? std::get<std::string>(m->value) : "<absent>";
}

}  // namespace

TEST_CASE("DMI of real machines gives vendor, brand, model and class") {
  struct Case {
    const char* machine;
    const char* brand;
    const char* model;
    const char* device_class;
  };
  const Case cases[] = {
      {"thinkpad-t480", "lenovo", "ThinkPad T480", "laptop"},
      {"dell-xps-13-9310", "dell", "XPS 13 9310", "laptop"},
      {"hp-prodesk-400-g7", "hp", "HP ProDesk 400 G7 Microtower PC", "desktop"},
      {"qemu-vm", "qemu", "Standard PC (Q35 + ICH9, 2009)", "<absent>"},  // chassis "Other"
  };
  for (const auto& c : cases) {
    INFO(c.machine);
    auto r = run_on_dmi(c.machine);
    REQUIRE(r.status == core::CheckStatus::kOk);
    CHECK(text(r, core::MetricId::kDeviceBrand) == c.brand);
    CHECK(text(r, core::MetricId::kDeviceModel) == c.model);
    CHECK(text(r, core::MetricId::kDeviceClass) == c.device_class);
  }
}

TEST_CASE("no DMI tables, as in a container, is unsupported and emits nothing") {
  test::FakeHost host;
  probe::ProbeOptions options;
  probe::CheckContext ctx(host, options);
  CHECK(probe::run_device_check(ctx).status == core::CheckStatus::kUnsupported);
  CHECK(ctx.measurements().empty());
}

TEST_CASE("serial numbers and UUIDs are never read") {
  test::FakeHost host;
  host.load_tree(test::fixture_path("linux/dmi/thinkpad-t480"), "/sys/class/dmi/id");
  host.add_file("/sys/class/dmi/id/product_serial", "PF1ABCDE\n");
  host.add_file("/sys/class/dmi/id/product_uuid", "4c4c4544-0042-3510-8052-b4c04f5a4d32\n");
  probe::ProbeOptions options;
  probe::CheckContext ctx(host, options);
  probe::run_device_check(ctx);
  for (const auto& m : ctx.measurements()) {
    if (auto* s = std::get_if<std::string>(&m.value)) {
      CHECK(s->find("PF1ABCDE") == std::string::npos);
      CHECK(s->find("4c4c4544") == std::string::npos);
    }
  }
}

TEST_CASE("SMBIOS chassis types map to device classes") {
  CHECK(platform::device_class_from_chassis("9") == "laptop");
  CHECK(platform::device_class_from_chassis("10") == "laptop");
  CHECK(platform::device_class_from_chassis("31") == "laptop");
  CHECK(platform::device_class_from_chassis("30") == "tablet");
  CHECK(platform::device_class_from_chassis("3") == "desktop");
  CHECK(platform::device_class_from_chassis("35") == "desktop");
  CHECK_FALSE(platform::device_class_from_chassis("1"));
  CHECK_FALSE(platform::device_class_from_chassis("17"));
  CHECK_FALSE(platform::device_class_from_chassis(""));
  CHECK_FALSE(platform::device_class_from_chassis("9x"));
}
