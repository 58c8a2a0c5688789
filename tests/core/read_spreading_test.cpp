// Chunked reads spread back over the time their bytes took to arrive (read_spreading.h).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <numeric>
#include <vector>

#include "core/analysis/network_analysis.h"
#include "core/analysis/read_spreading.h"

using namespace examready::core::net;

namespace {

constexpr double kBin = 0.05;

std::uint64_t sum(const std::vector<std::uint64_t>& bins) {
  return std::accumulate(bins.begin(), bins.end(), std::uint64_t{0});
}

// `streams` streams sharing `bps` (stream i at 1 + 0.1 * (i - mid) / mid of an even share, so
// that their reads drift apart as real streams' do), each handing over whole `chunk`s as they
// fill (the browser's fetch() reader, a TLS record), from 0 for `seconds`.
std::vector<std::vector<Read>> chunked(double bps, int streams, std::uint64_t chunk,
                                       double seconds) {
  std::vector<std::vector<Read>> out(static_cast<std::size_t>(streams));
  const double mid = (streams - 1) / 2.0;
  for (int i = 0; i < streams; ++i) {
    const double share = streams > 1 ? 1 + 0.1 * (i - mid) / mid : 1;
    const double every_s = static_cast<double>(chunk) / (bps / 8 / streams * share);
    for (double t = every_s; t < seconds; t += every_s) {
      out[static_cast<std::size_t>(i)].push_back({t, chunk});
    }
  }
  return out;
}

// The same reads counted at the instant of the read, as the web check did before.
std::vector<std::uint64_t> counted_at_read(const std::vector<std::vector<Read>>& streams) {
  std::vector<std::uint64_t> bins;
  for (const auto& stream : streams) {
    for (const Read& r : stream) spread_bytes(bins, kBin, {r.t_s, r.t_s}, r.bytes, 6000);
  }
  return bins;
}

}  // namespace

TEST_CASE("spreading keeps every byte and splits a span by time") {
  std::vector<std::uint64_t> bins;
  spread_bytes(bins, kBin, {0.0, 0.1}, 1000, 100);  // two whole bins
  CHECK(bins == std::vector<std::uint64_t>{500, 500});
  spread_bytes(bins, kBin, {0.025, 0.125}, 1001, 100);  // a quarter, half, a quarter
  CHECK(sum(bins) == 2001);
  CHECK(bins[0] == 500 + 250);
  CHECK(bins[2] == 250);
  spread_bytes(bins, kBin, {0.2, 0.2}, 7, 100);  // an instant: the bin that holds it
  CHECK(bins[4] == 7);
  spread_bytes(bins, kBin, {-1.0, 0.05}, 100, 100);  // before the series began: all in bin 0
  CHECK(bins[0] == 850);
  SECTION("nothing past the series' end, and only the share inside") {
    std::vector<std::uint64_t> capped;
    spread_bytes(capped, kBin, {0.0, 0.2}, 400, 2);
    CHECK(capped == std::vector<std::uint64_t>{100, 100});
    spread_bytes(capped, kBin, {5.0, 6.0}, 400, 2);
    CHECK(sum(capped) == 200);
  }
}

TEST_CASE("a stream's silence longer than its patience stays a stall") {
  ReadSpreader s;
  for (int k = 1; k <= 10; ++k) (void)s.on_read(0.1 * k);  // every 100 ms
  CHECK(s.patience_s() == Approx(0.3));
  const auto span = s.on_read(2.0);  // 1 s of nothing, then a chunk
  CHECK(span.from_s == Approx(1.7));
  CHECK(span.to_s == Approx(2.0));
  SECTION("however slow the reads, a span is at most 4 s (bounded work per read)") {
    ReadSpreader slow;
    for (double t : {10.0, 40.0, 100.0}) {
      const auto s2 = slow.on_read(t);
      CHECK(s2.to_s - s2.from_s <= ReadSpreader::kMaxSpan_s);
    }
  }
}

TEST_CASE("a response's bytes are spread from its headers, not over the request's round trip") {
  const std::vector<std::vector<Read>> streams = {{{0.4, 0}, {1.4, 50'000}, {2.4, 50'000}}};
  const auto bins = bins_from_reads(streams, kBin);
  REQUIRE(bins.size() == 48);
  CHECK(bins[7] == 0);  // before the headers
  CHECK(bins[8] == 2500);
  CHECK(bins[47] == 2500);
}

TEST_CASE("a slow link read in 64 KiB chunks: spread, its rate is steady and right") {
  // At 1 Mbit/s each of four streams hands over 64 KiB about every 2.1 s.
  for (const double mbit : {1.0, 2.0, 5.0}) {
    CAPTURE(mbit);
    const auto streams = chunked(mbit * 1e6, 4, 65536, 8.0);
    const auto at_read = counted_at_read(streams);
    const auto spread = bins_from_reads(streams, kBin);
    // Counted at the read, the rate swings (and 1 Mbit/s shows stalls that are not there);
    // spread, it is steady and settles as soon as it could (1.5 s after a 0.5 s ramp-up cut).
    const auto jumpy = summarize_throughput(at_read, kBin);
    REQUIRE(jumpy);
    const auto summary = summarize_throughput(spread, kBin);
    REQUIRE(summary);
    CHECK(jumpy->cv > 0.2);
    CHECK(summary->cv < 0.03);
    CHECK(summary->steady_bps == Approx(mbit * 1e6).epsilon(0.01));
    const std::span<const std::uint64_t> first_4s(spread.data(), 80);
    CHECK(throughput_settled(first_4s, kBin));
    CHECK(summary->stalls == 0);
  }
}

TEST_CASE("a stall in a fast link stays visible once spread") {
  // 10 Mbit/s on four streams in 16 KiB records (one every 52 ms per stream), all silent
  // from 3 s to 4 s.
  auto streams = chunked(10e6, 4, 16384, 6.0);
  for (auto& stream : streams) {
    for (Read& r : stream) {
      if (r.t_s > 3.0 && r.t_s < 4.0) r.t_s = 4.0;  // the bytes come in a burst after
    }
  }
  const auto bins = bins_from_reads(streams, kBin);
  const auto summary = summarize_throughput(bins, kBin);
  REQUIRE(summary);
  CHECK(summary->stalls >= 3);  // of the four 250 ms windows of the second
}

TEST_CASE("a series is read up to where every stream still delivering is in it") {
  std::vector<std::vector<Read>> streams = {
      {{0.5, 1000}, {1.0, 1000}, {1.5, 1000}, {2.0, 1000}, {2.5, 1000}, {3.0, 1000}},
      {{0.4, 1000}, {0.9, 1000}, {1.4, 1000}, {1.9, 1000}, {2.4, 1000}},  // last read 2.4 s
      {{0.3, 1000}},  // stopped long ago (its request failed): holds nothing back
  };
  std::vector<ReadSpreader> spreaders(3);
  for (std::size_t i = 0; i < streams.size(); ++i) {
    for (const Read& r : streams[i]) (void)spreaders[i].on_read(r.t_s);
  }
  const auto until = accounted_until(spreaders);
  REQUIRE(until);
  CHECK(*until == Approx(2.4));
  CHECK(bins_from_reads(streams, kBin).size() == 48);  // 2.4 s of 50 ms bins
  CHECK_FALSE(accounted_until(std::vector<ReadSpreader>(2)));
  CHECK(bins_from_reads({}, kBin).empty());
}

TEST_CASE("reads in one burst share the span of the first") {
  ReadSpreader s;
  (void)s.on_read(0.5);
  const auto first = s.on_read(1.0);
  const auto second = s.on_read(1.001);  // the next TLS record of the same socket read
  CHECK(second.from_s == first.from_s);
  CHECK(second.to_s == first.to_s);
  CHECK(s.patience_s() == Approx(3 * 0.5));  // the burst is not a gap of its own
}

TEST_CASE("the page's read pairs: hostile numbers void their pair") {
  const std::vector<double> flat = {10,      100, -1, 5, 20, std::nan(""), 30, 1e13,
                                    700'000, 1,   40, 0, 50};
  const auto reads = reads_from_pairs(flat);
  REQUIRE(reads.size() == 2);
  CHECK(reads[0].t_s == Approx(0.01));
  CHECK(reads[0].bytes == 100);
  CHECK(reads[1].t_s == Approx(0.04));
  CHECK(reads[1].bytes == 0);  // a header mark; the odd value left at the end is dropped
  CHECK(reads_from_pairs(flat, 1).size() == 1);
}

TEST_CASE("bins_from_reads stops at max_bins") {
  const std::vector<std::vector<Read>> streams = {{{1.0, 1000}, {2.0, 1000}, {3.0, 1000}}};
  const auto bins = bins_from_reads(streams, kBin, 30);
  CHECK(bins.size() == 30);
  CHECK(sum(bins) == 1500);  // the first read's 1 s and half of the second's
}
