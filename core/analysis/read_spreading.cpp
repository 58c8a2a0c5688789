// Chunked reads spread back over the time their bytes took to arrive.
#include "core/analysis/read_spreading.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace examready::core::net {

double ReadSpreader::patience_s() const {
  return gaps_ == 0 ? kMaxSpan_s : std::min(kPatience * typical_gap_s_, kMaxSpan_s);
}

ReadSpreader::Span ReadSpreader::on_read(double t_s) {
  const double t = std::max(t_s, last_s_);
  ++reads_;
  // Reads in one burst (a socket read that held several TLS records, a reader's queued
  // chunks) arrived over the same time as the first of them.
  if (reads_ > 1 && t - last_s_ < kBurst_s) return last_span_;
  const double gap = std::min(t - last_s_, patience_s());
  if (gap >= kBurst_s) {
    // A stall's length is not the stream's rhythm: the mean follows the gap as spread.
    typical_gap_s_ = gaps_ == 0 ? gap : typical_gap_s_ + 0.25 * (gap - typical_gap_s_);
    ++gaps_;
  }
  last_s_ = t;
  last_span_ = {t - gap, t};
  return last_span_;
}

void ReadSpreader::restart(double t_s) {
  last_s_ = std::max(t_s, last_s_);
  last_span_ = {last_s_, last_s_};
}

void spread_bytes(std::vector<std::uint64_t>& bins, double bin_s, ReadSpreader::Span span,
                  std::uint64_t bytes, std::size_t max_bins) {
  if (!(bin_s > 0) || bytes == 0 || !(span.to_s >= 0) || !std::isfinite(span.to_s)) return;
  double from = std::isnan(span.from_s) ? span.to_s : std::clamp(span.from_s, 0.0, span.to_s);
  double to = span.to_s;
  const double end_of_series = static_cast<double>(max_bins) * bin_s;
  if (from >= end_of_series) return;
  if (to > end_of_series) {  // only the share that falls inside
    bytes = static_cast<std::uint64_t>(static_cast<double>(bytes) * (end_of_series - from) /
                                       (to - from));
    to = end_of_series;
  }
  // Bin k covers [k, k + 1) * bin_s: a read at an instant falls in the bin that holds it, a
  // span ending on a boundary ends in the bin before it.
  const auto first = static_cast<std::size_t>(std::floor(from / bin_s));
  // A span too short to reach past its first bin's start rounds onto it: that one bin.
  const auto last =
      std::max(first, to > from ? static_cast<std::size_t>(std::ceil(to / bin_s)) - 1 : first);
  if (last >= max_bins) return;
  if (bins.size() <= last) bins.resize(last + 1, 0);
  if (first == last) {
    bins[first] += bytes;
    return;
  }
  // Whole bytes by the cumulative share at each bin's end, so nothing is lost to rounding.
  std::uint64_t given = 0;
  for (std::size_t k = first; k <= last; ++k) {
    const double end = std::min(to, static_cast<double>(k + 1) * bin_s);
    const auto share = k == last ? bytes
                                 : static_cast<std::uint64_t>(std::llround(
                                       static_cast<double>(bytes) * (end - from) / (to - from)));
    bins[k] += share - given;
    given = share;
  }
}

std::optional<double> accounted_until(std::span<const ReadSpreader> pending, double latest_s) {
  std::optional<double> until;
  for (const auto& s : pending) {
    if (s.has_read() && latest_s - s.last_read_s() <= s.patience_s()) {
      until = std::min(until.value_or(s.last_read_s()), s.last_read_s());
    }
  }
  return until;
}

std::optional<double> accounted_until(std::span<const ReadSpreader> streams) {
  double latest = -std::numeric_limits<double>::infinity();
  for (const auto& s : streams) {
    if (s.has_read()) latest = std::max(latest, s.last_read_s());
  }
  if (!std::isfinite(latest)) return std::nullopt;
  return accounted_until(streams, latest);
}

std::size_t bins_until(double until_s, double bin_s) {
  // The epsilon keeps a time computed as k * bin_s from losing its last whole bin.
  return static_cast<std::size_t>(std::max(0.0, std::floor(until_s / bin_s + 1e-9)));
}

std::vector<Read> reads_from_pairs(std::span<const double> flat, std::size_t max_reads) {
  std::vector<Read> reads;
  for (std::size_t k = 0; k + 1 < flat.size() && reads.size() < max_reads; k += 2) {
    const double t_ms = flat[k], bytes = flat[k + 1];
    if (t_ms >= 0 && t_ms < 600'000 && bytes >= 0 && bytes < 1e12) {
      reads.push_back({t_ms / 1000, static_cast<std::uint64_t>(bytes)});
    }
  }
  return reads;
}

std::vector<std::uint64_t> bins_from_reads(std::span<const std::vector<Read>> streams, double bin_s,
                                           std::size_t max_bins) {
  std::vector<std::uint64_t> bins;
  if (!(bin_s > 0)) return bins;
  std::vector<ReadSpreader> spreaders(streams.size());
  for (std::size_t i = 0; i < streams.size(); ++i) {
    for (const Read& r : streams[i]) {
      if (r.bytes == 0) {
        spreaders[i].restart(r.t_s);
      } else {
        spread_bytes(bins, bin_s, spreaders[i].on_read(r.t_s), r.bytes, max_bins);
      }
    }
  }
  const auto until = accounted_until(spreaders);
  bins.resize(std::min(bins.size(), until ? bins_until(*until, bin_s) : 0));
  return bins;
}

}  // namespace examready::core::net
