// Pure analysis of the network check's samples.
#include "core/analysis/network_analysis.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace examready::core::net {

std::optional<double> percentile(std::vector<double> values, double q) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const double rank = std::clamp(q, 0.0, 1.0) * static_cast<double>(values.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(rank));
  const auto hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (values[hi] - values[lo]) * (rank - static_cast<double>(lo));
}

std::optional<RttSummary> summarize_rtts(std::span<const double> rtts_ms) {
  if (rtts_ms.empty()) return std::nullopt;
  std::vector<double> v(rtts_ms.begin(), rtts_ms.end());
  RttSummary s;
  s.samples = v.size();
  s.median_ms = *percentile(v, 0.5);
  s.p90_ms = *percentile(v, 0.9);
  s.min_ms = *std::min_element(v.begin(), v.end());
  double sum = 0;
  for (std::size_t i = 1; i < v.size(); ++i) sum += std::abs(v[i] - v[i - 1]);
  s.jitter_ms = v.size() > 1 ? sum / static_cast<double>(v.size() - 1) : 0;
  return s;
}

namespace {

// Bins in one 250 ms window, the unit the steady window is cut and judged in.
std::size_t bins_per_window(double bin_seconds) {
  return std::max<std::size_t>(1, static_cast<std::size_t>(std::lround(0.25 / bin_seconds)));
}

// Sums consecutive groups of `per` bins (a trailing partial group is dropped).
std::vector<double> regroup(std::span<const std::uint64_t> bins, std::size_t per) {
  std::vector<double> out;
  for (std::size_t i = 0; per > 0 && i + per <= bins.size(); i += per) {
    out.push_back(static_cast<double>(
        std::accumulate(bins.begin() + static_cast<std::ptrdiff_t>(i),
                        bins.begin() + static_cast<std::ptrdiff_t>(i + per), std::uint64_t{0})));
  }
  return out;
}

}  // namespace

std::optional<ThroughputSummary> summarize_throughput(std::span<const std::uint64_t> bins,
                                                      double bin_seconds, double min_ramp_s) {
  if (bin_seconds <= 0) return std::nullopt;
  const std::size_t per_window = bins_per_window(bin_seconds);
  const double window_s = static_cast<double>(per_window) * bin_seconds;
  const std::vector<double> windows = regroup(bins, per_window);
  if (static_cast<double>(windows.size()) * window_s < 1.0) return std::nullopt;

  std::size_t start = static_cast<std::size_t>(std::ceil(min_ramp_s / window_s - 1e-9));
  const std::size_t latest = windows.size() / 2;
  start = std::min(start, latest);
  for (; start < latest; ++start) {
    std::vector<double> rest(windows.begin() + static_cast<std::ptrdiff_t>(start), windows.end());
    if (windows[start] >= 0.75 * *percentile(rest, 0.5)) break;
  }
  const std::span<const double> steady(windows.data() + start, windows.size() - start);
  ThroughputSummary s;
  s.steady_start_s = static_cast<double>(start) * window_s;
  s.steady_seconds = static_cast<double>(steady.size()) * window_s;
  const double bytes = std::accumulate(steady.begin(), steady.end(), 0.0);
  if (bytes <= 0) return std::nullopt;
  s.steady_bytes = static_cast<std::uint64_t>(bytes);
  s.steady_bps = bytes * 8 / s.steady_seconds;

  const double mean = bytes / static_cast<double>(steady.size());
  double var = 0;
  for (double w : steady) {
    var += (w - mean) * (w - mean);
    if (w == 0) s.stalls++;
  }
  s.cv = steady.size() > 1 ? std::sqrt(var / static_cast<double>(steady.size() - 1)) / mean : 0;

  // 500 ms bins over the same steady span.
  const std::size_t first_bin = start * per_window;
  const std::vector<double> halves = regroup(bins.subspan(first_bin), per_window * 2);
  std::vector<double> half_rates;
  for (double b : halves) half_rates.push_back(b * 8 / (2 * window_s));
  s.low_bps = half_rates.empty() ? s.steady_bps : *percentile(half_rates, 0.1);
  return s;
}

namespace {

// The steady window's mean at each of the last `boundaries` window ends, against its mean now.
bool mean_stopped_moving(std::span<const double> windows, const SettlePolicy& policy) {
  const auto boundaries = static_cast<std::size_t>(std::max(policy.boundaries, 1));
  if (windows.size() <= boundaries) return false;
  const double total = std::accumulate(windows.begin(), windows.end(), 0.0);
  const double now = total / static_cast<double>(windows.size());
  double sum = total;
  for (std::size_t back = 1; back <= boundaries; ++back) {
    sum -= windows[windows.size() - back];
    const double then = sum / static_cast<double>(windows.size() - back);
    if (std::abs(then - now) > policy.moving_tolerance * now) return false;
  }
  return true;
}

// The rate's trend: the last `recent_s` against the time before it, per second between
// the two spans' centres, as a fraction of the mean.
bool no_trend(std::span<const double> windows, double window_s, const SettlePolicy& policy) {
  const auto recent = static_cast<std::size_t>(std::lround(policy.recent_s / window_s));
  if (recent == 0 || windows.size() <= recent) return false;
  const std::size_t earlier = windows.size() - recent;
  const auto split = windows.begin() + static_cast<std::ptrdiff_t>(earlier);
  const double before = std::accumulate(windows.begin(), split, 0.0) / static_cast<double>(earlier);
  const double last = std::accumulate(split, windows.end(), 0.0) / static_cast<double>(recent);
  const double mean =
      std::accumulate(windows.begin(), windows.end(), 0.0) / static_cast<double>(windows.size());
  const double centres_apart_s = static_cast<double>(windows.size()) * window_s / 2;
  return mean > 0 && std::abs(last - before) / centres_apart_s <= policy.max_trend_per_s * mean;
}

}  // namespace

bool throughput_settled(std::span<const std::uint64_t> bins, double bin_seconds,
                        const SettlePolicy& policy) {
  const auto summary = summarize_throughput(bins, bin_seconds);
  if (!summary || summary->steady_seconds < policy.min_steady_s - 1e-9) return false;
  const std::size_t per_window = bins_per_window(bin_seconds);
  const auto first = static_cast<std::size_t>(std::lround(summary->steady_start_s / bin_seconds));
  const std::vector<double> windows = regroup(bins.subspan(first), per_window);
  return mean_stopped_moving(windows, policy) &&
         no_trend(windows, static_cast<double>(per_window) * bin_seconds, policy);
}

std::vector<std::uint64_t> bins_from_cumulative(std::span<const CumulativeSample> samples,
                                                double bin_s) {
  std::vector<std::uint64_t> bins;
  if (samples.empty() || bin_s <= 0) return bins;
  std::vector<CumulativeSample> points{{0, 0}};
  for (const auto& s : samples) {
    if (s.t_s > points.back().t_s && s.bytes >= points.back().bytes) points.push_back(s);
  }
  auto at = [&](double t) {
    auto it = std::lower_bound(points.begin(), points.end(), t,
                               [](const CumulativeSample& p, double x) { return p.t_s < x; });
    if (it == points.end()) return static_cast<double>(points.back().bytes);
    if (it == points.begin()) return static_cast<double>(it->bytes);
    const auto& b = *it;
    const auto& a = *(it - 1);
    return static_cast<double>(a.bytes) +
           static_cast<double>(b.bytes - a.bytes) * (t - a.t_s) / (b.t_s - a.t_s);
  };
  const auto count = static_cast<std::size_t>(points.back().t_s / bin_s);
  double previous = 0;
  for (std::size_t k = 1; k <= count && k < 100000; ++k) {
    const double c = at(static_cast<double>(k) * bin_s);
    bins.push_back(static_cast<std::uint64_t>(std::llround(c - previous)));
    previous = static_cast<double>(std::llround(c));
  }
  return bins;
}

std::vector<CumulativeSample> arrivals_from_segments(std::span<const ReceiverSample> samples) {
  std::vector<CumulativeSample> out;
  for (const auto& s : samples) out.push_back({s.t_s, s.bytes_received});
  // Early samples hold a handful of segments, headers among them: not yet representative.
  std::vector<const ReceiverSample*> counted;
  double estimate = 0;  // a first guess, low by the short segments (headers) seen so far
  for (const auto& s : samples) {
    if (s.data_segs_in < 64) continue;
    counted.push_back(&s);
    estimate = std::max(
        estimate, static_cast<double>(s.bytes_received) / static_cast<double>(s.data_segs_in));
  }
  if (counted.size() < 2) return out;
  // A pending hole only ever holds the in-order count back, so among the first and the
  // last quarter of the samples, the one whose count runs furthest ahead of the estimate
  // had none. Bytes per segment between those two anchors is the steady figure; refining
  // the estimate once makes the choice of anchors independent of its starting bias.
  const std::size_t quarter = std::max<std::size_t>(1, counted.size() / 4);
  const ReceiverSample* first = counted.front();
  const ReceiverSample* last = counted.back();
  for (int round = 0; round < 2; ++round) {
    auto lead = [&](const ReceiverSample* s) {
      return static_cast<double>(s->bytes_received) -
             estimate * static_cast<double>(s->data_segs_in);
    };
    auto best = [&](std::size_t from, std::size_t to) {
      const ReceiverSample* pick = counted[from];
      for (std::size_t i = from; i < to; ++i) {
        if (lead(counted[i]) > lead(pick)) pick = counted[i];
      }
      return pick;
    };
    first = best(0, quarter);
    last = best(counted.size() - quarter, counted.size());
    if (last->data_segs_in <= first->data_segs_in + 16) return out;
    estimate = static_cast<double>(last->bytes_received - first->bytes_received) /
               static_cast<double>(last->data_segs_in - first->data_segs_in);
  }
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const double arrived =
        static_cast<double>(first->bytes_received) +
        (static_cast<double>(samples[i].data_segs_in) - static_cast<double>(first->data_segs_in)) *
            estimate;
    out[i].bytes = static_cast<std::uint64_t>(std::max(0.0, arrived));
  }
  return out;
}

namespace {

// log of the binomial CDF P(X <= k) for X ~ Bin(n, p), summed in log space.
double binomial_cdf(std::uint64_t n, std::uint64_t k, double p) {
  if (p <= 0) return 1;
  if (p >= 1) return k >= n ? 1 : 0;
  const double ln_p = std::log(p), ln_q = std::log1p(-p);
  const double nn = static_cast<double>(n);
  double total = 0;
  for (std::uint64_t i = 0; i <= k && i <= n; ++i) {
    const double x = static_cast<double>(i);
    const double ln_term = std::lgamma(nn + 1) - std::lgamma(x + 1) - std::lgamma(nn - x + 1) +
                           x * ln_p + (nn - x) * ln_q;
    total += std::exp(ln_term);
  }
  return std::min(total, 1.0);
}

}  // namespace

std::vector<CumulativeSample> arrivals_from_streams(
    std::span<const std::vector<ReceiverSample>> streams) {
  std::vector<CumulativeSample> total;
  for (std::size_t s = 0; s < streams.size(); ++s) {
    const auto arrivals = arrivals_from_segments(streams[s]);
    if (s == 0) {
      total = arrivals;
      continue;
    }
    for (std::size_t i = 0; i < std::min(total.size(), arrivals.size()); ++i) {
      total[i].bytes += arrivals[i].bytes;
    }
    total.resize(std::min(total.size(), arrivals.size()));
  }
  return total;
}

double loss_upper_bound(std::uint64_t n, std::uint64_t lost, double confidence) {
  if (n == 0 || lost >= n) return 1;
  const double alpha = 1 - confidence;
  if (lost == 0) return 1 - std::pow(alpha, 1.0 / static_cast<double>(n));
  // P(X <= lost) decreases in p: bisect for the p where it equals alpha.
  double lo = static_cast<double>(lost) / static_cast<double>(n), hi = 1;
  for (int i = 0; i < 60; ++i) {
    const double mid = (lo + hi) / 2;
    (binomial_cdf(n, lost, mid) > alpha ? lo : hi) = mid;
  }
  return hi;
}

std::optional<LossSummary> summarize_echo(const EchoCounts& c) {
  if (c.sent == 0 || c.server_received == 0) return std::nullopt;
  LossSummary s;
  const std::uint64_t received = std::min(c.server_received, c.sent);
  const std::uint64_t echoed = std::min(c.echoes_received, received);
  s.up_n = c.sent;
  s.down_n = received;
  s.up_ratio = static_cast<double>(c.sent - received) / static_cast<double>(c.sent);
  s.down_ratio = static_cast<double>(received - echoed) / static_cast<double>(received);
  s.up_upper = loss_upper_bound(c.sent, c.sent - received);
  s.down_upper = loss_upper_bound(received, received - echoed);
  return s;
}

}  // namespace examready::core::net
