// CheckContext: what a check emits, type-checked against the catalog.
#include "probe/check.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <stdexcept>

namespace examready::probe {
namespace {

bool plausible_version(const std::string& text) {
  if (text.empty() || !std::isdigit(static_cast<unsigned char>(text.front()))) return false;
  for (char c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '_') return false;
  }
  return true;
}

}  // namespace

CheckContext::CheckContext(platform::Host& host, const ProbeOptions& options,
                           std::function<void(double)> on_progress)
    : host_(host), options_(options), on_progress_(std::move(on_progress)) {}

void CheckContext::emit(MetricId metric, Value value, std::string source) {
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
  // A later emit of the same metric replaces the earlier one (a better source found it).
  for (auto& m : measurements_) {
    if (m.metric == metric) {
      m.value = std::move(value);
      m.source = std::move(source);
      return;
    }
  }
  measurements_.push_back({metric, std::move(value), std::move(source)});
}

void CheckContext::progress(double fraction) {
  if (on_progress_) on_progress_(std::clamp(fraction, 0.0, 1.0));
}

}  // namespace examready::probe
