// Dotted versions and quantities with units.
#include <catch2/catch.hpp>

#include "rules/quantity.h"
#include "rules/version.h"

using namespace examready::rules;
using examready::core::Unit;

namespace {

int cmp(const char* a, const char* b) {
  return compare_versions(*parse_version_strict(a), *parse_version_strict(b));
}

double quantity(const char* text, Unit unit) {
  auto parsed = parse_quantity(text, unit);
  REQUIRE(std::holds_alternative<double>(parsed));
  return std::get<double>(parsed);
}

std::string quantity_error(const char* text, Unit unit) {
  auto parsed = parse_quantity(text, unit);
  REQUIRE(std::holds_alternative<QuantityError>(parsed));
  return std::get<QuantityError>(parsed).message;
}

}  // namespace

TEST_CASE("versions compare numerically with missing parts as zero") {
  CHECK(cmp("7", "7.0") == 0);
  CHECK(cmp("7.0.0", "7") == 0);
  CHECK(cmp("7.1.2", "7.1") > 0);
  CHECK(cmp("7.1.2", "7.2") < 0);
  CHECK(cmp("10", "9") > 0);
  CHECK(cmp("10.0", "9.1") > 0);
  CHECK(cmp("9.1", "10") < 0);
  CHECK(cmp("2.0", "10.0") < 0);
  CHECK(cmp("17.10", "17.9") > 0);
}

TEST_CASE("strict versions in rules files") {
  CHECK(parse_version_strict("7") == Version{7});
  CHECK(parse_version_strict("7.1.2") == Version{7, 1, 2});
  CHECK_FALSE(parse_version_strict("7.x"));
  CHECK_FALSE(parse_version_strict("7."));
  CHECK_FALSE(parse_version_strict(".7"));
  CHECK_FALSE(parse_version_strict("v7"));
  CHECK_FALSE(parse_version_strict(""));
  CHECK_FALSE(parse_version_strict("7 .1"));
}

TEST_CASE("measured versions take the leading number") {
  CHECK(parse_version_measured("10 (Q)") == Version{10});
  CHECK(parse_version_measured("17.1.2-beta") == Version{17, 1, 2});
  CHECK(parse_version_measured("12.") == Version{12});
  CHECK_FALSE(parse_version_measured("Q"));
  CHECK_FALSE(parse_version_measured(""));
}

TEST_CASE("byte quantities: GB is decimal, GiB binary") {
  CHECK(quantity("20 GB", Unit::kBytes) == 20e9);
  CHECK(quantity("20 GiB", Unit::kBytes) == 21474836480.0);
  CHECK(quantity("20GB", Unit::kBytes) == 20e9);
  CHECK(quantity("1.5 TB", Unit::kBytes) == 1.5e12);
  CHECK(quantity("512 MiB", Unit::kBytes) == 536870912.0);
  CHECK(quantity("300 kB", Unit::kBytes) == 300e3);
}

TEST_CASE("rates and durations convert to the metric's unit") {
  CHECK(quantity("5 Mbit/s", Unit::kBitsPerSecond) == 5e6);
  CHECK(quantity("5 Mbps", Unit::kBitsPerSecond) == 5e6);
  CHECK(quantity("1 MB/s", Unit::kBitsPerSecond) == 8e6);
  CHECK(quantity("150 ms", Unit::kMilliseconds) == 150);
  CHECK(quantity("2 s", Unit::kMilliseconds) == 2000);
  CHECK(quantity("10 min", Unit::kMilliseconds) == 600000);
  CHECK(quantity("150 ms", Unit::kSeconds) == Approx(0.15));
  CHECK(quantity("24 h", Unit::kMinutes) == 1440);
  CHECK(quantity("-50 dBFS", Unit::kDbfs) == -50);
  CHECK(quantity("44.1 kHz", Unit::kHertz) == Approx(44100));
}

TEST_CASE("plain numbers only where the unit allows them") {
  CHECK(quantity("20", Unit::kPercent) == 20);
  CHECK(quantity("0.02", Unit::kRatio) == 0.02);
  CHECK(quantity("3", Unit::kCount) == 3);
  CHECK(quantity_error("20", Unit::kBytes) ==
        "\"20\" has no unit: the metric is a size in bytes, write e.g. \"20 GB\"");
  CHECK(quantity_error("150", Unit::kMilliseconds) ==
        "\"150\" has no unit: the metric is a duration, write e.g. \"150 ms\"");
}

TEST_CASE("unit mismatches and unknown units are errors") {
  CHECK(quantity_error("150 ms", Unit::kBytes) ==
        "unit mismatch: \"150 ms\" is a duration, not a size in bytes");
  CHECK(quantity_error("5 Mbit/s", Unit::kMilliseconds) ==
        "unit mismatch: \"5 Mbit/s\" is a bit rate, not a duration");
  CHECK(quantity_error("20 GB", Unit::kBitsPerSecond) ==
        "unit mismatch: \"20 GB\" is a size in bytes, not a bit rate");
  CHECK(quantity_error("20 gb", Unit::kBytes) == "unknown unit \"gb\" in \"20 gb\"");
  CHECK(quantity_error("lots", Unit::kBytes) ==
        "\"lots\" is not a quantity: expected a number and a unit, e.g. \"20 GB\"");
}

// Issue #14: `rules lint` accepted "1e308 GB" (infinite once scaled to bytes, so any rule
// comparing with it always failed or always passed) and negative sizes.
TEST_CASE("quantities that overflow when scaled are errors") {
  CHECK(quantity_error("1e308 GB", Unit::kBytes) ==
        "\"1e308 GB\" is out of range for a size in bytes");
  CHECK(quantity_error("-1e308 TB", Unit::kBytes) ==
        "\"-1e308 TB\" is out of range for a size in bytes");
  CHECK(quantity_error("1e306 h", Unit::kMilliseconds) ==
        "\"1e306 h\" is out of range for a duration");
  CHECK(quantity("1e299 GB", Unit::kBytes) == Approx(1e308));
  CHECK_FALSE(std::holds_alternative<double>(parse_quantity("1e309", Unit::kCount)));
}

TEST_CASE("sizes, rates and counts cannot be negative; durations and levels can") {
  CHECK(quantity_error("-5 GB", Unit::kBytes) == "\"-5 GB\": a size in bytes cannot be negative");
  CHECK(quantity_error("-1 Mbit/s", Unit::kBitsPerSecond) ==
        "\"-1 Mbit/s\": a bit rate cannot be negative");
  CHECK(quantity_error("-1", Unit::kCount) == "\"-1\": a count cannot be negative");
  CHECK(quantity_error("-3", Unit::kPercent) == "\"-3\": a percentage cannot be negative");
  CHECK(quantity("-0 GB", Unit::kBytes) == 0);
  CHECK(quantity("-2 s", Unit::kMilliseconds) == -2000);  // network.clock_skew_ms
  CHECK(quantity("-70 dBm", Unit::kDbm) == -70);
  CHECK(unit_allows_negative(Unit::kMilliseconds));
  CHECK_FALSE(unit_allows_negative(Unit::kBytes));
}

TEST_CASE("measured values are shown in readable units") {
  CHECK(format_quantity(52.9e9, Unit::kBytes) == "52.9 GB");
  CHECK(format_quantity(5e6, Unit::kBitsPerSecond) == "5 Mbit/s");
  CHECK(format_quantity(150, Unit::kMilliseconds) == "150 ms");
  CHECK(format_quantity(2020, Unit::kYear) == "2020");
}
