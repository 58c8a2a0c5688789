// Unit table: each unit text belongs to one dimension and has a factor to that
// dimension's base (bytes, seconds, bit/s, Hz…); metric units are expressed the same way.
#include "rules/quantity.h"

#include "core/text.h"

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <cmath>

namespace examready::rules {
namespace {

enum class Dimension {
  kNone,
  kBytes,
  kTime,
  kBitrate,
  kFrequency,
  kFrameRate,
  kDbfs,
  kDbm,
  kPercent,
  kPixels,
  kRpm,
  kRatio,
  kYear,
  kCount
};

struct UnitText {
  std::string_view text;
  Dimension dimension;
  double factor;
};

constexpr UnitText kUnits[] = {
    {"B", Dimension::kBytes, 1},
    {"kB", Dimension::kBytes, 1e3},
    {"KB", Dimension::kBytes, 1e3},
    {"MB", Dimension::kBytes, 1e6},
    {"GB", Dimension::kBytes, 1e9},
    {"TB", Dimension::kBytes, 1e12},
    {"KiB", Dimension::kBytes, 1024.0},
    {"MiB", Dimension::kBytes, 1048576.0},
    {"GiB", Dimension::kBytes, 1073741824.0},
    {"TiB", Dimension::kBytes, 1099511627776.0},
    {"ms", Dimension::kTime, 1e-3},
    {"s", Dimension::kTime, 1},
    {"min", Dimension::kTime, 60},
    {"h", Dimension::kTime, 3600},
    {"bit/s", Dimension::kBitrate, 1},
    {"kbit/s", Dimension::kBitrate, 1e3},
    {"Mbit/s", Dimension::kBitrate, 1e6},
    {"Gbit/s", Dimension::kBitrate, 1e9},
    {"bps", Dimension::kBitrate, 1},
    {"kbps", Dimension::kBitrate, 1e3},
    {"Mbps", Dimension::kBitrate, 1e6},
    {"Gbps", Dimension::kBitrate, 1e9},
    {"B/s", Dimension::kBitrate, 8},
    {"kB/s", Dimension::kBitrate, 8e3},
    {"MB/s", Dimension::kBitrate, 8e6},
    {"Hz", Dimension::kFrequency, 1},
    {"kHz", Dimension::kFrequency, 1e3},
    {"fps", Dimension::kFrameRate, 1},
    {"dBFS", Dimension::kDbfs, 1},
    {"dBm", Dimension::kDbm, 1},
    {"%", Dimension::kPercent, 1},
    {"px", Dimension::kPixels, 1},
    {"RPM", Dimension::kRpm, 1},
};

struct MetricUnit {
  Dimension dimension;
  double factor;  // size of one metric unit in the dimension's base
};

MetricUnit metric_unit(core::Unit unit) {
  using core::Unit;
  switch (unit) {
    case Unit::kBytes:
      return {Dimension::kBytes, 1};
    case Unit::kPercent:
      return {Dimension::kPercent, 1};
    case Unit::kRatio:
      return {Dimension::kRatio, 1};
    case Unit::kMilliseconds:
      return {Dimension::kTime, 1e-3};
    case Unit::kSeconds:
      return {Dimension::kTime, 1};
    case Unit::kMinutes:
      return {Dimension::kTime, 60};
    case Unit::kBitsPerSecond:
      return {Dimension::kBitrate, 1};
    case Unit::kFramesPerSecond:
      return {Dimension::kFrameRate, 1};
    case Unit::kDbfs:
      return {Dimension::kDbfs, 1};
    case Unit::kDbm:
      return {Dimension::kDbm, 1};
    case Unit::kHertz:
      return {Dimension::kFrequency, 1};
    case Unit::kPixels:
      return {Dimension::kPixels, 1};
    case Unit::kYear:
      return {Dimension::kYear, 1};
    case Unit::kCount:
      return {Dimension::kCount, 1};
    case Unit::kRoundTripsPerMinute:
      return {Dimension::kRpm, 1};
    case Unit::kNone:
    case Unit::kInvalid:
      break;
  }
  return {Dimension::kNone, 1};
}

std::string_view dimension_name(Dimension d) {
  switch (d) {
    case Dimension::kBytes:
      return "a size in bytes";
    case Dimension::kTime:
      return "a duration";
    case Dimension::kBitrate:
      return "a bit rate";
    case Dimension::kFrequency:
      return "a frequency";
    case Dimension::kFrameRate:
      return "a frame rate";
    case Dimension::kDbfs:
      return "a level in dBFS";
    case Dimension::kDbm:
      return "a signal strength in dBm";
    case Dimension::kPercent:
      return "a percentage";
    case Dimension::kPixels:
      return "a pixel count";
    case Dimension::kRpm:
      return "round trips per minute";
    case Dimension::kRatio:
      return "a ratio";
    case Dimension::kYear:
      return "a year";
    case Dimension::kCount:
      return "a count";
    case Dimension::kNone:
      break;
  }
  return "a plain number";
}

std::string_view example_unit(Dimension d) {
  switch (d) {
    case Dimension::kBytes:
      return "\"20 GB\"";
    case Dimension::kTime:
      return "\"150 ms\"";
    case Dimension::kBitrate:
      return "\"5 Mbit/s\"";
    case Dimension::kFrequency:
      return "\"44100 Hz\"";
    case Dimension::kFrameRate:
      return "\"25 fps\"";
    case Dimension::kDbfs:
      return "\"-50 dBFS\"";
    case Dimension::kDbm:
      return "\"-70 dBm\"";
    default:
      return "a number";
  }
}

}  // namespace

bool unit_allows_negative(core::Unit unit) {
  switch (metric_unit(unit).dimension) {
    case Dimension::kNone:
    case Dimension::kTime:
    case Dimension::kDbfs:
    case Dimension::kDbm:
      return true;
    default:
      return false;
  }
}

std::optional<QuantityError> quantity_range_error(double value, core::Unit unit,
                                                  std::string_view written) {
  const Dimension dimension = metric_unit(unit).dimension;
  if (!std::isfinite(value)) {
    return QuantityError{
        fmt::format("\"{}\" is out of range for {}", written, dimension_name(dimension))};
  }
  if (value < 0 && !unit_allows_negative(unit)) {
    return QuantityError{
        fmt::format("\"{}\": {} cannot be negative", written, dimension_name(dimension))};
  }
  return std::nullopt;
}

bool unit_allows_plain_number(core::Unit unit) {
  using core::Unit;
  return unit == Unit::kNone || unit == Unit::kRatio || unit == Unit::kCount ||
         unit == Unit::kYear || unit == Unit::kPixels || unit == Unit::kPercent;
}

std::variant<double, QuantityError> parse_quantity(std::string_view text, core::Unit target) {
  const MetricUnit want = metric_unit(target);
  std::size_t i = 0;
  while (i < text.size() && text[i] == ' ') ++i;
  const auto parsed = core::text::parse_number_prefix(text.substr(i));
  const double number = parsed ? parsed->value : 0;
  if (!parsed || !std::isfinite(number)) {
    return QuantityError{
        fmt::format("\"{}\" is not a quantity: expected a number and a unit, e.g. {}", text,
                    example_unit(want.dimension))};
  }
  std::string_view rest = text.substr(i + parsed->length);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
  if (rest.empty()) {
    if (unit_allows_plain_number(target)) {
      if (auto error = quantity_range_error(number, target, text)) return *error;
      return number;
    }
    return QuantityError{fmt::format("\"{}\" has no unit: the metric is {}, write e.g. {}", text,
                                     dimension_name(want.dimension), example_unit(want.dimension))};
  }
  for (const auto& unit : kUnits) {
    if (unit.text != rest) continue;
    if (unit.dimension != want.dimension) {
      return QuantityError{fmt::format("unit mismatch: \"{}\" is {}, not {}", text,
                                       dimension_name(unit.dimension),
                                       dimension_name(want.dimension))};
    }
    // Scaling can overflow a number that parsed: "1e308 GB" is infinite in bytes.
    const double value = number * unit.factor / want.factor;
    if (auto error = quantity_range_error(value, target, text)) return *error;
    return value;
  }
  return QuantityError{fmt::format("unknown unit \"{}\" in \"{}\"", rest, text)};
}

std::string format_quantity(double value, core::Unit unit) {
  using core::Unit;
  auto trim = [](double v) {
    std::string s = fmt::format("{:.2f}", v);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
  };
  switch (unit) {
    case Unit::kBytes:
      if (std::fabs(value) >= 1e9) return trim(value / 1e9) + " GB";
      if (std::fabs(value) >= 1e6) return trim(value / 1e6) + " MB";
      return trim(value) + " bytes";
    case Unit::kBitsPerSecond:
      if (std::fabs(value) >= 1e6) return trim(value / 1e6) + " Mbit/s";
      if (std::fabs(value) >= 1e3) return trim(value / 1e3) + " kbit/s";
      return trim(value) + " bit/s";
    case Unit::kYear:
    case Unit::kNone:
    case Unit::kCount:
    case Unit::kRatio:
    case Unit::kInvalid:
      return trim(value);
    default:
      return trim(value) + " " + std::string(core::to_string(unit));
  }
}

}  // namespace examready::rules
