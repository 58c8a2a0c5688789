// The check table: every check owns catalogued metrics and is found by its name.
#include <catch2/catch.hpp>

#include "core/metric.h"
#include "probe/registry.h"

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
