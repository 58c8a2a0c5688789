// The upload arrival series: each request's reads spread over the time they took, and the
// series' complete part (server/measure/upload_sessions.h).
#include <catch2/catch.hpp>

#include <chrono>
#include <numeric>

#include "server/measure/upload_sessions.h"

using examready::server::UploadSessions;
using namespace std::chrono_literals;

namespace {

const std::string kId = "session-0001";
const std::string kClient = "192.0.2.7";

std::uint64_t sum(const std::vector<std::uint64_t>& bins) {
  return std::accumulate(bins.begin(), bins.end(), std::uint64_t{0});
}

}  // namespace

TEST_CASE("a TLS upload read a record at a time becomes an even series") {
  UploadSessions sessions({});
  const auto t0 = UploadSessions::Clock::now();
  REQUIRE(sessions.open(kId, kClient, t0, 1) == UploadSessions::Open::kOk);
  REQUIRE(sessions.open(kId, kClient, t0, 2) == UploadSessions::Open::kOk);
  // Two requests at 1 Mbit/s together: a 16 KiB record every 262 ms on each, offset by half.
  sessions.record(kId, 1, 16384, t0);
  for (int k = 1; k <= 12; ++k) {
    sessions.record(kId, 1, 16384, t0 + k * 262ms);
    sessions.record(kId, 2, 16384, t0 + k * 262ms + 131ms);
  }
  const auto series = sessions.series(kId);
  REQUIRE(series);
  CHECK(series->total_bytes == 25 * 16384);
  CHECK(sum(series->bins) == 25 * 16384);
  // Counted at the read, a 50 ms bin held 0 or 16 KiB; spread, each holds ~6.25 KB once
  // both requests read their first record (request 2's covers 393 ms).
  for (std::size_t k = 8; k < series->complete_bins; ++k) {
    CAPTURE(k);
    CHECK(static_cast<double>(series->bins[k]) == Approx(1e6 / 8 * 0.05).epsilon(0.05));
  }
  // Request 2 read last at 3.275 s, request 1 at 3.144 s: only 3.1 s of the series is whole.
  CHECK(series->complete_bins == 62);
  SECTION("a request whose body arrived whole holds nothing back") {
    sessions.end_stream(kId, 1, true);
    CHECK(sessions.series(kId)->complete_bins == 65);
  }
  SECTION("one cut off holds back what it may still have had on its way") {
    sessions.end_stream(kId, 1, false);
    CHECK(sessions.series(kId)->complete_bins == 62);
  }
  SECTION("one cut off long before the others' last reads holds nothing back") {
    sessions.end_stream(kId, 1, false);
    sessions.end_stream(kId, 2, true);
    REQUIRE(sessions.open(kId, kClient, t0 + 3300ms, 3) == UploadSessions::Open::kOk);
    sessions.record(kId, 3, 500'000, t0 + 6s);  // request 3 alone, read last at 6 s
    sessions.end_stream(kId, 3, true);
    CHECK(sessions.series(kId)->complete_bins == 120);
  }
}

TEST_CASE("a session spreads the reads of at most max_streams requests") {
  UploadSessions sessions({.max_streams = 2});
  const auto t0 = UploadSessions::Clock::now();
  REQUIRE(sessions.open(kId, kClient, t0, 1) == UploadSessions::Open::kOk);
  REQUIRE(sessions.open(kId, kClient, t0, 2) == UploadSessions::Open::kOk);
  sessions.record(kId, 1, 1000, t0);
  sessions.record(kId, 2, 1000, t0);
  SECTION("an ended request is pushed out before a live one") {
    sessions.end_stream(kId, 2, true);
    REQUIRE(sessions.open(kId, kClient, t0 + 100ms, 3) == UploadSessions::Open::kOk);
    sessions.record(kId, 1, 1000, t0 + 500ms);  // the oldest, still spread over its gap
    const auto bins = sessions.series(kId)->bins;
    CHECK(bins[0] == 2000 + 100);
    CHECK(bins[9] == 100);
  }
  SECTION("a live request pushed out counts its later reads where they come") {
    REQUIRE(sessions.open(kId, kClient, t0 + 100ms, 3) == UploadSessions::Open::kOk);
    sessions.record(kId, 1, 1000, t0 + 1s);  // request 1 was the oldest: forgotten
    const auto bins = sessions.series(kId)->bins;
    CHECK(bins[20] == 1000);
    CHECK(bins[19] == 0);
  }
  SECTION("however many requests, every byte is in the series") {
    for (std::uint64_t stream = 3; stream < 1000; ++stream) {
      REQUIRE(sessions.open(kId, kClient, t0, stream) == UploadSessions::Open::kOk);
      sessions.record(kId, stream, 100, t0 + stream * 1ms);
    }
    CHECK(sum(sessions.series(kId)->bins) == 2000 + 99'700);
  }
}
