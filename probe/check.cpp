// CheckContext: what a check emits, type-checked against the catalog.
#include "probe/check.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "core/text.h"

namespace examready::probe {
namespace {

bool plausible_version(const std::string& text) {
  if (text.empty() || !std::isdigit(static_cast<unsigned char>(text.front()))) return false;
  for (char c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '_')
      return false;
  }
  return true;
}

// A measurement cut to what a report may hold (core/metric.h): a device's text (a model name,
// an app list) is not ours to trust, and a report beyond the schema's bounds is refused whole.
void fit_to_report(Value& value, std::string& source) {
  if (auto* text = std::get_if<std::string>(&value)) {
    *text = core::text::cut_utf8(std::move(*text), core::kMaxTextValueChars);
  } else if (auto* list = std::get_if<std::vector<std::string>>(&value)) {
    if (list->size() > core::kMaxListItems) list->resize(core::kMaxListItems);
    for (auto& item : *list) item = core::text::cut_utf8(std::move(item), core::kMaxListItemChars);
  }
  source = core::text::cut_utf8(std::move(source), core::kMaxSourceChars);
}

// Each metric is emitted at most once per check, so the catalog bounds a check's measurements.
static_assert(static_cast<std::size_t>(MetricId::kCount_) <= core::kMaxMeasurementsPerCheck);

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
  fit_to_report(value, source);
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

CheckFunction TransportFunctions::on(Transport transport) const {
  switch (transport) {
    case Transport::kLocal:
      return local;
    case Transport::kAdb:
      return adb;
    case Transport::kIos:
      return ios;
    case Transport::kGetpropText:
      return getprop_text;
    case Transport::kBrowser:
      return browser;
    case Transport::kInvalid:
      break;
  }
  return nullptr;
}

namespace {

std::string_view why_not(Transport transport) {
  switch (transport) {
    case Transport::kLocal:
      return "it is a phone's, read from a phone (--android, --ios)";
    case Transport::kAdb:
      return "adb does not expose it; it is measured on the phone itself";
    case Transport::kIos:
      return "iOS does not expose it to a computer";
    case Transport::kGetpropText:
      return "pasted getprop text carries only device and OS facts";
    case Transport::kBrowser:
      return "the browser cannot measure it";
    case Transport::kInvalid:
      break;
  }
  return "no such transport";
}

}  // namespace

Outcome run_on_transport(const CheckSpec& spec, CheckContext& ctx) {
  const Transport transport = ctx.options().transport;
  if (const CheckFunction function = spec.run.on(transport)) return function(ctx);
  return Outcome::unsupported(fmt::format("{} is not measured over {}: {}", spec.name,
                                          core::to_string(transport), why_not(transport)));
}

CheckResult run_measured(std::string_view name, CheckContext& ctx,
                         const std::function<Outcome(CheckContext&)>& body) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  CheckResult result;
  result.name = std::string(name);
  try {
    Outcome outcome = body(ctx);
    result.status = outcome.status;
    result.message = std::move(outcome.message);
  } catch (const std::exception& e) {
    result.status = CheckStatus::kError;
    result.message = std::string("internal error: ") + e.what();
  } catch (...) {
    result.status = CheckStatus::kError;
    result.message = "internal error: unknown exception";
  }
  result.duration_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  result.measurements = ctx.take_measurements();
  return result;
}

}  // namespace examready::probe
