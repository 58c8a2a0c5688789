// Serialization of CheckResult and metric values.
#include "core/result_json.h"

#include <cstdint>
#include <stdexcept>

namespace examready::core {

nlohmann::json value_to_json(const Value& value) {
  return std::visit([](const auto& v) { return nlohmann::json(v); }, value);
}

Value value_from_json(const MetricInfo& info, const nlohmann::json& json) {
  auto fail = [&](std::string_view expected) -> Value {
    throw std::invalid_argument(std::string(info.name) + ": expected " + std::string(expected));
  };
  switch (info.type) {
    case MetricType::kBoolean:
      if (!json.is_boolean()) return fail("a boolean");
      return json.get<bool>();
    case MetricType::kInteger:
      if (!json.is_number_integer()) return fail("an integer");
      // 2^64 - 1 would read as -1.
      if (json.is_number_unsigned() &&
          json.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
        return fail("an integer within 64 bits");
      }
      return json.get<std::int64_t>();
    case MetricType::kNumber:
      if (!json.is_number()) return fail("a number");
      return json.get<double>();
    case MetricType::kString:
    case MetricType::kVersion:
      if (!json.is_string()) return fail("a string");
      return json.get<std::string>();
    case MetricType::kStringList: {
      if (!json.is_array()) return fail("an array of strings");
      std::vector<std::string> items;
      for (const auto& item : json) {
        if (!item.is_string()) return fail("an array of strings");
        items.push_back(item.get<std::string>());
      }
      return items;
    }
    case MetricType::kInvalid: break;
  }
  return fail("a known type");
}

nlohmann::json to_json(const CheckResult& result) {
  nlohmann::json measurements = nlohmann::json::object();
  for (const auto& m : result.measurements) {
    const MetricInfo& info = metric_info(m.metric);
    nlohmann::json entry = {{"value", value_to_json(m.value)}, {"source", m.source}};
    if (info.unit != Unit::kNone) entry["unit"] = to_string(info.unit);
    measurements[std::string(info.name)] = std::move(entry);
  }
  nlohmann::json json = {
      {"name", result.name},
      {"status", to_string(result.status)},
      {"duration_ms", result.duration_ms},
      {"measurements", std::move(measurements)},
  };
  if (!result.message.empty()) json["message"] = result.message;
  return json;
}

CheckResult check_result_from_json(const nlohmann::json& json) {
  if (!json.is_object()) throw std::invalid_argument("check result: expected an object");
  CheckResult result;
  result.name = json.at("name").get<std::string>();
  auto status = parse_check_status(json.at("status").get<std::string>());
  if (!status) throw std::invalid_argument(result.name + "/status: unknown status");
  result.status = *status;
  result.duration_ms = json.value("duration_ms", 0.0);
  result.message = json.value("message", std::string());
  for (const auto& [name, entry] : json.at("measurements").items()) {
    auto id = find_metric(name);
    if (!id) throw std::invalid_argument(result.name + "/measurements/" + name + ": unknown metric");
    result.measurements.push_back({*id, value_from_json(metric_info(*id), entry.at("value")),
                                   entry.value("source", std::string())});
  }
  return result;
}

}  // namespace examready::core
