// The network check end to end without a shaped link: figures from recorded samples, and the
// failure paths (no server, bad URL, nothing listening) that must end fast with a message.
#include <catch2/catch.hpp>

#include <chrono>

#include "tests/support/fake_host.h"
#include "probe/network/check.h"
#include "probe/network/figures.h"

using namespace examready;
using namespace examready::probe;

namespace {

double number(const CheckContext& ctx, MetricId id) {
  for (const auto& m : ctx.measurements()) {
    if (m.metric == id) return std::get<double>(m.value);
  }
  FAIL("metric not emitted");
  return 0;
}

bool emitted(const CheckContext& ctx, MetricId id) {
  for (const auto& m : ctx.measurements()) {
    if (m.metric == id) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("figures from samples: upload counted from the server's bins, trailing bin dropped") {
  test::FakeHost host;
  ProbeOptions options;
  CheckContext ctx(host, options);
  core::net::PhasePlan plan;
  net::Samples s;
  s.server_ip = "127.0.0.1";
  s.http_version = "1.1";
  s.idle_rtts_ms = {20, 21, 20, 22, 20, 21, 20, 20, 23, 20, 20, 21, 20, 20, 22, 20, 20, 21, 20, 20};
  s.loaded_rtts_ms = {120, 130, 125};
  s.download_bins.assign(48, 62500);  // 10 Mbit/s
  s.upload_bins.assign(60, 12500);    // 2 Mbit/s ...
  s.upload_bins.back() = 1000000;     // ... and a drained tail after the abort
  s.echo = core::net::EchoCounts{1000, 990, 985};
  const std::string warnings = net::emit_network_figures(ctx, s, plan);

  CHECK(number(ctx, MetricId::kNetworkRttMedianMs) == Approx(20));
  CHECK(number(ctx, MetricId::kNetworkDownloadBps) == Approx(10e6).epsilon(0.001));
  CHECK(number(ctx, MetricId::kNetworkUploadBps) == Approx(2e6).epsilon(0.001));
  CHECK(number(ctx, MetricId::kNetworkUploadLowBps) == Approx(2e6).epsilon(0.001));
  CHECK(number(ctx, MetricId::kNetworkLoadedRttMs) == Approx(125));
  CHECK(number(ctx, MetricId::kNetworkResponsivenessRpm) == Approx(480));
  CHECK(number(ctx, MetricId::kNetworkPacketLossRatio) == Approx(0.01));
  CHECK(number(ctx, MetricId::kNetworkLossUpperBound) > 0.01);
  CHECK(number(ctx, MetricId::kNetworkRequestLossRatio) == 0);
  CHECK(warnings.empty());
}

namespace {
std::string source_of(CheckContext& ctx, MetricId id) {
  for (const auto& m : ctx.measurements()) {
    if (m.metric == id) return m.source;
  }
  return {};
}
}  // namespace

TEST_CASE("a throughput figure says how long its steady window was and how its phase ended") {
  test::FakeHost host;
  ProbeOptions options;
  net::Samples s;
  s.idle_rtts_ms.assign(20, 20);
  s.download_bins.assign(60, 62500);
  s.upload_bins.assign(80, 12500);
  core::net::PhasePlan phases;
  phases.download_s = 3.0;
  phases.download_end = core::net::PhaseEnd::kSettled;
  phases.upload_s = 4.0;
  phases.upload_end = core::net::PhaseEnd::kLimit;
  CheckContext ctx(host, options);
  net::emit_network_figures(ctx, s, phases);
  // 3.0 s, the last bin dropped, 0.5 s of ramp-up cut: 2.25 s of whole 250 ms windows.
  CHECK(number(ctx, MetricId::kNetworkDownloadSteadyS) == Approx(2.25));
  CHECK(source_of(ctx, MetricId::kNetworkDownloadBps).find("rate settled") != std::string::npos);
  // Ended at the limit: read from the second half of 3.75 s of whole windows.
  CHECK(number(ctx, MetricId::kNetworkUploadSteadyS) == Approx(2.0));
  CHECK(source_of(ctx, MetricId::kNetworkUploadBps) ==
        "4 streams, counted at the server, low confidence: rate still changing when the 4.0 s "
        "phase ended (2.00 Mbit/s from 0.50 s on); read from its last 2.00 s");
  // The web check's fixed phases say neither.
  CheckContext fixed(host, options);
  net::emit_network_figures(fixed, s, core::net::PhasePlan{});
  CHECK(source_of(fixed, MetricId::kNetworkUploadBps).find("settled") == std::string::npos);
  CHECK(source_of(fixed, MetricId::kNetworkUploadBps).find("confidence") == std::string::npos);
  // Settled live, but the series the figure is read from kept only 1.0 s after the ramp-up.
  CheckContext short_window(host, options);
  s.upload_bins.assign(31, 12500);
  phases.upload_s = 1.55;
  phases.upload_end = core::net::PhaseEnd::kSettled;
  net::emit_network_figures(short_window, s, phases);
  CHECK(source_of(short_window, MetricId::kNetworkUploadBps)
            .rfind("4 streams, counted at the server, low confidence: a steady window under "
                   "1.5 s; 1.00 s steady window after 0.50 s ramp-up, rate settled",
                   0) == 0);
}

TEST_CASE("a rate still falling at the phase's limit is read from the phase's second half") {
  // A loss-based sender's slow-start overshoot: 20 Mbit/s for 1.5 s, then 14 Mbit/s.
  test::FakeHost host;
  ProbeOptions options;
  net::Samples s;
  s.download_bins.assign(30, 125000);
  s.download_bins.resize(80, 87500);
  core::net::PhasePlan phases;
  phases.download_s = 4.0;
  phases.download_end = core::net::PhaseEnd::kLimit;
  CheckContext ctx(host, options);
  net::emit_network_figures(ctx, s, phases);
  CHECK(number(ctx, MetricId::kNetworkDownloadBps) == Approx(14e6));
  CHECK(number(ctx, MetricId::kNetworkDownloadSteadyS) == Approx(2.0));
  // From 0.5 s on: 1.0 s at 20 and 2.25 s at 14 Mbit/s.
  CHECK(source_of(ctx, MetricId::kNetworkDownloadBps) ==
        "4 streams, bytes read, low confidence: rate still falling when the 4.0 s phase ended "
        "(15.85 Mbit/s from 0.50 s on); read from its last 2.00 s");
  // Settled, the same series is read from the ramp-up on.
  CheckContext settled(host, options);
  phases.download_end = core::net::PhaseEnd::kSettled;
  net::emit_network_figures(settled, s, phases);
  CHECK(number(settled, MetricId::kNetworkDownloadBps) == Approx(15.846e6).epsilon(0.001));
}

TEST_CASE("heavy upstream loss warns that a single-stream upload would collapse") {
  test::FakeHost host;
  ProbeOptions options;
  CheckContext ctx(host, options);
  net::Samples s;
  s.idle_rtts_ms.assign(20, 100);
  s.upload_bins.assign(60, 125000);  // 20 Mbit/s with 4 streams
  s.echo = core::net::EchoCounts{1000, 950, 950};
  const std::string warnings = net::emit_network_figures(ctx, s, core::net::PhasePlan{});
  CHECK(warnings.find("single-stream upload") != std::string::npos);
}

TEST_CASE("without UDP echo the upload's retransmissions stand in, without a bound") {
  test::FakeHost host;
  ProbeOptions options;
  CheckContext ctx(host, options);
  net::Samples s;
  s.upload_segs_out = 1000;
  s.upload_retrans = 30;
  net::emit_network_figures(ctx, s, core::net::PhasePlan{});
  CHECK(number(ctx, MetricId::kNetworkPacketLossRatio) == Approx(0.03));
  CHECK_FALSE(emitted(ctx, MetricId::kNetworkLossUpperBound));
}

TEST_CASE("no server, a bad URL or nothing listening end the check with an error") {
  test::FakeHost host;
  ProbeOptions options;
  {
    CheckContext ctx(host, options);
    const Outcome out = run_network_check(ctx);
    CHECK(out.status == CheckStatus::kError);
    CHECK(out.message.find("--server") != std::string::npos);
  }
  options.server_url = "ftp://127.0.0.1/";
  {
    CheckContext ctx(host, options);
    CHECK(run_network_check(ctx).status == CheckStatus::kError);
  }
  // Port 9 (discard) on loopback: nothing listens there in a test environment.
  options.server_url = "http://127.0.0.1:9";
  {
    CheckContext ctx(host, options);
    const auto start = std::chrono::steady_clock::now();
    const Outcome out = run_network_check(ctx);
    CHECK(out.status == CheckStatus::kError);
    CHECK(out.message.find("cannot reach the collector") != std::string::npos);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(3));
  }
}
