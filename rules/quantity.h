// Quantities with units in rules files ("20 GB", "20 GiB", "5 Mbit/s", "150 ms"),
// converted to the unit a metric is measured in.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "core/metric.h"

namespace examready::rules {

// The value in `target` units, or an error message saying why the text does not fit.
struct QuantityError {
  std::string message;
};
std::variant<double, QuantityError> parse_quantity(std::string_view text, core::Unit target);

// Plain numbers (no unit) are accepted only for these units: the number is already in them.
bool unit_allows_plain_number(core::Unit unit);

// Durations may be below zero (network.clock_skew_ms), and so may levels in dBFS and dBm;
// sizes, rates, counts, percentages, ratios and years may not.
bool unit_allows_negative(core::Unit unit);

// Why `value` (in `unit`, written as `written`) cannot be a rules operand: not finite (such as
// "1e308 GB", infinite once scaled to bytes) or negative where the unit cannot be; nullopt when
// it can. parse_quantity applies it; the loader applies it to plain TOML numbers.
std::optional<QuantityError> quantity_range_error(double value, core::Unit unit,
                                                  std::string_view written);

// "12.3 GB", "150 ms", "4.2 Mbit/s": a measured value in the metric's unit, for details.
std::string format_quantity(double value, core::Unit unit);

}  // namespace examready::rules
