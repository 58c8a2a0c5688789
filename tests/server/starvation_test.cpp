// Starving the collector with a handful of sockets, and choosing one's own address behind a
// proxy: reproductions from a review of the collector (7 Dec) against the real examready-server
// process on loopback, each a denial of service or a bypassed limit before its fix. 127.0.0.x
// source addresses stand for different clients. Bounded in count and time.
#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <thread>

#include "reports/pairing.h"
#include "reports/upload/upload.h"
#include "tests/server/live_server.h"
#include "tests/server/raw_http.h"
#include "tests/server/report_factory.h"
#include "tests/server/server_process.h"

using examready::test::make_report;
using examready::test::post_json;
using examready::test::raw_request;
using examready::test::RawConnection;
using examready::test::ScratchDir;
using examready::test::ServerProcess;
using nlohmann::json;
using namespace std::chrono_literals;

namespace {

int upload_status(int port, const std::string& source, const std::string& extra_headers = "") {
  const auto r = post_json(port, make_report(), source, extra_headers);
  return r ? r->status : 0;
}

// Connections from `source` that announce a body (`header`, ending in the blank line) and send
// `body_bytes` of it, then nothing.
std::vector<RawConnection> announce(int port, const std::string& source, int count,
                                    const std::string& header, std::size_t body_bytes = 0) {
  std::vector<RawConnection> held;
  for (int i = 0; i < count; ++i) {
    held.emplace_back(port, source);
    REQUIRE(held.back().ok());
    REQUIRE(held.back().send(header));
    if (body_bytes > 0) REQUIRE(held.back().send(std::string(body_bytes, '{')));
  }
  return held;
}

}  // namespace

TEST_CASE("announced report bodies hold no memory, and one address holds at most its share") {
  ScratchDir dir;
  ServerProcess server(dir.path());
  const int port = server.port();
  // 64 headers announcing 1 MiB gzip bodies (2 MiB each as the budget counted them, the whole
  // 64 MiB) that never send a byte: every other upload got 503 for as long as they stayed.
  auto idle = announce(port, "127.0.0.21", 64,
                       "POST /v1/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                       "Content-Encoding: gzip\r\nContent-Length: 1048576\r\n\r\n");
  CHECK(upload_status(port, "127.0.0.22") == 201);
  // Bodies that do arrive count, each client up to its 8 MiB: of nine 1,000,000-byte parts,
  // the one whose bytes cross the line is refused (whichever the server reads last, which need
  // not be the ninth sent; two at once when both network threads cross it together).
  const std::string header =
      "POST /v1/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 1048576\r\n\r\n";
  auto held = announce(port, "127.0.0.23", 9, header, 1'000'000);
  std::vector<int> statuses;
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (statuses.empty() && std::chrono::steady_clock::now() < deadline) {
    for (auto& c : held) {
      if (!c.ok()) continue;
      if (const auto r = c.read_response(50ms)) {
        statuses.push_back(r->status);
        c.close();
      }
    }
  }
  // A second refusal made at the same moment may reach us a little later than the first.
  for (auto& c : held) {
    if (!c.ok()) continue;
    if (const auto r = c.read_response(200ms)) {
      statuses.push_back(r->status);
      c.close();
    }
  }
  REQUIRE(!statuses.empty());
  CHECK(statuses.size() <= 2);
  CHECK(std::count(statuses.begin(), statuses.end(), 503) == std::ssize(statuses));
  // A refused body gives its share back at once: the others, finished, fit in the 8 MiB and
  // are read (400: braces are not a report). Before, each refusal held its bytes until its
  // socket closed, and the same client's other bodies were refused one after another.
  for (auto& c : held) {
    if (c.ok()) REQUIRE(c.send(std::string(1'048'576 - 1'000'000, '{')));
  }
  for (auto& c : held) {
    if (!c.ok()) continue;
    const auto r = c.read_response(5000ms);
    REQUIRE(r);
    CHECK(r->status == 400);
  }
  CHECK(upload_status(port, "127.0.0.24") == 201);
}

TEST_CASE("stalled bodies and unread responses make room for new clients") {
  ScratchDir dir;
  ServerProcess server(dir.path(),
                       {"--max-connections", "64", "--max-connections-per-client", "16"});
  const int port = server.port();
  // Four addresses fill the table: measurement uploads that announce a body and send none,
  // and measurement downloads that are never read. Before, only connections waiting for a
  // header could be closed to make room, and these held every slot for up to 60 s.
  std::vector<RawConnection> held;
  for (int a = 0; a < 4; ++a) {
    const std::string source = "127.0.0." + std::to_string(31 + a);
    for (int i = 0; i < 16; ++i) {
      held.emplace_back(port, source);
      REQUIRE(held.back().ok());
      held.back().send(i % 2 == 0 ? "POST /v1/probe/upload?session=starve" + std::to_string(a) +
                                        "xxxx HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n"
                                        "Content-Type: application/octet-stream\r\n\r\n"
                                  : "GET /v1/probe/download?bytes=536870912 HTTP/1.1\r\nHost: "
                                    "x\r\n\r\n");
    }
  }
  // Within their first 2 s they are transfers like any other.
  std::this_thread::sleep_for(2500ms);
  const auto r = raw_request(port, "GET", "/healthz", "", "", "127.0.0.40", 5000ms);
  REQUIRE(r);
  CHECK(r->status == 200);
}

TEST_CASE("behind a trusted proxy the client is the rightmost X-Forwarded-For entry of all lines") {
  ScratchDir dir;
  ServerProcess server(dir.path(), {"--trusted-proxy", "127.0.0.1", "--client-report-burst", "2",
                                    "--client-reports-per-hour", "1"});
  const int port = server.port();
  // A client's own X-Forwarded-For line comes first, the proxy appends its own last: a forged
  // first line naming a new address each time bypassed the upload limit.
  for (int i = 0; i < 2; ++i) {
    CHECK(upload_status(port, "127.0.0.1",
                        "X-Forwarded-For: 10.0.0." + std::to_string(i) +
                            "\r\nX-Forwarded-For: 192.0.2.7\r\n") == 201);
  }
  CHECK(upload_status(port, "127.0.0.1",
                      "X-Forwarded-For: 10.0.0.9\r\nX-Forwarded-For: 192.0.2.7\r\n") == 429);
  // One IPv6 subscriber is one /64: its privacy addresses count as one client.
  CHECK(upload_status(port, "127.0.0.1", "X-Forwarded-For: 2001:db8:1:2::1\r\n") == 201);
  CHECK(upload_status(port, "127.0.0.1", "X-Forwarded-For: 2001:db8:1:2:aaaa::9\r\n") == 201);
  CHECK(upload_status(port, "127.0.0.1", "X-Forwarded-For: 2001:db8:1:2:ffff::3\r\n") == 429);
  CHECK(upload_status(port, "127.0.0.1", "X-Forwarded-For: 2001:db8:1:3::1\r\n") == 201);
}

TEST_CASE("reports naming a primary's code without its proof cannot hide its real secondary") {
  ScratchDir dir;
  const std::string token = "helpdesk-token-for-pairing";
  ServerProcess server(dir.path(), {}, {"EXAMREADY_HELPDESK_TOKENS=" + token});
  const int port = server.port();
  const json primary = make_report();
  const std::string code = primary["code"];
  const std::string proof = examready::reports::pair_proof(primary["report_id"].get<std::string>());
  auto secondary = [&](const std::string& with_proof) {
    return make_report({"huawei", "NOH-AN00", "harmonyos", "3.0"}, "secondary", code, with_proof);
  };
  // The real secondary uploads while the primary is still offline, then anyone who heard the
  // code uploads ten more naming it (accepted: no primary to check them against yet).
  const json real = secondary(proof);
  auto post = [&](const json& report) { return post_json(port, report)->status; };
  REQUIRE(post(real) == 201);
  for (int i = 0; i < 10; ++i) REQUIRE(post(secondary("0000000000000000")) == 201);
  REQUIRE(post(primary) == 201);
  const auto shown =
      raw_request(port, "GET", "/v1/reports/" + code, "Authorization: Bearer " + token + "\r\n");
  REQUIRE(shown);
  REQUIRE(shown->status == 200);
  const json pair = json::parse(shown->body)["pair"];
  REQUIRE(pair["secondaries"].size() == 1);
  CHECK(pair["secondaries"][0]["code"] == real["code"]);
}
