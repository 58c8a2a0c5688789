// The page's outcome fields and typed reads of its JSON.
#include "webcheck/check_outcome.h"

#include <cmath>

#include "core/text.h"

namespace examready::webcheck {

std::optional<core::CheckResult> refused_outcome(const std::string& name,
                                                 const nlohmann::json& in) {
  const std::string status_text = text_field(in, "status");
  const auto status = core::parse_check_status(status_text.empty() ? "ok" : status_text);
  if (status == core::CheckStatus::kOk) return std::nullopt;
  std::string message = core::text::cut_utf8(text_field(in, "message"), 400);
  if (!status) message = "the page reported an unknown status: " + message;
  return not_measured(name, status.value_or(core::CheckStatus::kError), std::move(message));
}

core::CheckResult ok_result(std::string name, core::MeasurementList& measured,
                            std::string message) {
  return not_measured(std::move(name), core::CheckStatus::kOk, std::move(message), &measured);
}

core::CheckResult not_measured(std::string name, core::CheckStatus status, std::string message,
                               core::MeasurementList* measured) {
  core::CheckResult result;
  result.name = std::move(name);
  result.status = status;
  result.message = std::move(message);
  if (measured) result.measurements = measured->take();
  return result;
}

std::optional<double> number_field(const nlohmann::json& in, const char* key) {
  if (!in.is_object()) return std::nullopt;
  const auto it = in.find(key);
  if (it == in.end() || !it->is_number()) return std::nullopt;
  const double value = it->get<double>();
  return std::isfinite(value) ? std::optional(value) : std::nullopt;
}

std::optional<std::int64_t> whole_field(const nlohmann::json& in, const char* key,
                                        std::int64_t max) {
  const auto v = number_field(in, key);
  if (!v || *v < 0 || *v > static_cast<double>(max)) return std::nullopt;
  return static_cast<std::int64_t>(*v);
}

std::optional<bool> bool_field(const nlohmann::json& in, const char* key) {
  if (!in.is_object()) return std::nullopt;
  const auto it = in.find(key);
  if (it == in.end() || !it->is_boolean()) return std::nullopt;
  return it->get<bool>();
}

std::string text_field(const nlohmann::json& in, const char* key) {
  if (!in.is_object()) return {};
  const auto it = in.find(key);
  if (it == in.end() || !it->is_string()) return {};
  return core::text::cut_utf8(it->get<std::string>(), 2048);
}

}  // namespace examready::webcheck
