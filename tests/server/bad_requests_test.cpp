// Bad HTTP requests against the real examready-server process, table-driven: each one's exact
// status and error, and that nothing was stored (the database is counted after each).

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "reports/upload/upload.h"
#include "tests/server/collector_db.h"
#include "tests/server/live_server.h"
#include "tests/server/raw_http.h"
#include "tests/server/report_factory.h"
#include "tests/server/server_process.h"

using examready::test::make_report;
using examready::test::RawConnection;
using examready::test::ScratchDir;
using examready::test::ServerProcess;
using examready::test::stored_rows;
using nlohmann::json;
using namespace std::chrono_literals;

namespace {

constexpr const char* kToken = "bad-requests-helpdesk-token";
constexpr const char* kUploader = "bad-requests-uploader-token";

struct Case {
  std::string name;
  std::string request;  // the raw bytes sent
  int status;
  std::string error;  // the exact "error" of the JSON answer ("" when there is no JSON body)
  std::string path = "";
};

std::string post(const std::string& target, const std::string& headers, const std::string& body) {
  return "POST " + target + " HTTP/1.1\r\nHost: x\r\n" + headers +
         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::string report_post(const std::string& body, const std::string& extra = "") {
  return post("/v1/reports", "Content-Type: application/json\r\n" + extra, body);
}

std::string get(const std::string& target, const std::string& headers = "") {
  return "GET " + target + " HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n";
}

std::string auth(const std::string& token) { return "Authorization: Bearer " + token + "\r\n"; }

std::string with(const std::function<void(json&)>& change) {
  json report = make_report();
  change(report);
  return report.dump();
}

std::vector<Case> protocol_cases() {
  const std::string big(2 << 20, ' ');
  return {
      {"not HTTP", "GARBAGE\r\n\r\n", 400, "malformed request: bad method"},
      {"bad version", "GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n", 400,
       "malformed request: bad version"},
      {"header without colon", "GET /healthz HTTP/1.1\r\nHost x\r\n\r\n", 400,
       "malformed request: bad field"},
      {"space in a header name", "GET /healthz HTTP/1.1\r\nBad Header: x\r\n\r\n", 400,
       "malformed request: bad field"},
      {"header too large",
       "GET /healthz HTTP/1.1\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n", 431,
       "request header larger than 16384 bytes"},
      {"absolute-form target", get("http://x/healthz"), 400, "malformed request target"},
      {"bad percent-encoding", get("/v1/stats?by=%zz"), 400, "malformed request target"},
      {"negative Content-Length", "POST /v1/reports HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 400,
       "malformed request: bad Content-Length"},
      {"huge Content-Length",
       "POST /v1/reports HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n", 400,
       "malformed request: bad Content-Length"},
      {"two Content-Lengths",
       "POST /v1/reports HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello", 400,
       "malformed request: bad Content-Length"},
      {"unsupported Transfer-Encoding",
       "POST /v1/reports HTTP/1.1\r\nContent-Type: application/json\r\nTransfer-Encoding: "
       "gzip\r\n\r\n",
       501, "only the chunked Transfer-Encoding is supported"},
      {"chunked and Content-Length",
       "POST /v1/reports HTTP/1.1\r\nContent-Type: application/json\r\nTransfer-Encoding: "
       "chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n",
       400, "malformed request: bad Content-Length"},
      {"bad chunk size",
       "POST /v1/reports HTTP/1.1\r\nContent-Type: application/json\r\nTransfer-Encoding: "
       "chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
       400, "malformed request body (chunked encoding)"},
      {"no such path", get("/nope"), 404, "no such endpoint"},
      {"traversal past a route", get("/v1/reports/../../etc/passwd"), 404, "no such endpoint"},
      {"traversal in static", get("/static/../collector.db"), 404, "no such endpoint"},
      {"encoded traversal in static", get("/static/%2e%2e%2fcollector.db"), 404, "no such page"},
      {"wrong method", "PUT /v1/reports HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", 405,
       "method not allowed"},
      {"DELETE", "DELETE /healthz HTTP/1.1\r\nHost: x\r\n\r\n", 405, "method not allowed"},
      {"made-up method", "BREW /healthz HTTP/1.1\r\nHost: x\r\n\r\n", 405, "method not allowed"},
      {"body to an endpoint that takes none",
       "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello", 413,
       "this endpoint takes no request body"},
      {"body to the rehearsal start", post("/v1/probe/rehearsal?bytes=10", "", "hello"), 413,
       "this endpoint takes no request body"},
      {"report over 1 MiB, declared", report_post(big), 413, "body larger than 1048576 bytes"},
      {"report over 1 MiB, expecting 100-continue",
       "POST /v1/reports HTTP/1.1\r\nContent-Type: application/json\r\nExpect: "
       "100-continue\r\nContent-Length: 2000000\r\n\r\n",
       413, "body larger than 1048576 bytes"},
  };
}

std::vector<Case> body_cases() {
  const std::string bomb =
      examready::reports::gzip_compress(make_report().dump() + std::string(8 << 20, ' '));
  std::string nested;
  for (int i = 0; i < 100; ++i) nested += "[";
  for (int i = 0; i < 100; ++i) nested += "]";
  std::string many_checks = "{\"checks\":[";
  for (int i = 0; i < 1001; ++i) many_checks += "{},";
  many_checks.back() = ']';
  many_checks += "}";
  return {
      {"text/plain", post("/v1/reports", "Content-Type: text/plain\r\n", make_report().dump()), 415,
       "Content-Type must be application/json"},
      {"no Content-Type", post("/v1/reports", "", make_report().dump()), 415,
       "Content-Type must be application/json"},
      {"brotli", report_post("x", "Content-Encoding: br\r\n"), 415,
       "unsupported Content-Encoding (gzip or deflate, where allowed)"},
      {"gzip that is not", report_post("not gzip at all", "Content-Encoding: gzip\r\n"), 400,
       "could not read the body (bad Content-Encoding?)"},
      {"gzip bomb", report_post(bomb, "Content-Encoding: gzip\r\n"), 413,
       "body larger than 1048576 bytes once decompressed"},
      {"encoding on the upload measurement",
       post("/v1/probe/upload", "Content-Encoding: gzip\r\n", "x"), 415,
       "unsupported Content-Encoding (gzip or deflate, where allowed)"},
      {"empty body", report_post(""), 400, "body is not JSON"},
      {"not JSON", report_post("hello"), 400, "body is not JSON"},
      {"invalid UTF-8", report_post("{\"schema\":\"\xff\xfe\"}"), 400, "body is not JSON"},
      {"NUL byte", report_post(std::string("{\"a\":\"\0\"}", 9)), 400, "body is not JSON"},
      {"an array", report_post("[1,2]"), 400, "not a valid report: expected an object", "/"},
      {"nested 100 deep", report_post(nested), 400,
       "not a valid report: nested deeper than 8 levels", "/0/0/0/0/0/0/0/0"},
      {"1,001 checks", report_post(many_checks), 400, "not a valid report: more than 1000 items",
       "/checks/1000"},
      {"duplicate keys",
       report_post("{\"schema\":\"examready.report/1\",\"schema\":\"examready.report/1\"}"), 400,
       "not a valid report: duplicate property 'schema'", "/"},
      {"100,000-character string",
       report_post(with([](json& j) { j["host"]["platform"] = std::string(100000, 'a'); })), 400,
       "not a valid report: string longer than 8000 bytes", "/host/platform"},
      {"string over its maxLength",
       report_post(with([](json& j) { j["host"]["platform"] = std::string(65, 'a'); })), 400,
       "not a valid report: longer than 64 characters", "/host/platform"},
      {"duplicate check names",
       report_post(with([](json& j) { j["checks"].push_back(j["checks"][1]); })), 400,
       "not a valid report: duplicate check name \"device\"", "/checks/2/name"},
      {"unknown metric", report_post(with([](json& j) {
         j["checks"][0]["measurements"]["os.colour"] = {{"value", "blue"}, {"source", "x"}};
       })),
       400, "not a valid report: unknown metric os.colour", "/checks/0/measurements/os.colour"},
      {"pair_code without pair_proof", report_post(with([](json& j) {
         j["role"] = "secondary";
         j["pair_code"] = "7KQ2-M9XD";
       })),
       400, "pair_code needs the pair_proof the primary's QR code or link carries", "/pair_proof"},
      {"malformed pair_proof", report_post(with([](json& j) { j["pair_proof"] = "nope"; })), 400,
       "not a valid report: does not match ^[0-9A-HJKMNP-TV-Z]{16}$", "/pair_proof"},
      {"pair_proof without pair_code",
       report_post(with([](json& j) { j["pair_proof"] = "0123456789ABCDEF"; })), 400,
       "pair_proof without pair_code", "/pair_proof"},
  };
}

std::vector<Case> query_cases() {
  return {
      {"lookup without a token", get("/v1/reports/AAAA-AAAA"), 401,
       "a helpdesk token is required (Authorization: Bearer …)"},
      {"a token too short to be one", get("/v1/reports/AAAA-AAAA", auth("short")), 401,
       "a helpdesk token is required (Authorization: Bearer …)"},
      {"a token of 300 characters", get("/v1/reports/AAAA-AAAA", auth(std::string(300, 'a'))), 401,
       "a helpdesk token is required (Authorization: Bearer …)"},
      {"Basic auth", get("/v1/reports", "Authorization: Basic aGVscGRlc2s6eA==\r\n"), 401,
       "a helpdesk token is required (Authorization: Bearer …)"},
      {"uploader token", get("/v1/reports", auth(kUploader)), 403,
       "this token may not read reports"},
      {"not a code", get("/v1/reports/not-a-code!", auth(kToken)), 400,
       "not a report code (expected e.g. 7KQ2-M9XD)"},
      {"limit 0", get("/v1/reports?limit=0", auth(kToken)), 400,
       "page must be 1..100000 and limit 1..200"},
      {"limit not a number", get("/v1/reports?limit=abc", auth(kToken)), 400,
       "page must be 1..100000 and limit 1..200"},
      {"negative page", get("/v1/reports?page=-1", auth(kToken)), 400,
       "page must be 1..100000 and limit 1..200"},
      {"since not a time", get("/v1/reports?since=yesterday", auth(kToken)), 400,
       "since must be a UTC time like 2026-11-24T08:30:00Z"},
      {"unknown verdict", get("/v1/reports?verdict=perfect", auth(kToken)), 400,
       "verdict must be ready, warnings, not_ready, incomplete or unevaluated"},
      {"stats by user", get("/v1/stats?by=user"), 400,
       "by must be brand, model, os_version, rule or model_rule"},
      {"stats without by", get("/v1/stats"), 400,
       "by must be brand, model, os_version, rule or model_rule"},
      {"stats as XML", get("/v1/stats?by=brand&format=xml"), 400, "format must be json or csv"},
      {"rehearsal of 0 bytes", post("/v1/probe/rehearsal?bytes=0", "", ""), 400,
       "bytes must be 1..4294967296"},
      {"rehearsal of 100 GB", post("/v1/probe/rehearsal?bytes=100000000000", "", ""), 400,
       "bytes must be 1..4294967296"},
      {"chunk for no rehearsal",
       "PUT /v1/probe/rehearsal/xyz?offset=0 HTTP/1.1\r\nContent-Length: "
       "1\r\n\r\nx",
       404, "no such rehearsal"},
      {"chunk without a length",
       "PUT /v1/probe/rehearsal/0123456789abcdef0123456789abcdef?offset=0 "
       "HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n",
       411, "Content-Length required"},
      {"chunk over chunk_bytes",
       "PUT /v1/probe/rehearsal/0123456789abcdef0123456789abcdef?offset=0 "
       "HTTP/1.1\r\nContent-Length: 9000000\r\n\r\n",
       413, "body larger than 8388608 bytes"},
      {"upload session with a path", post("/v1/probe/upload?session=../x", "", "x"), 400,
       "invalid session id"},
      {"session id too short", get("/v1/probe/session?id=bad"), 400, "invalid session id"},
  };
}

}  // namespace

TEST_CASE("bad HTTP requests get their exact status and error, and store nothing") {
  ScratchDir dir;
  const std::string tokens = (dir.path() / "tokens").string();
  std::ofstream(tokens) << "helpdesk " << kToken << "\nuploader " << kUploader << "\n";
  ServerProcess server(dir.path(), {"--client-report-burst", "0", "--client-stored-mb-per-hour",
                                    "0", "--tokens-file", tokens});
  std::vector<Case> cases = protocol_cases();
  for (auto& c : body_cases()) cases.push_back(std::move(c));
  for (auto& c : query_cases()) cases.push_back(std::move(c));
  REQUIRE(cases.size() >= 60);
  for (const auto& c : cases) {
    INFO("case: " << c.name);
    RawConnection conn(server.port(), "127.0.0.20");
    REQUIRE(conn.ok());
    conn.send(c.request);
    auto res = conn.read_response(10s);
    REQUIRE(res);
    CHECK(res->status == c.status);
    const json body = json::parse(res->body, nullptr, false);
    REQUIRE(body.is_object());
    CHECK(body.value("error", "") == c.error);
    if (!c.path.empty()) CHECK(body.value("path", "") == c.path);
    CHECK(stored_rows(dir.path()) == 0);
    REQUIRE(server.alive());
  }
}
