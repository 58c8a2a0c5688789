// The network check's pure analysis: RTT statistics, steady-window throughput, loss bounds.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/analysis/network_analysis.h"

using namespace examready::core::net;

TEST_CASE("percentile interpolates between closest ranks") {
  CHECK_FALSE(percentile({}, 0.5));
  CHECK(*percentile({4, 1, 3, 2}, 0.5) == Approx(2.5));
  CHECK(*percentile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.9) == Approx(9.1));
  CHECK(*percentile({7}, 0.1) == Approx(7));
}

TEST_CASE("RTT summary: median, p90 and jitter as mean absolute consecutive difference") {
  const std::vector<double> rtts = {20, 22, 21, 25, 20};
  auto s = summarize_rtts(rtts);
  REQUIRE(s);
  CHECK(s->samples == 5);
  CHECK(s->median_ms == Approx(21));
  CHECK(s->min_ms == Approx(20));
  CHECK(s->jitter_ms == Approx((2 + 1 + 4 + 5) / 4.0));
  CHECK_FALSE(summarize_rtts({}));
}

TEST_CASE("steady throughput excludes the ramp-up and reads the plateau") {
  // 0.5 s of slow start, then 10 Mbit/s: 62500 bytes per 50 ms bin.
  std::vector<std::uint64_t> bins = {1000,  4000,  8000,  16000, 30000,
                                     45000, 60000, 62500, 62500, 62500};
  for (int i = 0; i < 40; ++i) bins.push_back(62500);
  auto s = summarize_throughput(bins, 0.05);
  REQUIRE(s);
  CHECK(s->steady_start_s >= 0.5);
  CHECK(s->steady_bps == Approx(10e6).epsilon(0.01));
  CHECK(s->low_bps == Approx(10e6).epsilon(0.01));
  CHECK(s->cv < 0.01);
  CHECK(s->stalls == 0);
}

TEST_CASE("a stall and its catch-up inside the window average out") {
  // 10 Mbit/s on the wire, but the counter paused (loss recovery, a late reader) and then
  // caught up: the window holds both, so the rate is unchanged.
  std::vector<std::uint64_t> bins(60, 62500);
  bins[10] = bins[11] = bins[12] = 0;
  bins[13] = 4 * 62500;
  auto s = summarize_throughput(bins, 0.05);
  REQUIRE(s);
  CHECK(s->steady_bps == Approx(10e6).epsilon(0.02));
}

TEST_CASE("stalls are 250 ms windows without a byte; they raise the variation") {
  std::vector<std::uint64_t> bins(80, 10000);
  for (int i = 40; i < 50; ++i) bins[static_cast<std::size_t>(i)] = 0;  // 0.5 s stall
  auto s = summarize_throughput(bins, 0.05);
  REQUIRE(s);
  CHECK(s->stalls == 2);
  CHECK(s->cv > 0.3);
  CHECK(s->low_bps < s->steady_bps);
}

TEST_CASE("too short or empty series give no figure") {
  CHECK_FALSE(summarize_throughput(std::vector<std::uint64_t>(10, 1000), 0.05));
  CHECK_FALSE(summarize_throughput(std::vector<std::uint64_t>(40, 0), 0.05));
}

namespace {
// `seconds` of 50 ms bins: 0.5 s of slow start, then `rate(t)` bytes per bin.
template <typename Rate>
std::vector<std::uint64_t> series(double seconds, Rate rate) {
  std::vector<std::uint64_t> bins = {1000,  4000,  8000,  16000, 30000,
                                     45000, 55000, 60000, 60000, 60000};
  for (double t = 0.5; t < seconds - 1e-9; t += 0.05) bins.push_back(rate(t));
  return bins;
}
}  // namespace

TEST_CASE("a steady rate settles once 1.5 s of it were seen, not before") {
  const auto flat = [](double) { return std::uint64_t{62500}; };
  CHECK_FALSE(throughput_settled(series(1.5, flat), 0.05));
  CHECK_FALSE(throughput_settled(series(1.95, flat), 0.05));
  CHECK(throughput_settled(series(2.0, flat), 0.05));
  // A little noise (±2 % per bin) settles as well.
  const auto noisy = [](double t) {
    return static_cast<std::uint64_t>(62500 * (1 + 0.02 * std::sin(t * 37)));
  };
  CHECK(throughput_settled(series(2.0, noisy), 0.05));
}

TEST_CASE("a rate that still climbs or swings does not settle") {
  // Loss recovery: the rate keeps growing 10 % per second ...
  const auto climbing = [](double t) { return static_cast<std::uint64_t>(50000 * (1 + 0.1 * t)); };
  CHECK_FALSE(throughput_settled(series(2.5, climbing), 0.05));
  CHECK_FALSE(throughput_settled(series(4.0, climbing), 0.05));
  // ... or 2 % per second, which the moving average alone calls stable: the trend does not.
  const auto creeping = [](double t) { return static_cast<std::uint64_t>(50000 * (1 + 0.02 * t)); };
  for (double end : {2.1, 2.5, 3.0, 3.5}) {
    CAPTURE(end);
    CHECK(throughput_settled(series(end, creeping), 0.05, {.max_trend_per_s = 1}));
    CHECK_FALSE(throughput_settled(series(end, creeping), 0.05));
  }
  // A radio link swinging ±40 % in waves of 1.3 s.
  const auto swinging = [](double t) {
    return static_cast<std::uint64_t>(62500 * (1 + 0.4 * std::sin(t * 5)));
  };
  for (double end = 2.0; end < 4.0; end += 0.1) {
    CAPTURE(end);
    CHECK_FALSE(throughput_settled(series(end, swinging), 0.05));
  }
  CHECK_FALSE(throughput_settled({}, 0.05));
}

TEST_CASE("cumulative kernel counts become bins by interpolation") {
  const std::vector<CumulativeSample> samples = {{0.025, 500}, {0.075, 1500}, {0.2, 4000}};
  const auto bins = bins_from_cumulative(samples, 0.05);
  REQUIRE(bins.size() == 4);
  CHECK(bins[0] == 1000);
  CHECK(bins[1] == 1000);
  CHECK(bins[2] == 1000);
  CHECK(bins[3] == 1000);
}

TEST_CASE("loss upper bound: 450 clean packets bound loss below 0.7 % at 95 %") {
  CHECK(loss_upper_bound(450, 0) == Approx(0.00663).epsilon(0.01));
  CHECK(loss_upper_bound(450, 0) < 0.007);
  // Clopper-Pearson, 2 of 100: the exact one-sided 95 % bound is 0.0616.
  CHECK(loss_upper_bound(100, 2) == Approx(0.0616).epsilon(0.01));
  CHECK(loss_upper_bound(0, 0) == 1);
}

TEST_CASE("UDP echo counts separate upstream from downstream loss") {
  // 1000 sent, server saw 980 (2 % up), 970 echoes came back (~1 % of 980 down).
  auto loss = summarize_echo({1000, 980, 970});
  REQUIRE(loss);
  CHECK(loss->up_ratio == Approx(0.02));
  CHECK(loss->down_ratio == Approx(10.0 / 980));
  CHECK(loss->ratio() == Approx(0.02));
  CHECK(loss->upper() > 0.02);
  CHECK(loss->upper() < 0.035);
  CHECK_FALSE(summarize_echo({0, 0, 0}));
}

TEST_CASE("arrivals are timed by segments, so a hole does not hold bytes back") {
  // 1000 bytes per segment; at t=0.2 a hole holds 50 segments back from the in-order count.
  const std::vector<ReceiverSample> samples = {
      {0.1, 100000, 100}, {0.2, 150000, 250}, {0.3, 350000, 350}, {0.4, 450000, 450}};
  const auto arrivals = arrivals_from_segments(samples);
  REQUIRE(arrivals.size() == 4);
  CHECK(arrivals[1].bytes == 250000);
  CHECK(arrivals[3].bytes == 450000);
  // Before enough segments arrived, the byte count stands.
  const std::vector<ReceiverSample> early = {{0.01, 5000, 5}};
  CHECK(arrivals_from_segments(early)[0].bytes == 5000);
}

TEST_CASE("streams are scaled each by its own anchors: no stream's hole biases the rest") {
  // Two streams of 1448-byte segments, 20 segments per 10 ms each, each waiting on a
  // retransmission (5 segments held back early, 200 late) in all but one sample of the
  // first and of the last quarter, never the same sample: their sum is never free of holes.
  std::vector<ReceiverSample> a, b, sum;
  for (int i = 1; i <= 80; ++i) {
    const std::uint64_t segs = 1000 + 20 * static_cast<std::uint64_t>(i);
    const double t = 0.01 * i;
    const bool edge = i <= 20 || i > 60;
    const std::uint64_t held = i <= 20 ? 5 : 200;  // short holes early, timeouts late
    a.push_back({t, segs * 1448 - (edge && i != 7 && i != 65 ? held * 1448 : 0), segs});
    b.push_back({t, segs * 1448 - (edge && i != 12 && i != 75 ? held * 1448 : 0), segs});
    sum.push_back({t, a.back().bytes_received + b.back().bytes_received, 2 * segs});
  }
  const std::vector<std::vector<ReceiverSample>> streams = {a, b};
  const auto arrivals = arrivals_from_streams(streams);
  REQUIRE(arrivals.size() == 80);
  CHECK(arrivals[70].bytes - arrivals[30].bytes == 2 * 800 * 1448);
  // What the sum would read: scaled low.
  const auto summed = arrivals_from_segments(sum);
  CHECK(summed[70].bytes - summed[30].bytes < 2 * 800 * 1448 * 0.95);
  CHECK(arrivals_from_streams({}).empty());
}

TEST_CASE("short segments at the start do not scale the steady arrivals down") {
  // Four header segments of 150 bytes, then full 1448-byte segments: 1448 bytes per segment.
  std::vector<ReceiverSample> samples;
  for (int i = 1; i <= 40; ++i) {
    const std::uint64_t segs = 4 + 20 * static_cast<std::uint64_t>(i);
    samples.push_back({0.01 * i, 4 * 150 + (segs - 4) * 1448, segs});
  }
  // A hole pending at the last sample holds 10 segments back from the in-order count.
  samples.back().bytes_received -= 10 * 1448;
  const auto arrivals = arrivals_from_segments(samples);
  CHECK(arrivals[20].bytes - arrivals[10].bytes == 200 * 1448);
  CHECK(arrivals.back().bytes == 4 * 150 + (samples.back().data_segs_in - 4) * 1448);
}
