// The upload rehearsal client against the real endpoints on loopback, through a TCP relay
// that breaks the connection mid-chunk: the upload must resume and still total exactly.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <thread>
#include <vector>

#include "probe/network/check.h"
#include "probe/network/rehearsal.h"
#include "probe/registry.h"
#include "server/measure/probe_endpoints.h"
#include "tests/net/cutting_relay.h"
#include "tests/net/running_server.h"

using namespace examready;
using examready::test::RunningServer;
using examready::testing::CuttingRelay;

namespace {

probe::net::RehearsalPlan plan_for(int port, std::uint64_t bytes) {
  probe::net::RehearsalPlan plan;
  plan.server_url = "http://127.0.0.1:" + std::to_string(port);
  plan.bytes = bytes;
  plan.budget = std::chrono::seconds(15);
  return plan;
}

}  // namespace

TEST_CASE("sizes parse strictly") {
  using probe::net::parse_size;
  CHECK(parse_size("500MB") == 500'000'000u);
  CHECK(parse_size("2GB") == 2'000'000'000u);
  CHECK(parse_size("1.5GiB") == 1'610'612'736u);
  CHECK(parse_size("64KiB") == 65536u);
  CHECK(parse_size("4GiB") == 4ull << 30);
  CHECK(parse_size("12345") == 12345u);
  CHECK(parse_size("12345B") == 12345u);
  for (const char* bad : {"", "MB", "0", "0MB", "-5MB", "5 MB", "5mb", "5XB", "1.5", "1.5B", ".5GB",
                          "5.GB", "1.2.3MB", "5GBx", "4.1GiB", "99999999999999999999"}) {
    INFO(bad);
    CHECK_FALSE(parse_size(bad));
  }
}

TEST_CASE("a rehearsal delivers exactly its size in chunks") {
  RunningServer s(server::ProbeEndpointOptions{});
  const auto r = probe::net::rehearse_upload(plan_for(s.port, 40'000'003));
  CHECK(r.error.empty());
  CHECK(r.done);
  CHECK(r.bytes == 40'000'003u);
  CHECK(r.resumes == 0);
  CHECK(r.duration_ms > 0);
}

TEST_CASE("a rehearsal resumes from the server's offset after broken connections") {
  server::ProbeEndpointOptions options;
  options.rehearsal_chunk_bytes = 4 << 20;
  RunningServer s(options);
  // Cuts mid-chunk, the second one inside the chunk that follows the first resume.
  CuttingRelay relay(s.port, {6'000'000, 11'500'000});
  const auto r = probe::net::rehearse_upload(plan_for(relay.port, 24'000'000));
  CHECK(r.error.empty());
  CHECK(relay.cuts_made == 2);
  CHECK(r.resumes >= 2);
  CHECK(r.done);
  CHECK(r.bytes == 24'000'000u);
}

TEST_CASE("a rehearsal that cannot finish in its budget says so") {
  server::ProbeEndpointOptions options;
  options.rehearsal_chunk_bytes = 1 << 20;
  RunningServer s(options);
  // Every connection is cut after a few hundred kB: no chunk ever completes.
  std::vector<std::uint64_t> cuts;
  for (int i = 1; i <= 200; ++i) cuts.push_back(static_cast<std::uint64_t>(i) * 300'000);
  CuttingRelay relay(s.port, cuts);
  auto plan = plan_for(relay.port, 50'000'000);
  plan.budget = std::chrono::seconds(3);
  const auto r = probe::net::rehearse_upload(plan);
  CHECK_FALSE(r.done);
  CHECK(r.bytes < 50'000'000u);
  CHECK_FALSE(r.error.empty());
  INFO(r.error);
  CHECK((r.error.find("out of time") != std::string::npos ||
         r.error.find("gave up") != std::string::npos));
}

TEST_CASE("the network check's deadline grows only with a rehearsal, by its budget") {
  probe::ProbeOptions options;
  CHECK(probe::network_deadline_extension(options) == std::chrono::milliseconds(0));
  options.rehearse_upload_bytes = 2'000'000'000;
  // 20 s allowance + 2 GB at the 2 Mbit/s floor, plus the 5 s margin for the check itself.
  CHECK(probe::net::rehearsal_budget(options.rehearse_upload_bytes) == std::chrono::seconds(8020));
  CHECK(probe::network_deadline_extension(options) == std::chrono::seconds(8025));
  const auto* spec = probe::find_check("network");
  REQUIRE(spec);
  REQUIRE(spec->deadline_extension);
  CHECK(spec->deadline_extension(options) == std::chrono::seconds(8025));
}
