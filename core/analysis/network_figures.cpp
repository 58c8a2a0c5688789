// Network figures from the samples: connection, idle latency, loss, throughput both ways,
// loaded latency (network_figures.h).
#include "core/analysis/network_figures.h"

#include <fmt/format.h>

#include <cmath>
#include <optional>
#include <string_view>

namespace examready::core::net {
namespace {

// The series' last bin is cut short by the abort; the upload series may also hold bytes
// that drained after the phase, which belong to no measured interval.
std::vector<std::uint64_t> trim(std::vector<std::uint64_t> bins, double bin_s, double phase_s) {
  const auto keep = static_cast<std::size_t>(phase_s / bin_s);
  if (bins.size() > keep) bins.resize(keep);
  if (!bins.empty()) bins.pop_back();
  return bins;
}

// When the streams moved their whole capped volume in under a steady window, the mean rate
// over the series is a lower bound of the link's: enough to say "faster than anything the
// exam needs" rather than nothing.
std::optional<double> outran_rate_bps(const std::vector<std::uint64_t>& bins, double bin_s) {
  std::uint64_t total = 0;
  for (auto b : bins) total += b;
  if (bins.empty() || total == 0) return std::nullopt;
  return static_cast<double>(total) * 8.0 / (static_cast<double>(bins.size()) * bin_s);
}

std::string lower_bound_source(int streams, const std::vector<std::uint64_t>& bins, double bin_s) {
  return fmt::format("lower bound: {} streams moved their whole volume in {:.2f} s", streams,
                     static_cast<double>(bins.size()) * bin_s);
}

// A throughput figure and the window it was read from. A phase that ended at its limit
// with the rate still changing is read from its second half (summarize_throughput never
// cuts more): a loss-based sender (CUBIC, reno) overshoots in slow start and its streams'
// rate then falls for seconds, so the window from the ramp-up on averages in the early,
// faster part. Reno at 20 Mbit/s, 40 ms RTT, 1 % loss (docs/NETWORK_METHOD.md): the download
// read 0.77-0.99 of the link from 0.5 s on, 0.68-0.85 over the second half, iperf3 over
// about the same seconds 0.70-0.81. Still above the long-run rate: the figure keeps its low
// confidence.
struct Reading {
  ThroughputSummary figure;
  std::optional<ThroughputSummary> from_ramp;  // the whole window, when the figure is the half
};

std::optional<Reading> read_phase(const std::vector<std::uint64_t>& bins, double bin_s,
                                  PhaseEnd end) {
  auto from_ramp = summarize_throughput(bins, bin_s);
  if (!from_ramp) return std::nullopt;
  if (end != PhaseEnd::kLimit) return Reading{*from_ramp, {}};
  const double series_s = static_cast<double>(bins.size()) * bin_s;
  auto half = summarize_throughput(bins, bin_s, series_s / 2);
  if (!half) return Reading{*from_ramp, {}};
  return Reading{*half, from_ramp};
}

// Which way a rate still changing went: its second half against the whole window.
std::string_view change_word(const Reading& r) {
  const double ratio = r.figure.steady_bps / r.from_ramp->steady_bps;
  return ratio < 0.97 ? "falling" : ratio > 1.03 ? "rising" : "changing";
}

// The steady window and how the phase ended, for a throughput figure's source.
std::string steady_window_text(const Reading& r, PhaseEnd end, double phase_s) {
  const ThroughputSummary& t = r.figure;
  if (end == PhaseEnd::kLimit && r.from_ramp) {
    return fmt::format(
        "low confidence: rate still {} when the {:.1f} s phase ended ({:.2f} Mbit/s from {:.2f} "
        "s on); read from its last {:.2f} s",
        change_word(r), phase_s, r.from_ramp->steady_bps / 1e6, r.from_ramp->steady_start_s,
        t.steady_seconds);
  }
  std::string text = fmt::format("{:.2f} s steady window after {:.2f} s ramp-up", t.steady_seconds,
                                 t.steady_start_s);
  if (end == PhaseEnd::kSettled) text += ", rate settled";
  if (end == PhaseEnd::kLimit) {
    text = fmt::format("low confidence: rate still changing when the {:.1f} s phase ended; {}",
                       phase_s, text);
  } else if (end == PhaseEnd::kSettled && t.steady_seconds < SettlePolicy{}.min_steady_s - 1e-9) {
    // Settled by the live count, but the series the figure is read from came out shorter
    // (the collector's complete part of the upload ends at the slowest stream's last read).
    text = fmt::format("low confidence: a steady window under {:.1f} s; {}",
                       SettlePolicy{}.min_steady_s, text);
  }
  return text;
}

// Mathis et al.: one TCP stream's ceiling under random loss, MSS * 1.22 / (RTT * sqrt(p)).
double single_stream_ceiling_bps(double rtt_ms, double loss) {
  return 1448.0 * 8 * 1.22 / (rtt_ms / 1000.0 * std::sqrt(loss));
}

void emit_connection(MeasurementList& ctx, const Samples& s) {
  ctx.emit(MetricId::kNetworkDnsMs, s.dns_ms, s.timing_source);
  ctx.emit(MetricId::kNetworkConnectMs, s.connect_ms, s.timing_source);
  if (s.tls_ms) ctx.emit(MetricId::kNetworkTlsMs, *s.tls_ms, s.timing_source);
  ctx.emit(
      MetricId::kNetworkHttpVersion, s.http_version,
      s.tls_ms ? "negotiated over TLS (ALPN)" : "cleartext: HTTP/2 is asked for over TLS only");
}

void emit_idle_latency(MeasurementList& ctx, const Samples& s,
                       const std::optional<RttSummary>& idle) {
  if (idle) {
    const std::string source = fmt::format("{} pings over HTTP/{} to {} ({})", idle->samples,
                                           s.http_version, s.server_ip, s.rtt_timing);
    ctx.emit(MetricId::kNetworkRttMedianMs, idle->median_ms, source);
    ctx.emit(MetricId::kNetworkRttP90Ms, idle->p90_ms, source);
    if (idle->samples > 1) ctx.emit(MetricId::kNetworkJitterMs, idle->jitter_ms, source);
  }
  if (const std::size_t asked = s.idle_rtts_ms.size() + s.idle_lost; asked > 0) {
    ctx.emit(MetricId::kNetworkRequestLossRatio,
             static_cast<double>(s.idle_lost) / static_cast<double>(asked),
             fmt::format("{} of {} pings timed out", s.idle_lost, asked));
  }
  if (s.clock_skew_ms)
    ctx.emit(MetricId::kNetworkClockSkewMs, *s.clock_skew_ms, "server time of the fastest ping");
}

// Returns the upstream loss ratio the echo measured, for the single-stream warning.
std::optional<double> emit_loss(MeasurementList& ctx, const Samples& s) {
  if (s.echo) {
    const auto loss = summarize_echo(*s.echo);
    if (!loss) return std::nullopt;
    const std::string source =
        fmt::format("UDP echo: up {:.2f}% of {}, down {:.2f}% of {} (worse direction)",
                    loss->up_ratio * 100, loss->up_n, loss->down_ratio * 100, loss->down_n);
    ctx.emit(MetricId::kNetworkPacketLossRatio, loss->ratio(), source);
    ctx.emit(MetricId::kNetworkLossUpperBound, loss->upper(),
             "one-sided 95% Clopper-Pearson, " + source);
    return loss->up_ratio;
  }
  if (s.upload_segs_out > 0) {
    // Without the echo only the upload's own retransmissions remain: they include the
    // drops of a full bottleneck queue, so this overstates random loss.
    const double ratio =
        static_cast<double>(s.upload_retrans) / static_cast<double>(s.upload_segs_out);
    ctx.emit(
        MetricId::kNetworkPacketLossRatio, ratio,
        fmt::format("TCP retransmissions of the upload ({} of {} segments; UDP echo unavailable)",
                    s.upload_retrans, s.upload_segs_out));
  }
  return std::nullopt;
}

void emit_download(MeasurementList& ctx, const Samples& s, const PhasePlan& plan) {
  if (auto down =
          read_phase(trim(s.download_bins, s.bin_s, plan.download_s), s.bin_s, plan.download_end)) {
    const std::string source =
        fmt::format("{} streams, {}, {}", plan.streams, s.download_source,
                    steady_window_text(*down, plan.download_end, plan.download_s));
    ctx.emit(MetricId::kNetworkDownloadBps, down->figure.steady_bps, source);
    ctx.emit(MetricId::kNetworkDownloadSteadyS, down->figure.steady_seconds, source);
  } else if (auto floor = outran_rate_bps(s.download_bins, s.bin_s); floor && s.download_outran) {
    ctx.emit(MetricId::kNetworkDownloadBps, *floor,
             lower_bound_source(plan.streams, s.download_bins, s.bin_s));
  }
}

// Returns the warning about single-stream uploads under loss, or "".
std::string emit_upload(MeasurementList& ctx, const Samples& s, const PhasePlan& plan,
                        const std::optional<RttSummary>& idle,
                        std::optional<double> upstream_loss) {
  const auto reading = read_phase(trim(s.upload_bins, s.upload_bin_s, plan.upload_s),
                                  s.upload_bin_s, plan.upload_end);
  if (!reading) {
    if (auto floor = outran_rate_bps(s.upload_bins, s.upload_bin_s); floor && s.upload_outran) {
      const std::string source = lower_bound_source(plan.streams, s.upload_bins, s.upload_bin_s);
      ctx.emit(MetricId::kNetworkUploadBps, *floor, source);
      ctx.emit(MetricId::kNetworkUploadLowBps, *floor, source);
    }
    return {};
  }
  const std::string source =
      fmt::format("{} streams, counted at the server, {}", plan.streams,
                  steady_window_text(*reading, plan.upload_end, plan.upload_s));
  const ThroughputSummary& up = reading->figure;
  ctx.emit(MetricId::kNetworkUploadBps, up.steady_bps, source);
  ctx.emit(MetricId::kNetworkUploadSteadyS, up.steady_seconds, source);
  ctx.emit(MetricId::kNetworkUploadLowBps, up.low_bps, source);
  ctx.emit(MetricId::kNetworkThroughputCv, up.cv, "250 ms windows of the upload");
  ctx.emit(MetricId::kNetworkStallCount, up.stalls, "250 ms windows of the upload");
  if (!idle || !upstream_loss || *upstream_loss <= 0) return {};
  const double ceiling = single_stream_ceiling_bps(idle->median_ms, *upstream_loss);
  if (ceiling >= up.steady_bps / 2) return {};
  return fmt::format("upstream loss {:.1f}% would hold a single-stream upload near {:.1f} Mbit/s.",
                     *upstream_loss * 100, ceiling / 1e6);
}

void emit_loaded_latency(MeasurementList& ctx, const Samples& s) {
  const auto loaded = summarize_rtts(s.loaded_rtts_ms);
  if (!loaded) return;
  const std::string source =
      fmt::format("{} pings during the upload ({})", loaded->samples, s.rtt_timing);
  ctx.emit(MetricId::kNetworkLoadedRttMs, loaded->median_ms, source);
  if (loaded->median_ms > 0)
    ctx.emit(MetricId::kNetworkResponsivenessRpm, 60000.0 / loaded->median_ms, source);
}

}  // namespace

std::string emit_network_figures(MeasurementList& ctx, const Samples& s, const PhasePlan& plan) {
  emit_connection(ctx, s);
  const auto idle = summarize_rtts(s.idle_rtts_ms);
  emit_idle_latency(ctx, s, idle);
  const std::optional<double> upstream_loss = emit_loss(ctx, s);
  emit_download(ctx, s, plan);
  std::string warnings = emit_upload(ctx, s, plan, idle, upstream_loss);
  emit_loaded_latency(ctx, s);
  return warnings;
}

}  // namespace examready::core::net
