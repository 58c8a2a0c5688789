// The metric catalog: unique names, units in names, lookups.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "core/metric.h"

using namespace examready::core;

TEST_CASE("every metric name is unique, well-formed and findable") {
  std::set<std::string_view> names;
  const std::regex pattern("^[a-z]+\\.[a-z0-9_]+$");
  for (const auto& info : metric_catalog()) {
    INFO(info.name);
    CHECK(names.insert(info.name).second);
    CHECK(std::regex_match(std::string(info.name), pattern));
    CHECK(find_metric(info.name) == info.id);
    CHECK(&metric_info(info.id) == &info);
    CHECK(!info.description.empty());
    CHECK(info.type != MetricType::kInvalid);
  }
  CHECK_FALSE(find_metric("storage.free"));
}

TEST_CASE("units are spelled in metric names") {
  for (const auto& info : metric_catalog()) {
    INFO(info.name);
    const std::string name(info.name);
    auto ends_with = [&](std::string_view suffix) {
      return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    switch (info.unit) {
      case Unit::kBytes: CHECK(ends_with("_bytes")); break;
      case Unit::kMilliseconds: CHECK(ends_with("_ms")); break;
      case Unit::kBitsPerSecond: CHECK(ends_with("_bps")); break;
      case Unit::kDbfs: CHECK(ends_with("_dbfs")); break;
      case Unit::kPercent: CHECK(ends_with("_percent")); break;
      case Unit::kPixels: CHECK(ends_with("_px")); break;
      default: break;
    }
  }
}
