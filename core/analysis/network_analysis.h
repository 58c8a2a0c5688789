// Pure analysis of the network check's samples: RTT statistics, steady-window throughput,
// stability, loss with confidence. No I/O, so every figure is testable on fixed series.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace examready::core::net {

// Linear interpolation between closest ranks (q in [0, 1]); nullopt when empty.
std::optional<double> percentile(std::vector<double> values, double q);

struct RttSummary {
  double median_ms = 0;
  double p90_ms = 0;
  double min_ms = 0;
  double jitter_ms =
      0;  // mean absolute difference of consecutive RTTs (RFC 3550 style, unsmoothed)
  std::size_t samples = 0;
};
// `rtts_ms` in the order they were measured; nullopt when empty (jitter needs two).
std::optional<RttSummary> summarize_rtts(std::span<const double> rtts_ms);

struct ThroughputSummary {
  double steady_bps = 0;      // steady-window bytes * 8 / seconds, between its least-delayed points
  double low_bps = 0;         // 10th percentile of 500 ms bins in the steady window
  double cv = 0;              // coefficient of variation of 250 ms window rates
  std::int64_t stalls = 0;    // 250 ms windows without a single byte
  double steady_start_s = 0;  // where the ramp-up was cut
  double steady_seconds = 0;
  std::uint64_t steady_bytes = 0;
};

// `bins` are bytes per `bin_seconds` from the first byte on (the last, partial bin is the
// caller's to drop). Ramp-up is cut at the first 250 ms window boundary, no earlier than
// `min_ramp_s`, whose window rate reaches 75 % of the median window rate from there on, and
// never later than half the series. nullopt when fewer than 1 s of series or no bytes.
std::optional<ThroughputSummary> summarize_throughput(std::span<const std::uint64_t> bins,
                                                      double bin_seconds, double min_ramp_s = 0.5);

// Whether a transfer phase may end. The steady window (as summarize_throughput cuts it) is
// at least `min_steady_s` long, and:
// - its mean rate no longer moves, as networkQuality declares goodput stable: at each of the
//   last `boundaries` 250 ms window boundaries it was within `moving_tolerance` of now;
// - the rate does not trend: the rate of the last `recent_s` against the rate before it,
//   divided by the time between the two spans' centres, is within `max_trend_per_s` of the
//   mean. A moving average barely moves on a rate that climbs 2 % a second (four streams
//   recovering from loss); the trend does, and a fixed tolerance on the difference would
//   loosen the shorter the window.
// A rate that still climbs or swings keeps the phase going.
struct SettlePolicy {
  double min_steady_s = 1.5;
  int boundaries = 4;
  double moving_tolerance = 0.01;
  double recent_s = 1.0;
  double max_trend_per_s = 0.015;
};
bool throughput_settled(std::span<const std::uint64_t> bins, double bin_seconds,
                        const SettlePolicy& policy = {});

// A running byte counter read at times t_s (seconds from the phase start, increasing), e.g.
// the kernel's tcpi_bytes_received: turned into bytes per bin by linear interpolation, so
// the figure does not depend on when the application got to read its sockets.
struct CumulativeSample {
  double t_s = 0;
  std::uint64_t bytes = 0;
};
// Bins cover [0, last sample); an implicit (0, 0) sample starts the series.
std::vector<std::uint64_t> bins_from_cumulative(std::span<const CumulativeSample> samples,
                                                double bin_s);

// The receiver's in-order byte count stalls behind every hole a lost packet leaves while the
// data behind it keeps arriving, then jumps when the retransmission fills it: at 50 Mbit/s
// with 1 % loss a window edge can fall on a megabyte held back. Data segments are counted
// on arrival, in or out of order. So arrivals are timed by segment count and scaled by the
// bytes per segment between two samples where no hole was pending (not by a cumulative
// ratio: the short header segments at the start held that 1.4 % low).
// Samples are (t, bytes_received, data_segs_in).
struct ReceiverSample {
  double t_s = 0;
  std::uint64_t bytes_received = 0;
  std::uint64_t data_segs_in = 0;
};
std::vector<CumulativeSample> arrivals_from_segments(std::span<const ReceiverSample> samples);
// The same for several connections sampled at the same times, each scaled by its own
// anchors, the arrivals summed. The sum of four streams' counts will not do: at 2 % loss
// one of the four nearly always waits on a retransmission (a lost one waits for a timeout),
// so the sum has no hole-free moment and the scale read 3 % low.
std::vector<CumulativeSample> arrivals_from_streams(
    std::span<const std::vector<ReceiverSample>> streams);

// One-sided Clopper-Pearson upper bound of a binomial proportion: the largest loss ratio
// still consistent (at `confidence`) with seeing `lost` of `n`. n == 0 gives 1.
double loss_upper_bound(std::uint64_t n, std::uint64_t lost, double confidence = 0.95);

struct EchoCounts {
  std::uint64_t sent = 0;             // requests sent up to and including the last echoed seq
  std::uint64_t server_received = 0;  // server's count when it echoed that seq
  std::uint64_t echoes_received = 0;  // replies for seq <= that seq
};
struct LossSummary {
  double up_ratio = 0, down_ratio = 0;
  double up_upper = 1, down_upper = 1;
  std::uint64_t up_n = 0, down_n = 0;
  // The worse direction, and its bound: what an upload of video actually meets.
  double ratio() const { return up_ratio > down_ratio ? up_ratio : down_ratio; }
  double upper() const { return up_ratio > down_ratio ? up_upper : down_upper; }
};
std::optional<LossSummary> summarize_echo(const EchoCounts& counts);

}  // namespace examready::core::net
