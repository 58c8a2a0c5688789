// CheckContext: what a check emits, type-checked against the catalog.
#include "probe/check.h"

#include <algorithm>

#include <fmt/format.h>

namespace examready::probe {

CheckContext::CheckContext(platform::Host& host, const ProbeOptions& options,
                           std::function<void(double)> on_progress)
    : host_(host), options_(options), on_progress_(std::move(on_progress)) {}

void CheckContext::emit(MetricId metric, Value value, std::string source) {
  measurements_.emit(metric, std::move(value), std::move(source));
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
  result.message = core::report_message(result.message);
  result.duration_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  result.measurements = ctx.take_measurements();
  return result;
}

}  // namespace examready::probe
