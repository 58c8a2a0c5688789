// JSON form of check results: used in reports and between the runner and its
// check processes.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/check_result.h"

namespace examready::core {

nlohmann::json value_to_json(const Value& value);
// Converts JSON to the metric's type; throws std::invalid_argument naming the metric.
Value value_from_json(const MetricInfo& info, const nlohmann::json& json);

// {"name":…, "status":…, "message":…, "duration_ms":…,
//  "measurements": {"storage.free_bytes": {"value":…, "unit":"bytes", "source":"statvfs"}}}
nlohmann::json to_json(const CheckResult& result);
// Throws std::invalid_argument with a JSON-pointer-like path on malformed input;
// unknown metric names are an error (the catalog is the contract).
CheckResult check_result_from_json(const nlohmann::json& json);

}  // namespace examready::core
