// The local `network` check: measure against the collector, name the route to it, emit the
// figures, then the optional upload rehearsal.
#include "probe/network/check.h"

#include <fmt/format.h>

#include "platform/network_route.h"
#include "probe/network/figures.h"
#include "probe/network/rehearsal.h"
#include "probe/network/session.h"

namespace examready::probe {
namespace {

// The rehearsal runs after the measurement, on its own fresh connection, so the two never
// compete for the link; its figures are the whole upload's, resumes and stalls included.
std::optional<std::string> run_rehearsal(CheckContext& ctx, const ProbeOptions& options) {
  net::RehearsalPlan plan;
  plan.server_url = options.server_url;
  plan.ca_file = options.ca_file;
  plan.bytes = options.rehearse_upload_bytes;
  plan.budget = net::rehearsal_budget(plan.bytes);
  plan.progress = [&](double f) { ctx.progress(0.3 + 0.7 * f); };
  const net::RehearsalResult r = net::rehearse_upload(plan);
  const std::string source = fmt::format(
      "resumable upload rehearsal of {} bytes in chunks, {} resumes", plan.bytes, r.resumes);
  ctx.emit(MetricId::kNetworkRehearsalBytes, static_cast<std::int64_t>(r.bytes), source);
  ctx.emit(MetricId::kNetworkRehearsalResumes, static_cast<std::int64_t>(r.resumes), source);
  if (r.done) {
    ctx.emit(MetricId::kNetworkRehearsalDurationMs, r.duration_ms, source);
    if (r.duration_ms > 0) {
      ctx.emit(MetricId::kNetworkRehearsalBps,
               static_cast<double>(r.bytes) * 8.0 / (r.duration_ms / 1000.0), source);
    }
    return std::nullopt;
  }
  return "upload rehearsal did not finish: " + r.error;
}

}  // namespace

std::chrono::milliseconds network_deadline_extension(const ProbeOptions& options) {
  if (options.rehearse_upload_bytes == 0) return std::chrono::milliseconds(0);
  return net::rehearsal_budget(options.rehearse_upload_bytes) + std::chrono::seconds(5);
}

Outcome run_network_check(CheckContext& ctx) {
  const ProbeOptions& options = ctx.options();
  if (options.server_url.empty()) {
    return Outcome::error(
        "no collector to measure against: pass --server URL or set EXAMREADY_SERVER");
  }
  if (options.server_url.rfind("http://", 0) != 0 && options.server_url.rfind("https://", 0) != 0) {
    return Outcome::error("--server must be an http:// or https:// URL: " + options.server_url);
  }
  net::MeasurePlan plan;
  plan.server_url = options.server_url;
  plan.ca_file = options.ca_file;
  const bool rehearse = options.rehearse_upload_bytes > 0;
  plan.progress = [&](double f) { ctx.progress(rehearse ? 0.3 * f : f); };
  net::MeasureResult result = net::measure_network(plan);
  if (!result.samples) return Outcome::error(result.error);

  if (auto route = platform::route_to(ctx.host(), result.samples->server_ip)) {
    const std::string source = "route to " + result.samples->server_ip + ": " + route->kind.detail;
    ctx.emit(MetricId::kNetworkInterface, route->iface, source);
    if (route->kind.type) ctx.emit(MetricId::kNetworkType, *route->kind.type, source);
    if (route->wifi_signal_dbm)
      ctx.emit(MetricId::kNetworkWifiSignalDbm, *route->wifi_signal_dbm, route->signal_source);
  }
  const std::string warnings = net::emit_network_figures(ctx, *result.samples, result.phases);
  if (rehearse) {
    if (auto failure = run_rehearsal(ctx, options)) return Outcome::error(*failure);
  }
  return Outcome::ok(warnings);
}

}  // namespace examready::probe
