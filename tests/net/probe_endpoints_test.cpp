// The collector's /v1/probe/* endpoints and UDP echo, on loopback, through real sockets.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <numeric>
#include <thread>

#include "protocol/udp_echo_wire.h"
#include "server/measure/probe_endpoints.h"
#include "server/measure/udp_echo.h"
#include "tests/net/running_server.h"

using namespace examready::server;
using examready::test::RunningServer;

TEST_CASE("ping answers with the server time and the UDP echo port, no body") {
  ProbeEndpointOptions options;
  options.udp_echo_port = 4242;
  RunningServer s(options);
  httplib::Client client("127.0.0.1", s.port);
  auto res = client.Get("/v1/probe/ping");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->body.empty());
  CHECK(res->get_header_value("X-Examready-Udp-Echo") == "4242");
  const long long server_us = std::stoll(res->get_header_value("X-Examready-Server-Time-Us"));
  const long long now_us = std::chrono::duration_cast<std::chrono::microseconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
  CHECK(std::llabs(now_us - server_us) < 5'000'000);
}

TEST_CASE("download serves exactly N incompressible bytes, capped") {
  ProbeEndpointOptions options;
  options.max_download_bytes = 100000;
  RunningServer s(options);
  httplib::Client client("127.0.0.1", s.port);
  auto res = client.Get("/v1/probe/download?bytes=5000");
  REQUIRE(res);
  CHECK(res->body.size() == 5000);
  // Pseudorandom: no byte value dominates.
  std::array<int, 256> counts{};
  for (unsigned char c : res->body) counts[c]++;
  CHECK(*std::max_element(counts.begin(), counts.end()) < 60);
  auto capped = client.Get("/v1/probe/download?bytes=999999999");
  REQUIRE(capped);
  CHECK(capped->body.size() == 100000);
}

TEST_CASE("upload discards the body, reports its size and bins it per session") {
  RunningServer s(ProbeEndpointOptions{});
  httplib::Client client("127.0.0.1", s.port);
  const std::string body(300000, 'x');
  auto res = client.Post("/v1/probe/upload?session=abcdef0123", body, "application/octet-stream");
  REQUIRE(res);
  REQUIRE(res->status == 200);
  const auto reply = nlohmann::json::parse(res->body);
  CHECK(reply.at("bytes") == 300000);
  CHECK(reply.at("duration_ms").get<double>() >= 0);
  client.Post("/v1/probe/upload?session=abcdef0123", std::string(1000, 'y'),
              "application/octet-stream");

  auto series = client.Get("/v1/probe/session?id=abcdef0123");
  REQUIRE(series);
  REQUIRE(series->status == 200);
  const auto json = nlohmann::json::parse(series->body);
  const auto bins = json.at("bins").get<std::vector<std::uint64_t>>();
  CHECK(std::accumulate(bins.begin(), bins.end(), std::uint64_t{0}) == 301000);
  CHECK(json.at("total_bytes") == 301000);
  CHECK(json.at("bin_ms") == 50);

  CHECK(client.Get("/v1/probe/session?id=nosuchsession")->status == 404);
  CHECK(client.Get("/v1/probe/session?id=bad")->status == 400);
  CHECK(client.Post("/v1/probe/upload?session=../x", "z", "text/plain")->status == 400);
}

TEST_CASE("UDP echo counts per session and never answers larger than asked") {
  UdpEchoServer echo;
  REQUIRE(echo.start("127.0.0.1", 0).empty());
  const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(echo.port());
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0);

  unsigned char packet[64] = {};
  for (std::uint32_t seq = 0; seq < 5; ++seq) {
    examready::protocol::udp_echo::Packet p;
    p.session = 77;
    p.seq = seq;
    examready::protocol::udp_echo::encode_request(p, packet);
    REQUIRE(::send(fd, packet, sizeof(packet), 0) == sizeof(packet));
  }
  std::vector<examready::protocol::udp_echo::Packet> replies;
  for (int i = 0; i < 5; ++i) {
    pollfd pfd{fd, POLLIN, 0};
    if (::poll(&pfd, 1, 2000) <= 0) break;
    unsigned char buffer[128];
    const ssize_t n = ::recv(fd, buffer, sizeof(buffer), 0);
    CHECK(n == static_cast<ssize_t>(examready::protocol::udp_echo::kReplySize));
    if (auto r = examready::protocol::udp_echo::decode_reply(buffer, static_cast<std::size_t>(n)))
      replies.push_back(*r);
  }
  REQUIRE(replies.size() == 5);
  CHECK(replies.back().seq == 4);
  CHECK(replies.back().server_received == 5);
  CHECK(replies.back().session == 77);

  // Too short or foreign datagrams get no answer.
  REQUIRE(::send(fd, "hello", 5, 0) == 5);
  pollfd pfd{fd, POLLIN, 0};
  CHECK(::poll(&pfd, 1, 300) == 0);
  ::close(fd);
  echo.stop();
}

TEST_CASE("upload rehearsal: chunks at the server's offset, conflicts answer where it stands") {
  ProbeEndpointOptions options;
  options.rehearsal_chunk_bytes = 1000;
  options.max_rehearsal_bytes = 1'000'000;
  RunningServer s(options);
  httplib::Client client("127.0.0.1", s.port);

  CHECK(client.Post("/v1/probe/rehearsal?bytes=0", "", "text/plain")->status == 400);
  CHECK(client.Post("/v1/probe/rehearsal?bytes=1000001", "", "text/plain")->status == 400);
  CHECK(client.Post("/v1/probe/rehearsal?bytes=x", "", "text/plain")->status == 400);
  auto created = client.Post("/v1/probe/rehearsal?bytes=2500", "", "text/plain");
  REQUIRE(created);
  REQUIRE(created->status == 201);
  const auto json = nlohmann::json::parse(created->body);
  CHECK(json.at("chunk_bytes") == 1000);
  CHECK(json.at("expected_bytes") == 2500);
  const std::string path = "/v1/probe/rehearsal/" + json.at("id").get<std::string>();

  auto status = [&](const httplib::Result& r) { return nlohmann::json::parse(r->body); };
  auto put = [&](std::uint64_t offset, std::size_t n) {
    return client.Put((path + "?offset=" + std::to_string(offset)).c_str(), std::string(n, 'r'),
                      "application/octet-stream");
  };
  auto first = put(0, 1000);
  REQUIRE(first);
  CHECK(first->status == 200);
  CHECK(status(first).at("received_bytes") == 1000);
  CHECK(status(first).at("done") == false);

  // A client that lost track re-sends at 0: refused, told the offset, nothing counted twice.
  auto stale = put(0, 1000);
  REQUIRE(stale);
  CHECK(stale->status == 409);
  CHECK(status(stale).at("received_bytes") == 1000);
  CHECK(put(1000, 1001)->status == 413);  // over chunk_bytes
  CHECK(put(1000, 1000)->status == 200);
  CHECK(put(2000, 1000)->status == 413);  // runs past the rehearsal's size
  CHECK(put(2000, 500)->status == 200);

  auto final_status = client.Get(path.c_str());
  REQUIRE(final_status);
  CHECK(final_status->status == 200);
  CHECK(status(final_status).at("received_bytes") == 2500);
  CHECK(status(final_status).at("expected_bytes") == 2500);
  CHECK(status(final_status).at("done") == true);

  CHECK(client.Get("/v1/probe/rehearsal/0123456789abcdef")->status == 404);
  CHECK(client.Put("/v1/probe/rehearsal/0123456789abcdef?offset=0", "x", "text/plain")->status ==
        404);
  CHECK(client.Put(path.c_str(), "x", "text/plain")->status == 400);  // no offset
}

TEST_CASE("upload rehearsal sessions are bounded in number and expire") {
  auto id = [](httplib::Client& client) {
    auto r = client.Post("/v1/probe/rehearsal?bytes=10", "", "text/plain");
    return "/v1/probe/rehearsal/" + nlohmann::json::parse(r->body).at("id").get<std::string>();
  };
  {
    ProbeEndpointOptions options;
    options.max_rehearsals = 2;
    RunningServer s(options);
    httplib::Client client("127.0.0.1", s.port);
    const std::string a = id(client), b = id(client);
    // A full table refuses new rehearsals; it never pushes out a live one (a stranger could
    // end someone else's exam rehearsal that way).
    auto refused = client.Post("/v1/probe/rehearsal?bytes=10", "", "text/plain");
    REQUIRE(refused);
    CHECK(refused->status == 503);
    CHECK(refused->get_header_value("Retry-After") == "30");
    CHECK(client.Get(a.c_str())->status == 200);
    CHECK(client.Get(b.c_str())->status == 200);
  }
  {
    ProbeEndpointOptions options;
    options.rehearsal_ttl = std::chrono::seconds(0);
    RunningServer s(options);
    httplib::Client client("127.0.0.1", s.port);
    const std::string a = id(client);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(client.Get(a.c_str())->status == 404);  // expired
  }
}
