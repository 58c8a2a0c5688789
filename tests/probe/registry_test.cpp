// The check table (every check owns catalogued metrics, found by its name) and the bounds
// CheckContext::emit keeps.
#include <catch2/catch.hpp>

#include "core/metric.h"
#include "probe/check.h"
#include "probe/registry.h"
#include "tests/support/fake_host.h"

using namespace examready;

TEST_CASE("every check in the registry owns at least one catalogued metric") {
  for (const auto& check : probe::all_checks()) {
    INFO(check.name);
    bool owns = false;
    for (const auto& info : core::metric_catalog()) owns |= info.group() == check.name;
    CHECK(owns);
    CHECK(probe::find_check(check.name) == &check);
  }
}

// A phone's text is not ours to trust: a 1 MB model name or 10,000 apps holding the camera must
// still give a report the schema accepts (core/metric.h bounds), cut on a UTF-8 boundary.
TEST_CASE("emit cuts strings, lists and sources to the report's bounds") {
  test::FakeHost host;
  probe::ProbeOptions options;
  probe::CheckContext ctx(host, options);
  std::string model(core::kMaxTextValueChars - 1, 'a');
  model += "\xE5\xB0\x8F";  // 小: its 3 bytes straddle the bound
  ctx.emit(core::MetricId::kDeviceModel, model, std::string(100'000, 's'));
  ctx.emit(core::MetricId::kCameraHeldBy, std::vector<std::string>(10'000, std::string(1'000, 'w')),
           "lsof");
  const auto& m = ctx.measurements();
  REQUIRE(m.size() == 2);
  CHECK(std::get<std::string>(m[0].value) == std::string(core::kMaxTextValueChars - 1, 'a'));
  CHECK(m[0].source.size() == core::kMaxSourceChars);
  const auto& holders = std::get<std::vector<std::string>>(m[1].value);
  CHECK(holders.size() == core::kMaxListItems);
  CHECK(holders.back().size() == core::kMaxListItemChars);
  ctx.emit(core::MetricId::kDeviceModel, std::string("小米"), "getprop");
  CHECK(std::get<std::string>(m[0].value) == "小米");
}
