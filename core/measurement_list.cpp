// MeasurementList: what a check emits, type-checked against the catalog.
#include "core/measurement_list.h"

#include <cctype>
#include <cmath>
#include <stdexcept>

#include "core/text.h"

namespace examready::core {
bool plausible_version(std::string_view text) {
  if (text.empty() || !std::isdigit(static_cast<unsigned char>(text.front()))) return false;
  for (char c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '_')
      return false;
  }
  return true;
}

namespace {

// A measurement cut to what a report may hold (core/metric.h): a device's text (a model name,
// an app list) is not ours to trust, and a report beyond the schema's bounds is refused whole.
void fit_to_report(Value& value, std::string& source) {
  if (auto* text = std::get_if<std::string>(&value)) {
    *text = text::cut_utf8(std::move(*text), kMaxTextValueChars);
  } else if (auto* list = std::get_if<std::vector<std::string>>(&value)) {
    if (list->size() > kMaxListItems) list->resize(kMaxListItems);
    for (auto& item : *list) item = text::cut_utf8(std::move(item), kMaxListItemChars);
  }
  source = text::cut_utf8(std::move(source), kMaxSourceChars);
}

// Each metric is emitted at most once per check, so the catalog bounds a check's measurements.
static_assert(static_cast<std::size_t>(MetricId::kCount_) <= kMaxMeasurementsPerCheck);

}  // namespace

void MeasurementList::emit(MetricId metric, Value value, std::string source) {
  const MetricInfo& info = metric_info(metric);
  if (!value_matches(info.type, value)) {
    throw std::logic_error("metric " + std::string(info.name) + " expects a " +
                           std::string(to_string(info.type)) + " value");
  }
  if (const double* number = std::get_if<double>(&value); number && !std::isfinite(*number)) {
    throw std::logic_error("metric " + std::string(info.name) + " got a non-finite number");
  }
  if (info.type == MetricType::kVersion && !plausible_version(std::get<std::string>(value))) {
    throw std::logic_error("metric " + std::string(info.name) + " got a malformed version '" +
                           std::get<std::string>(value) + "'");
  }
  fit_to_report(value, source);
  for (auto& m : items_) {
    if (m.metric == metric) {
      m.value = std::move(value);
      m.source = std::move(source);
      return;
    }
  }
  items_.push_back({metric, std::move(value), std::move(source)});
}

}  // namespace examready::core
