// The measurements of one check as it emits them, type-checked against the metric catalog and
// cut to what a report may hold. The native probe (probe::CheckContext) and the web check
// (webcheck/) both record through it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/metric.h"

namespace examready::core {

// What a kVersion value must look like: a digit first, then digits, letters, '.', '-', '_'.
bool plausible_version(std::string_view text);

class MeasurementList {
 public:
  // Records a measurement. The value's type must be the catalog's type for the metric
  // (a mismatch is a programming error and throws std::logic_error); numbers must be finite,
  // versions must start with a digit. A later emit of the same metric replaces the earlier one.
  void emit(MetricId metric, Value value, std::string source);

  const std::vector<Measurement>& items() const { return items_; }
  std::vector<Measurement> take() { return std::move(items_); }

 private:
  std::vector<Measurement> items_;
};

}  // namespace examready::core
