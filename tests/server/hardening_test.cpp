// Issue #14's reproductions against the real examready-server process on loopback: each was
// a crash, a memory blow-up or a denial of service before the fix. Bounded in count and time.
#include <arpa/inet.h>
#include <libpq-fe.h>

#include <catch2/catch.hpp>
#include <future>
#include <nlohmann/json.hpp>
#include <thread>

#include "protocol/udp_echo_wire.h"
#include "reports/pairing.h"
#include "reports/upload/upload.h"
#include "tests/server/collector_db.h"
#include "tests/server/live_server.h"
#include "tests/server/raw_http.h"
#include "tests/server/report_factory.h"
#include "tests/server/server_process.h"

using examready::reports::gzip_compress;
using examready::test::make_report;
using examready::test::post_json;
using examready::test::raw_request;
using examready::test::RawConnection;
using examready::test::ScratchDir;
using examready::test::ServerProcess;
using examready::test::stored_body_bytes;
using examready::test::stored_rows;
using nlohmann::json;
using namespace std::chrono_literals;

namespace {

std::optional<examready::test::RawResponse> post_gzip(int port, const std::string& body,
                                                      const std::string& source = "127.0.0.1") {
  return raw_request(port, "POST", "/v1/reports",
                     "Content-Type: application/json\r\nContent-Encoding: gzip\r\n",
                     gzip_compress(body), source);
}

bool healthy(int port, std::chrono::milliseconds timeout = 2000ms) {
  auto r = raw_request(port, "GET", "/healthz", "", "", "127.0.0.1", timeout);
  return r && r->status == 200;
}

std::string error_of(const std::optional<examready::test::RawResponse>& r) {
  if (!r) return "(no answer)";
  const json body = json::parse(r->body, nullptr, false);
  return body.is_object() ? body.value("error", "") : r->body;
}

}  // namespace

TEST_CASE("#14.1 a 1 KB gzip report with a 100,000-character string is a 400, not a crash") {
  ScratchDir dir;
  ServerProcess server(dir.path());
  struct Case {
    const char* name;
    std::function<void(json&)> change;
    const char* path;
  };
  const std::string huge(100000, 'a');
  const std::vector<Case> cases = {
      {"host.platform", [&](json& j) { j["host"]["platform"] = huge; }, "/host/platform"},
      {"probe.version", [&](json& j) { j["probe"]["version"] = "1.0.0-" + huge; },
       "/probe/version"},
      {"measurement name",
       [&](json& j) {
         j["checks"][0]["measurements"]["os." + huge] = {{"value", 1}, {"source", "x"}};
       },
       "/checks/0/measurements"},
      {"measurement value",
       [&](json& j) { j["checks"][0]["measurements"]["os.version"]["value"] = huge; },
       "/checks/0/measurements/os.version/value"},
      {"check name", [&](json& j) { j["checks"][0]["name"] = huge; }, "/checks/0/name"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    json report = make_report();
    c.change(report);
    const std::string gz = gzip_compress(report.dump());
    CHECK(gz.size() < 2048);
    auto res = post_gzip(server.port(), report.dump());
    REQUIRE(res);
    CHECK(res->status == 400);
    CHECK(json::parse(res->body).value("path", "") == c.path);
    REQUIRE(server.alive());
  }
  CHECK(healthy(server.port()));
}

TEST_CASE("#14.1 examready evaluate refuses the same report without crashing") {
  ScratchDir dir;
  json report = make_report();
  report["host"]["platform"] = std::string(100000, 'a');
  const auto path = dir.path() / "big.json";
  std::ofstream(path) << report.dump();
  const std::string command = std::string(EXAMREADY_BIN) + " evaluate " + path.string() +
                              " --rules xiaoyibang >/dev/null 2>&1";
  const int status = std::system(command.c_str());
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 65);
}

TEST_CASE("#14.2 a body larger than its route allows is refused before it is held in memory") {
  ScratchDir dir;
  ServerProcess server(dir.path());
  const double rss_before = server.rss_mib();
  // 900 MB announced to an endpoint that takes no body: answered at once, nothing read.
  {
    RawConnection c(server.port());
    REQUIRE(
        c.send("POST /v1/probe/rehearsal?bytes=1000 HTTP/1.1\r\nHost: x\r\n"
               "Content-Length: 900000000\r\n\r\n"));
    const std::string block(1 << 20, 'x');
    for (int i = 0; i < 8 && c.send(block); ++i) {
    }
    auto res = c.read_response(5000ms);
    REQUIRE(res);
    CHECK(res->status == 413);
  }
  // A chunked body without end to a path that does not exist: at most 64 MiB are offered.
  {
    RawConnection c(server.port());
    REQUIRE(c.send("POST /no/such/path HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"));
    const std::string chunk = "100000\r\n" + std::string(1 << 20, 'y') + "\r\n";
    int sent = 0;
    while (sent < 64 && c.send(chunk)) ++sent;
    CHECK(sent < 64);  // the server stopped reading (answered and closed) long before
    auto res = c.read_response(5000ms);
    REQUIRE(res);
    CHECK((res->status == 404 || res->status == 413));
  }
  // The same to the upload route: the report limit holds for chunked bodies too.
  {
    RawConnection c(server.port());
    REQUIRE(
        c.send("POST /v1/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
               "Transfer-Encoding: chunked\r\n\r\n"));
    const std::string chunk = "100000\r\n" + std::string(1 << 20, ' ') + "\r\n";
    int sent = 0;
    while (sent < 64 && c.send(chunk)) ++sent;
    CHECK(sent < 64);
    auto res = c.read_response(5000ms);
    REQUIRE(res);
    CHECK(res->status == 413);
  }
  REQUIRE(server.alive());
  CHECK(server.peak_rss_mib() - rss_before < 48);
  CHECK(healthy(server.port()));
}

TEST_CASE("#14.3 a rejected report costs about its own size, not gigabytes") {
  ScratchDir dir;
  ServerProcess server(dir.path());
  const double rss_before = server.rss_mib();
  std::string body = "{\"checks\":[";
  while (body.size() < 1000000) body += "{},";
  body.back() = ']';
  body += "}";
  std::vector<std::future<int>> posts;
  for (int i = 0; i < 4; ++i) {
    posts.push_back(std::async(std::launch::async, [&] {
      auto res = post_gzip(server.port(), body);
      return res ? res->status : 0;
    }));
  }
  for (auto& p : posts) CHECK(p.get() == 400);
  REQUIRE(server.alive());
  INFO("peak RSS " << server.peak_rss_mib() << " MiB, before " << rss_before << " MiB");
  CHECK(server.peak_rss_mib() - rss_before < 100);
}

TEST_CASE("#14.4 slow clients cannot starve others, and SIGTERM ends a server they hold") {
  ScratchDir dir;
  ServerProcess server(dir.path());  // the default worker count
  // 48 clients that send a header line every 2 s, from another loopback address.
  std::vector<RawConnection> slow;
  for (int i = 0; i < 48; ++i) {
    slow.emplace_back(server.port(), "127.0.0.3");
    REQUIRE(slow.back().ok());
    slow.back().send("GET /healthz HTTP/1.1\r\n");
  }
  int answered = 0, asked = 0;
  const auto until = std::chrono::steady_clock::now() + 8s;
  auto next_line = std::chrono::steady_clock::now() + 2s;
  while (std::chrono::steady_clock::now() < until) {
    if (std::chrono::steady_clock::now() >= next_line) {
      for (auto& c : slow) c.send("X-Slow: 1\r\n");
      next_line += 2s;
    }
    ++asked;
    if (healthy(server.port(), 2000ms)) ++answered;
    std::this_thread::sleep_for(250ms);
  }
  CHECK(answered == asked);
  // Slow clients still connected: SIGTERM must not wait for them for ever.
  const double seconds = server.terminate(20s);
  CHECK(seconds >= 0);
  CHECK(seconds < 15);
}

TEST_CASE("#14.5 uploads are rate limited per client and stop at the disk budget") {
  ScratchDir dir;
  ServerProcess server(dir.path(), {"--client-report-burst", "5", "--client-reports-per-hour", "60",
                                    "--max-stored-reports", "8"});
  // Five at once from one address, then 429 with a Retry-After; another address is not held up.
  for (int i = 0; i < 5; ++i)
    CHECK(post_json(server.port(), make_report(), "127.0.0.5")->status == 201);
  auto limited = post_json(server.port(), make_report(), "127.0.0.5");
  REQUIRE(limited);
  CHECK(limited->status == 429);
  CHECK(error_of(limited) == "too many reports from this address, retry later");
  CHECK(std::stoi(limited->header("retry-after")) >= 1);
  CHECK(stored_rows(dir.path()) == 5);
  // The budget: 8 reports in all, whoever sends them; the next is a 507.
  for (int i = 0; i < 3; ++i)
    CHECK(post_json(server.port(), make_report(), "127.0.0.6")->status == 201);
  auto full = post_json(server.port(), make_report(), "127.0.0.7");
  REQUIRE(full);
  CHECK(full->status == 507);
  CHECK(error_of(full) == "the collector's storage budget is exhausted");
  CHECK(stored_rows(dir.path()) == 8);
}

TEST_CASE("#14.5 padding a report with copies of a check is refused, and stored data is bounded") {
  ScratchDir dir;
  ServerProcess server(dir.path(), {"--client-stored-mb-per-hour", "0.01"});
  json padded = make_report();
  padded["checks"].push_back(padded["checks"][0]);  // a second "os" check
  auto res = post_json(server.port(), padded);
  REQUIRE(res);
  CHECK(res->status == 400);
  CHECK(json::parse(res->body)["path"] == "/checks/2/name");
  CHECK(error_of(res) == "not a valid report: duplicate check name \"os\"");
  // 10,000 bytes of stored reports per client per hour here: as many reports as fit, then 429.
  int created = 0;
  std::optional<examready::test::RawResponse> limited;
  for (int i = 0; i < 20; ++i) {
    limited = post_json(server.port(), make_report());
    REQUIRE(limited);
    if (limited->status != 201) break;
    ++created;
  }
  CHECK(limited->status == 429);
  CHECK(error_of(limited) == "too much report data from this address, retry later");
  const std::int64_t stored_bytes = stored_body_bytes(dir.path());
  INFO("stored " << created << " reports of " << stored_bytes << " bytes");
  REQUIRE(created >= 1);
  CHECK(stored_bytes <= 10000);
  CHECK(stored_bytes + stored_bytes / std::max(created, 1) > 10000);  // the next would not fit
  CHECK(stored_rows(dir.path()) == created);
}

TEST_CASE("#14.6 strangers cannot end or join another client's measurement sessions") {
  ScratchDir dir;
  ServerProcess server(dir.path());
  const int port = server.port();
  // The victim's rehearsal and upload session.
  auto created = raw_request(port, "POST", "/v1/probe/rehearsal?bytes=1000");
  REQUIRE(created);
  REQUIRE(created->status == 201);
  const std::string rehearsal = json::parse(created->body)["id"];
  CHECK(rehearsal.size() == 32);  // 128 random bits
  REQUIRE(raw_request(port, "POST", "/v1/probe/upload?session=victim-session-1", "",
                      std::string(5000, 'v'))
              ->status == 200);
  // One stranger: its own cap (16 rehearsals, 64 upload sessions), then 429.
  int refused = 0;
  for (int i = 0; i < 40; ++i) {
    auto r = raw_request(port, "POST", "/v1/probe/rehearsal?bytes=10", "", "", "127.0.0.6");
    if (r && r->status == 429) ++refused;
  }
  CHECK(refused == 24);
  refused = 0;
  for (int i = 0; i < 80; ++i) {
    auto r = raw_request(port, "POST", "/v1/probe/upload?session=flood-" + std::to_string(1000 + i),
                         "", "x", "127.0.0.6");
    if (r && r->status == 429) ++refused;
  }
  CHECK(refused == 16);
  // Many strangers: the table fills (256 rehearsals) and refuses new ones with 503; nothing
  // already there is pushed out.
  int busy = 0;
  for (int a = 0; a < 20; ++a) {
    for (int i = 0; i < 16; ++i) {
      auto r = raw_request(port, "POST", "/v1/probe/rehearsal?bytes=10", "", "",
                           "127.0.1." + std::to_string(a + 1));
      if (r && r->status == 503) ++busy;
    }
  }
  CHECK(busy == 20 * 16 + 16 + 1 - 256);
  auto status = raw_request(port, "GET", "/v1/probe/rehearsal/" + rehearsal);
  REQUIRE(status);
  CHECK(status->status == 200);
  // A stranger naming the victim's upload session is refused; the victim's bytes are intact.
  auto intruder = raw_request(port, "POST", "/v1/probe/upload?session=victim-session-1", "",
                              std::string(777, 'x'), "127.0.0.6");
  REQUIRE(intruder);
  CHECK(intruder->status == 403);
  auto series = raw_request(port, "GET", "/v1/probe/session?id=victim-session-1");
  REQUIRE(series);
  REQUIRE(series->status == 200);
  CHECK(json::parse(series->body)["total_bytes"] == 5000);
}

namespace {

int udp_socket(const std::string& source) {
  const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
  sockaddr_in local{};
  local.sin_family = AF_INET;
  ::inet_pton(AF_INET, source.c_str(), &local.sin_addr);
  ::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof(local));
  timeval timeout{0, 300000};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
  return fd;
}

// Sends one echo request of `size` bytes; returns the reply's size (0: none) and packet.
std::pair<ssize_t, examready::protocol::udp_echo::Packet> echo_once(int fd, int port,
                                                                    std::uint64_t session,
                                                                    std::uint32_t seq,
                                                                    std::size_t size = 64) {
  unsigned char packet[64] = {};
  examready::protocol::udp_echo::Packet p;
  p.session = session;
  p.seq = seq;
  examready::protocol::udp_echo::encode_request(p, packet);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<std::uint16_t>(port));
  ::inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
  ::sendto(fd, packet, size, 0, reinterpret_cast<sockaddr*>(&to), sizeof(to));
  unsigned char reply[128];
  const ssize_t n = ::recv(fd, reply, sizeof(reply), 0);
  examready::protocol::udp_echo::Packet r;
  if (n > 0) {
    if (auto decoded =
            examready::protocol::udp_echo::decode_reply(reply, static_cast<std::size_t>(n))) {
      r = *decoded;
    }
  }
  return {n > 0 ? n : 0, r};
}

}  // namespace

TEST_CASE("#14.6 a UDP echo flood neither resets others' counts nor gets amplified") {
  ScratchDir dir;
  ServerProcess server(dir.path());
  auto ping = raw_request(server.port(), "GET", "/v1/probe/ping");
  REQUIRE(ping);
  const int port = std::stoi(ping->header("x-examready-udp-echo"));
  const int victim = udp_socket("127.0.0.1"), attacker = udp_socket("127.0.0.8");
  for (std::uint32_t seq = 0; seq < 10; ++seq)
    REQUIRE(echo_once(victim, port, 42, seq).first == 36);
  // 5,000 sessions from one address: 256 get answers, the rest none.
  int answered = 0;
  for (std::uint64_t s = 0; s < 5000; ++s) {
    if (echo_once(attacker, port, 1000 + s, 0).first > 0) ++answered;
    if (answered >= 256 && s > 262) break;  // the rest would only wait for timeouts
  }
  CHECK(answered == 256);
  CHECK(echo_once(attacker, port, 99999, 0).first == 0);
  const auto after = echo_once(victim, port, 42, 10);
  CHECK(after.first == 36);
  CHECK(after.second.server_received == 11);  // still counting, never reset
  // Never larger than the request: a 24-byte request (smaller than the reply) gets nothing.
  CHECK(echo_once(victim, port, 43, 0, 24).first == 0);
  CHECK(echo_once(victim, port, 43, 0, 36).first == 36);
  ::close(victim);
  ::close(attacker);
}

TEST_CASE("#14.7 statistics: canonical names, no formulas, devices not copies, bounded groups") {
  ScratchDir dir;
  ServerProcess server(dir.path(),
                       {"--client-report-burst", "0", "--client-stored-mb-per-hour", "0"});
  const int port = server.port();
  // Free text that would be a spreadsheet formula never becomes a group.
  for (int i = 0; i < 5; ++i) {
    REQUIRE(post_json(port, make_report({"=HYPERLINK(\"http://x\")", "=1+1", "android", "12"}))
                ->status == 201);
  }
  auto csv = raw_request(port, "GET", "/v1/stats?by=model&format=csv");
  REQUIRE(csv);
  CHECK(csv->body.find("=") == std::string::npos);
  CHECK(csv->body.find("HYPERLINK") == std::string::npos);
  auto brands = json::parse(raw_request(port, "GET", "/v1/stats?by=brand")->body);
  REQUIRE(brands["groups"].size() == 1);
  CHECK(brands["groups"][0]["key"].is_null());  // the unknown group, not the client's text
  // One real report and four copies from the same device: still one device, not shown.
  const std::string device(32, 'd');
  for (int i = 0; i < 5; ++i) {
    REQUIRE(post_json(port, make_report({"oppo", "PFFM10", "android", "13", device}))->status ==
            201);
  }
  const std::string models = raw_request(port, "GET", "/v1/stats?by=model")->body;
  CHECK(models.find("OPPO Find X5") == std::string::npos);
  // 1,000 made-up models: one unknown group, not 1,000, and the answer stays fast.
  for (int i = 0; i < 1000; ++i) {
    REQUIRE(post_json(port, make_report({"junk", "JUNK-" + std::to_string(i), "android", "13"}))
                ->status == 201);
  }
  const auto start = std::chrono::steady_clock::now();
  auto all = json::parse(raw_request(port, "GET", "/v1/stats?by=model")->body);
  CHECK(std::chrono::steady_clock::now() - start < 200ms);
  CHECK(all["groups"].size() == 1);
}

TEST_CASE("#14.8 a secondary phone attaches to a primary only with its pairing proof") {
  ScratchDir dir;
  const std::string token = "helpdesk-token-for-pairing";
  ServerProcess server(dir.path(), {}, {"EXAMREADY_HELPDESK_TOKENS=" + token});
  const int port = server.port();
  const json primary = make_report();
  auto created = post_json(port, primary);
  REQUIRE(created);
  REQUIRE(created->status == 201);
  const std::string proof = json::parse(created->body)["pair_proof"];
  CHECK(proof == examready::reports::pair_proof(primary["report_id"].get<std::string>()));
  const std::string code = primary["code"];
  auto secondary = [&](const std::string& with_proof) {
    return make_report({"huawei", "NOH-AN00", "harmonyos", "3.0"}, "secondary", code, with_proof);
  };
  auto no_proof = post_json(port, secondary(""));
  CHECK(no_proof->status == 400);
  CHECK(json::parse(no_proof->body)["path"] == "/pair_proof");
  auto wrong = post_json(port, secondary("0000000000000000"));
  CHECK(wrong->status == 403);
  CHECK(error_of(wrong) == "pair_proof does not match the primary's report");
  CHECK(stored_rows(dir.path()) == 1);
  const json real = secondary(proof);
  REQUIRE(post_json(port, real)->status == 201);
  auto shown =
      raw_request(port, "GET", "/v1/reports/" + code, "Authorization: Bearer " + token + "\r\n");
  REQUIRE(shown);
  REQUIRE(shown->status == 200);
  const json pair = json::parse(shown->body)["pair"];
  REQUIRE(pair["secondaries"].size() == 1);
  CHECK(pair["secondaries"][0]["code"] == real["code"]);
}

TEST_CASE("#14.9 security headers, a health check without database text, token rules") {
  ScratchDir dir;
  const std::string token = "helpdesk-token-for-headers";
  ServerProcess server(dir.path(), {}, {"EXAMREADY_HELPDESK_TOKENS=" + token});
  const int port = server.port();
  auto api = raw_request(port, "GET", "/healthz");
  REQUIRE(api);
  CHECK(api->header("x-content-type-options") == "nosniff");
  CHECK(api->header("x-frame-options") == "DENY");
  CHECK(api->header("content-security-policy").find("frame-ancestors 'none'") != std::string::npos);
  auto page = raw_request(port, "GET", "/helpdesk");
  REQUIRE(page);
  CHECK(page->header("x-frame-options") == "DENY");
  CHECK(page->header("content-security-policy") ==
        "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'");
  // Tokens: a malformed one is refused like a wrong one; 20 failures, then 429 even for the
  // right token from that address (guessing must not go on); other addresses are unaffected.
  auto lookup = [&](const std::string& bearer, const std::string& source) {
    return raw_request(port, "GET", "/v1/reports?limit=1",
                       "Authorization: Bearer " + bearer + "\r\n", "", source);
  };
  CHECK(lookup("short", "127.0.0.9")->status == 401);
  for (int i = 0; i < 19; ++i)
    CHECK(lookup("wrong-token-guess-" + std::to_string(i), "127.0.0.9")->status == 401);
  auto blocked = lookup(token, "127.0.0.9");
  REQUIRE(blocked);
  CHECK(blocked->status == 429);
  CHECK(error_of(blocked) == "too many failed token attempts from this address, retry later");
  CHECK(lookup(token, "127.0.0.10")->status == 200);
}

TEST_CASE("#14.9 /healthz does not show the database's error text") {
  std::string reason;
  auto* pg = examready::test::TempPostgres::shared(reason);
  if (!pg) {
    WARN("PostgreSQL test skipped: " << reason);
    return;
  }
  const std::string url = pg->new_database();
  const std::string name = url.substr(url.find("///") + 3, url.find('?') - url.find("///") - 3);
  ScratchDir dir;
  ServerProcess server(dir.path(), {}, {}, url);
  REQUIRE(healthy(server.port()));
  PGconn* admin = PQconnectdb(
      ("host=" + pg->socket_dir() + " port=5432 user=postgres dbname=postgres").c_str());
  PQclear(PQexec(admin, ("DROP DATABASE " + name + " WITH (FORCE)").c_str()));
  PQfinish(admin);
  auto res = raw_request(server.port(), "GET", "/healthz");
  REQUIRE(res);
  CHECK(res->status == 503);
  CHECK(res->body == "{\"status\":\"unavailable\"}");
  CHECK(server.log_text().find("health check") != std::string::npos);  // the reason is logged
}

TEST_CASE("#14.9 --hash-token reads the token from stdin, never from argv") {
  const std::string bin = EXAMREADY_SERVER_BIN;
  std::array<char, 256> buffer{};
  std::string out;
  FILE* pipe = ::popen(("echo 'a-helpdesk-token-123' | " + bin + " --hash-token").c_str(), "r");
  REQUIRE(pipe);
  while (std::fgets(buffer.data(), buffer.size(), pipe)) out += buffer.data();
  CHECK(::pclose(pipe) == 0);
  CHECK(out.rfind("helpdesk sha256:", 0) == 0);
  CHECK(out.size() == std::string("helpdesk sha256:").size() + 64 + 1);
  // The old form, with the token in argv, is a usage error that does not echo it.
  out.clear();
  pipe = ::popen((bin + " --hash-token a-helpdesk-token-123 </dev/null 2>&1").c_str(), "r");
  REQUIRE(pipe);
  while (std::fgets(buffer.data(), buffer.size(), pipe)) out += buffer.data();
  CHECK(::pclose(pipe) != 0);
  CHECK(out.find("sha256:") == std::string::npos);
  // Too short to be a token.
  pipe = ::popen(("echo short | " + bin + " --hash-token 2>/dev/null").c_str(), "r");
  REQUIRE(pipe);
  CHECK(::pclose(pipe) != 0);
}
