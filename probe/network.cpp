// The `network` check: measure against the collector, analyse, emit.
#include "probe/network.h"


#include <fmt/format.h>
#include <cmath>

#include "core/analysis/network_analysis.h"
#include "probe/network_rehearsal.h"
#include "platform/network_route.h"

namespace examready::probe {
namespace {

// The series' last bin is cut short by the abort; the upload series may also hold bytes
// that drained after the phase, which belong to no measured interval.
// When the streams moved their whole capped volume in under a steady window, the mean rate
// over the series is a lower bound of the link's: enough to say "faster than anything the
// exam needs" rather than nothing.
std::optional<double> outran_rate_bps(const std::vector<std::uint64_t>& bins, double bin_s) {
  std::uint64_t total = 0;
  for (auto b : bins) total += b;
  if (bins.empty() || total == 0) return std::nullopt;
  return static_cast<double>(total) * 8.0 / (static_cast<double>(bins.size()) * bin_s);
}

std::vector<std::uint64_t> trim(std::vector<std::uint64_t> bins, double bin_s, double phase_s) {
  const auto keep = static_cast<std::size_t>(phase_s / bin_s);
  if (bins.size() > keep) bins.resize(keep);
  if (!bins.empty()) bins.pop_back();
  return bins;
}

// Mathis et al.: one TCP stream's ceiling under random loss, MSS * 1.22 / (RTT * sqrt(p)).
double single_stream_ceiling_bps(double rtt_ms, double loss) {
  return 1448.0 * 8 * 1.22 / (rtt_ms / 1000.0 * std::sqrt(loss));
}

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

std::string emit_network_figures(CheckContext& ctx, const net::Samples& s,
                                 const net::MeasurePlan& plan) {
  std::string warnings;
  const std::string http = fmt::format("HTTP/{} to {}", s.http_version, s.server_ip);
  ctx.emit(MetricId::kNetworkDnsMs, s.dns_ms, "curl timing");
  ctx.emit(MetricId::kNetworkConnectMs, s.connect_ms, "curl timing");
  if (s.tls_ms) ctx.emit(MetricId::kNetworkTlsMs, *s.tls_ms, "curl timing");
  ctx.emit(
      MetricId::kNetworkHttpVersion, s.http_version,
      s.tls_ms ? "negotiated over TLS (ALPN)" : "cleartext: HTTP/2 is asked for over TLS only");

  const auto idle = core::net::summarize_rtts(s.idle_rtts_ms);
  const std::size_t asked = s.idle_rtts_ms.size() + s.idle_lost;
  if (idle) {
    const std::string source = fmt::format("{} pings over {}", idle->samples, http);
    ctx.emit(MetricId::kNetworkRttMedianMs, idle->median_ms, source);
    ctx.emit(MetricId::kNetworkRttP90Ms, idle->p90_ms, source);
    if (idle->samples > 1) ctx.emit(MetricId::kNetworkJitterMs, idle->jitter_ms, source);
  }
  if (asked > 0) {
    ctx.emit(MetricId::kNetworkRequestLossRatio,
             static_cast<double>(s.idle_lost) / static_cast<double>(asked),
             fmt::format("{} of {} pings timed out", s.idle_lost, asked));
  }
  if (s.clock_skew_ms)
    ctx.emit(MetricId::kNetworkClockSkewMs, *s.clock_skew_ms, "server time of the fastest ping");

  double loss_for_warning = -1;
  if (s.echo) {
    if (auto loss = core::net::summarize_echo(*s.echo)) {
      const std::string source =
          fmt::format("UDP echo: up {:.2f}% of {}, down {:.2f}% of {} (worse direction)",
                      loss->up_ratio * 100, loss->up_n, loss->down_ratio * 100, loss->down_n);
      ctx.emit(MetricId::kNetworkPacketLossRatio, loss->ratio(), source);
      ctx.emit(MetricId::kNetworkLossUpperBound, loss->upper(),
               "one-sided 95% Clopper-Pearson, " + source);
      loss_for_warning = loss->up_ratio;
    }
  } else if (s.upload_segs_out > 0) {
    // Without the echo only the upload's own retransmissions remain: they include the
    // drops of a full bottleneck queue, so this overstates random loss.
    const double ratio =
        static_cast<double>(s.upload_retrans) / static_cast<double>(s.upload_segs_out);
    ctx.emit(
        MetricId::kNetworkPacketLossRatio, ratio,
        fmt::format("TCP retransmissions of the upload ({} of {} segments; UDP echo unavailable)",
                    s.upload_retrans, s.upload_segs_out));
  }

  if (auto down =
          core::net::summarize_throughput(trim(s.download_bins, s.bin_s, plan.download_s), s.bin_s)) {
    ctx.emit(
        MetricId::kNetworkDownloadBps, down->steady_bps,
        fmt::format("{} streams, {}, {:.2f} s steady window after {:.2f} s ramp-up", plan.streams,
                    s.download_source, down->steady_seconds, down->steady_start_s));
  } else if (auto floor = outran_rate_bps(s.download_bins, s.bin_s); floor && s.download_outran) {
    ctx.emit(MetricId::kNetworkDownloadBps, *floor,
             fmt::format("lower bound: {} streams moved their whole volume in {:.2f} s",
                         plan.streams, static_cast<double>(s.download_bins.size()) * s.bin_s));
  }
  if (auto up = core::net::summarize_throughput(trim(s.upload_bins, s.upload_bin_s, plan.upload_s),
                                          s.upload_bin_s)) {
    const std::string source = fmt::format(
        "{} streams, counted at the server, {:.2f} s steady window after {:.2f} s ramp-up",
        plan.streams, up->steady_seconds, up->steady_start_s);
    ctx.emit(MetricId::kNetworkUploadBps, up->steady_bps, source);
    ctx.emit(MetricId::kNetworkUploadLowBps, up->low_bps, source);
    ctx.emit(MetricId::kNetworkThroughputCv, up->cv, "250 ms windows of the upload");
    ctx.emit(MetricId::kNetworkStallCount, up->stalls, "250 ms windows of the upload");
    if (idle && loss_for_warning > 0) {
      const double ceiling = single_stream_ceiling_bps(idle->median_ms, loss_for_warning);
      if (ceiling < up->steady_bps / 2) {
        warnings += fmt::format(
            "upstream loss {:.1f}% would hold a single-stream upload near {:.1f} Mbit/s. ",
            loss_for_warning * 100, ceiling / 1e6);
      }
    }
  } else if (auto floor = outran_rate_bps(s.upload_bins, s.upload_bin_s);
             floor && s.upload_outran) {
    const std::string source =
        fmt::format("lower bound: {} streams moved their whole volume in {:.2f} s", plan.streams,
                    static_cast<double>(s.upload_bins.size()) * s.upload_bin_s);
    ctx.emit(MetricId::kNetworkUploadBps, *floor, source);
    ctx.emit(MetricId::kNetworkUploadLowBps, *floor, source);
  }
  if (auto loaded = core::net::summarize_rtts(s.loaded_rtts_ms)) {
    const std::string source = fmt::format("{} pings during the upload", loaded->samples);
    ctx.emit(MetricId::kNetworkLoadedRttMs, loaded->median_ms, source);
    if (loaded->median_ms > 0)
      ctx.emit(MetricId::kNetworkResponsivenessRpm, 60000.0 / loaded->median_ms, source);
  }
  return warnings;
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
      ctx.emit(MetricId::kNetworkWifiSignalDbm, *route->wifi_signal_dbm, "/proc/net/wireless");
  }
  std::string warnings = emit_network_figures(ctx, *result.samples, plan);
  if (!warnings.empty()) warnings.pop_back();
  if (rehearse) {
    if (auto failure = run_rehearsal(ctx, options)) return Outcome::error(*failure);
  }
  return Outcome::ok(warnings);
}

}  // namespace examready::probe
