// Bytes counted when an application reads them come in chunks: a browser's fetch() stream
// hands over up to 64 KiB at a time, a TLS server reads whole 16 KiB records. Counted at the
// read, a 1 Mbit/s download is two 64 KiB steps a second: 250 ms windows swing between
// nothing and double, the series shows stalls that are not there, its rate never settles and
// a window's ends cut chunks in half (the web check read 4-5 % low at 1-2 Mbit/s).
// A read's bytes arrived over the time since its stream's previous read, so they are spread
// evenly over that gap, stream by stream (each stream's reads follow its own chunks), and a
// series is only read up to the time every stream's bytes are in it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace examready::core::net {

// One stream's reads, in order, spread as they come (the collector feeds it as bytes arrive).
class ReadSpreader {
 public:
  struct Span {
    double from_s = 0;
    double to_s = 0;
  };
  // A stream that started at `start_s` (the request went out; seconds on the series' clock).
  explicit ReadSpreader(double start_s = 0) : last_s_(start_s) {}

  // The span a read at `t_s` (not before the previous one) covers: back to the stream's
  // previous read, but no longer than its patience. A silence longer than that is a stall,
  // and stays one in the series instead of being smoothed over.
  Span on_read(double t_s);
  // The stream's next bytes began flowing at `t_s` (a new response's headers came): they are
  // spread from there, not back over the request's round trip.
  void restart(double t_s);

  double last_read_s() const { return last_s_; }
  bool has_read() const { return reads_ > 0; }
  // How long this stream may stay silent while a chunk fills: kPatience times its typical
  // gap between reads, and never more than kMaxSpan_s (nor before its first gap is known).
  double patience_s() const;

  static constexpr double kPatience = 3.0;
  // 64 KiB in 4 s is 0.13 Mbit/s on one stream. The bound also keeps the collector's work
  // per read small (80 bins at most) whatever a client's reads look like.
  static constexpr double kMaxSpan_s = 4.0;
  // Reads closer than this to the previous one came in the same burst and share its span.
  static constexpr double kBurst_s = 0.002;

 private:
  double last_s_;
  Span last_span_;
  double typical_gap_s_ = 0;  // a running mean of the gaps between bursts
  int gaps_ = 0;
  int reads_ = 0;
};

// Adds `bytes` spread evenly over `span` to `bins` of `bin_s` from time 0, growing it up to
// `max_bins` (bytes that fall beyond are left out). A span that begins before 0 is cut to
// start at 0 and keeps all its bytes. The sum of the bins grows by exactly the bytes that
// fall inside.
void spread_bytes(std::vector<std::uint64_t>& bins, double bin_s, ReadSpreader::Span span,
                  std::uint64_t bytes, std::size_t max_bins);

// The time up to which the streams' bytes are all in the series: the earliest last read of a
// stream that may still deliver. A stream silent for longer than its patience before the
// latest read of any stream has stopped (its request ended or failed) and holds nothing back.
// nullopt when no stream has read anything.
std::optional<double> accounted_until(std::span<const ReadSpreader> streams);
// The same, for the `pending` streams of a set whose latest read (finished streams
// included) was at `latest_s`; nullopt when none of them holds anything back.
std::optional<double> accounted_until(std::span<const ReadSpreader> pending, double latest_s);
// The whole bins of `bin_s` that end by `until_s` (0 for a negative time).
std::size_t bins_until(double until_s, double bin_s);

// One read: `bytes` handed over `t_s` seconds after the phase started; 0 bytes marks a
// response's headers (ReadSpreader::restart).
struct Read {
  double t_s = 0;
  std::uint64_t bytes = 0;
};
// What the core takes of the web page's reads: 16 streams of 100,000 reads each.
inline constexpr std::size_t kMaxReadStreams = 16;
inline constexpr std::size_t kMaxReadsPerStream = 100'000;

// A stream's reads as the web page sends them, flat [t_ms, bytes, t_ms, bytes, ...]; a pair
// that is not two sane numbers (NaN, negative, t past 10 minutes) is skipped. At most
// `max_reads`.
std::vector<Read> reads_from_pairs(std::span<const double> flat,
                                   std::size_t max_reads = kMaxReadsPerStream);

// Streams' reads (each in time order) as bytes per `bin_s` bin from the phase start, spread
// as above and cut where every stream still delivering is accounted for (a whole bin).
// At most `max_bins` bins.
std::vector<std::uint64_t> bins_from_reads(std::span<const std::vector<Read>> streams, double bin_s,
                                           std::size_t max_bins = 6000);

}  // namespace examready::core::net
