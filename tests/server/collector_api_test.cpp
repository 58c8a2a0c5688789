// The collector's HTTP API against a real socket, with both storage backends.
#include <zlib.h>

#include <catch2/catch.hpp>

#include "reports/pairing.h"
#include "reports/schema.h"
#include "reports/upload/upload.h"
#include "rules/files.h"
#include "rules/rule_set.h"
#include "server/http/content_coding.h"
#include "server/rules_evaluator.h"
#include "tests/server/live_server.h"
#include "tests/server/report_factory.h"

using examready::test::DeviceFacts;
using examready::test::LiveServer;
using examready::test::make_report;
using examready::test::ScratchDir;
using nlohmann::json;

namespace {

httplib::Result post(LiveServer& s, const std::string& body, const httplib::Headers& headers = {}) {
  return s.client().Post("/v1/reports", headers, body, "application/json");
}

httplib::Result get(LiveServer& s, const std::string& path, const std::string& token = "") {
  httplib::Headers headers;
  if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
  return s.client().Get(path.c_str(), headers);
}

}  // namespace

#define BACKEND_OR_SKIP()                                                          \
  const std::string backend = GENERATE(as<std::string>{}, "sqlite", "postgresql"); \
  ScratchDir scratch;                                                              \
  const std::string url = examready::test::backend_url(backend, scratch.path());   \
  if (url.empty()) return;                                                         \
  INFO("backend " << backend)

TEST_CASE("upload stores a report and answers 201 with its code") {
  BACKEND_OR_SKIP();
  LiveServer s(url);
  const json report = make_report();
  auto res = post(s, report.dump());
  REQUIRE(res);
  CHECK(res->status == 201);
  const json answer = json::parse(res->body);
  CHECK(answer["code"] == report["code"]);
  CHECK(answer["verdict"] == "unevaluated");  // no rules set in this server
  CHECK(s.storage().count() == 1);
  // gzip bodies are accepted (the uploader always compresses).
  const json second = make_report();
  res = post(s, examready::reports::gzip_compress(second.dump()), {{"Content-Encoding", "gzip"}});
  REQUIRE(res);
  CHECK(res->status == 201);
  CHECK(s.storage().count() == 2);
}

TEST_CASE("a replay is answered 200 with the same code and stores one row; another body is 409") {
  BACKEND_OR_SKIP();
  LiveServer s(url);
  json report = make_report();
  REQUIRE(post(s, report.dump())->status == 201);
  auto replay = post(s, report.dump(2));  // formatting differs, content does not
  REQUIRE(replay);
  CHECK(replay->status == 200);
  CHECK(json::parse(replay->body)["code"] == report["code"]);
  CHECK(s.storage().count() == 1);
  report["checks"][0]["duration_ms"] = 99.0;
  auto conflict = post(s, report.dump());
  REQUIRE(conflict);
  CHECK(conflict->status == 409);
  CHECK(s.storage().count() == 1);
  const auto stored = s.storage().find_by_code(report["code"]);
  REQUIRE(stored.size() == 1);
  CHECK(json::parse(stored[0].body)["checks"][0]["duration_ms"] == 3.5);
}

TEST_CASE("malformed bodies are 400 with the failing path, and nothing is stored") {
  BACKEND_OR_SKIP();
  LiveServer s(url);
  const json good = make_report();
  struct Case {
    std::string name;
    std::string body;
    std::string path;  // expected JSON pointer, "" when none applies
  };
  auto with = [&](const std::function<void(json&)>& change) {
    json copy = good;
    change(copy);
    return copy.dump();
  };
  std::vector<Case> cases = {
      {"empty", "", ""},
      {"not json", "hello", ""},
      {"truncated", good.dump().substr(0, 100), ""},
      {"array", "[1,2]", "/"},
      {"string", "\"report\"", "/"},
      {"missing schema", with([](json& j) { j.erase("schema"); }), "/"},
      {"wrong schema", with([](json& j) { j["schema"] = "examready.report/2"; }), "/schema"},
      {"short report id", with([](json& j) { j["report_id"] = "abc"; }), "/report_id"},
      {"code mismatch", with([](json& j) { j["code"] = "AAAA-AAAA"; }), "/code"},
      {"bad code alphabet", with([](json& j) { j["code"] = "IIII-UUUU"; }), "/code"},
      {"bad created_at", with([](json& j) { j["created_at"] = "yesterday"; }), "/created_at"},
      {"bad role", with([](json& j) { j["role"] = "tertiary"; }), "/role"},
      {"extra property", with([](json& j) { j["name"] = "Zhang San"; }), "/"},
      {"checks not array", with([](json& j) { j["checks"] = json::object(); }), "/checks"},
      {"bad check status", with([](json& j) { j["checks"][0]["status"] = "fine"; }),
       "/checks/0/status"},
      {"negative duration", with([](json& j) { j["checks"][1]["duration_ms"] = -1; }),
       "/checks/1/duration_ms"},
      {"bad metric name", with([](json& j) {
         j["checks"][0]["measurements"]["OS"] = {{"value", 1}, {"source", "x"}};
       }),
       "/checks/0/measurements"},
      {"measurement without source",
       with([](json& j) { j["checks"][0]["measurements"]["os.version"].erase("source"); }),
       "/checks/0/measurements/os.version"},
      {"object value", with([](json& j) {
         j["checks"][0]["measurements"]["os.version"]["value"] = json::object();
       }),
       "/checks/0/measurements/os.version/value"},
      {"bad platform", with([](json& j) { j["host"]["platform"] = "Android Phone"; }),
       "/host/platform"},
      {"bad probe version", with([](json& j) { j["probe"]["version"] = "latest"; }),
       "/probe/version"},
      {"bad transport", with([](json& j) { j["probe"]["transport"] = "bluetooth"; }),
       "/probe/transport"},
      {"bad pair code", with([](json& j) { j["pair_code"] = "12345"; }), "/pair_code"},
      {"pair with itself", with([](json& j) { j["pair_code"] = j["code"]; }), "/pair_code"},
      {"bad evaluation verdict", with([](json& j) {
         j["evaluation"] = {{"rules_id", "x"},
                            {"evaluated_at", "2026-01-01T00:00:00Z"},
                            {"verdict", "great"},
                            {"rules", json::array()}};
       }),
       "/evaluation/verdict"},
      {"too many checks", with([](json& j) {
         for (int i = 0; i < 64; ++i) j["checks"].push_back(j["checks"][0]);
       }),
       "/checks"},
  };
  REQUIRE(cases.size() >= 20);
  for (const auto& c : cases) {
    INFO("case: " << c.name);
    auto res = post(s, c.body);
    REQUIRE(res);
    CHECK(res->status == 400);
    const json answer = json::parse(res->body, nullptr, false);
    REQUIRE(answer.is_object());
    CHECK(answer.contains("error"));
    if (!c.path.empty()) CHECK(answer.value("path", "") == c.path);
  }
  // A body claiming gzip that is not gzip.
  auto res = post(s, "not gzip at all", {{"Content-Encoding", "gzip"}});
  REQUIRE(res);
  CHECK(res->status == 400);
  CHECK(s.storage().count() == 0);
}

TEST_CASE("an oversized body is 413, also when it only grows on decompression") {
  BACKEND_OR_SKIP();
  auto options = examready::test::test_options();
  options.max_body_bytes = 256 << 10;
  LiveServer s(url, options);
  json big = make_report();
  big["checks"][0]["message"] = std::string(2000, 'x');
  for (int i = 0; i < 60; ++i) big["checks"].push_back(big["checks"][0]);
  std::string body = big.dump();
  body += std::string((300 << 10) - body.size() % 1024, ' ');  // JSON whitespace: past the limit
  auto res = post(s, body);
  REQUIRE(res);
  CHECK(res->status == 413);
  // A zip bomb: 20 MiB of whitespace compresses to about 20 KiB.
  const std::string bomb =
      examready::reports::gzip_compress(make_report().dump() + std::string(20 << 20, ' '));
  REQUIRE(bomb.size() < options.max_body_bytes);
  res = post(s, bomb, {{"Content-Encoding", "gzip"}});
  REQUIRE(res);
  CHECK(res->status == 413);
  CHECK(s.storage().count() == 0);
  {
    // With the measurement endpoints registered (they take bodies of up to 1 GiB) the upload
    // route still refuses what is larger than max_body_bytes, itself.
    ScratchDir other;
    LiveServer w("sqlite:" + (other.path() / "w.db").string(), options, {}, {}, {},
                 /*probe_routes=*/true);
    auto too_big = post(w, body);
    REQUIRE(too_big);
    CHECK(too_big->status == 413);
    CHECK(w.storage().count() == 0);
    auto fine = post(w, make_report().dump());
    REQUIRE(fine);
    CHECK(fine->status == 201);
  }
  // The server still works afterwards.
  res = post(s, make_report().dump());
  REQUIRE(res);
  CHECK(res->status == 201);
}

TEST_CASE("helpdesk endpoints need a helpdesk token: 401 without, 403 for another role") {
  BACKEND_OR_SKIP();
  LiveServer s(url);
  const json report = make_report();
  REQUIRE(post(s, report.dump())->status == 201);
  const std::string code = report["code"];
  const std::string path = "/v1/reports/" + code;
  CHECK(get(s, path)->status == 401);
  CHECK(get(s, path, "wrong-token")->status == 401);
  CHECK(s.client().Get(path.c_str(), {{"Authorization", "Basic aGVscGRlc2s="}})->status == 401);
  CHECK(get(s, path, examready::test::kUploaderToken)->status == 403);
  CHECK(get(s, "/v1/reports", "")->status == 401);
  CHECK(get(s, "/v1/reports", examready::test::kUploaderToken)->status == 403);
  auto ok = get(s, path, examready::test::kHelpdeskToken);
  REQUIRE(ok);
  REQUIRE(ok->status == 200);
  const json answer = json::parse(ok->body);
  CHECK(answer["report"]["report_id"] == report["report_id"]);
  CHECK(answer["os_version"] == "12");
  // What a person types over the phone: lower case, no hyphen, O for 0.
  std::string typed = code.substr(0, 4) + code.substr(5);
  for (char& ch : typed)
    ch = ch == '0' ? 'o' : static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  CHECK(get(s, "/v1/reports/" + typed, examready::test::kHelpdeskToken)->status == 200);
  CHECK(get(s, "/v1/reports/ZZZZ-ZZZZ", examready::test::kHelpdeskToken)->status == 404);
  CHECK(get(s, "/v1/reports/not-a-code!", examready::test::kHelpdeskToken)->status == 400);
}

TEST_CASE("helpdesk shows both phones of a pair and searches with paging") {
  BACKEND_OR_SKIP();
  LiveServer s(url);
  const json primary = make_report();
  const json secondary =
      make_report({"huawei", "NOH-AN00", "harmonyos", "3.0"}, "secondary", primary["code"],
                  examready::reports::pair_proof(primary["report_id"].get<std::string>()));
  REQUIRE(post(s, primary.dump())->status == 201);
  REQUIRE(post(s, secondary.dump())->status == 201);
  auto res =
      get(s, "/v1/reports/" + primary["code"].get<std::string>(), examready::test::kHelpdeskToken);
  REQUIRE(res->status == 200);
  json answer = json::parse(res->body);
  REQUIRE(answer["pair"]["secondaries"].size() == 1);
  CHECK(answer["pair"]["secondaries"][0]["code"] == secondary["code"]);
  res = get(s, "/v1/reports/" + secondary["code"].get<std::string>(),
            examready::test::kHelpdeskToken);
  answer = json::parse(res->body);
  CHECK(answer["pair"]["primary"]["code"] == primary["code"]);

  for (int i = 0; i < 4; ++i)
    REQUIRE(post(s, make_report({"xiaomi", "23049RAD8C", "android", "13"}).dump())->status == 201);
  res = get(s, "/v1/reports?brand=xiaomi&limit=2", examready::test::kHelpdeskToken);
  REQUIRE(res->status == 200);
  answer = json::parse(res->body);
  CHECK(answer["items"].size() == 2);
  CHECK(answer["has_more"] == true);
  res = get(s, "/v1/reports?brand=xiaomi&limit=2&page=3", examready::test::kHelpdeskToken);
  answer = json::parse(res->body);
  CHECK(answer["items"].size() == 1);
  CHECK(answer["has_more"] == false);
  res = get(s, "/v1/reports?model=NOH-AN00", examready::test::kHelpdeskToken);
  CHECK(json::parse(res->body)["items"].size() == 1);
  res = get(s, "/v1/reports?since=2999-01-01T00:00:00Z", examready::test::kHelpdeskToken);
  CHECK(json::parse(res->body)["items"].empty());
  CHECK(get(s, "/v1/reports?verdict=perfect", examready::test::kHelpdeskToken)->status == 400);
  CHECK(get(s, "/v1/reports?limit=100000", examready::test::kHelpdeskToken)->status == 400);
}

TEST_CASE("public stats hide groups under 5 devices and never show ids or codes") {
  BACKEND_OR_SKIP();
  LiveServer s(url);
  std::vector<std::string> codes;
  for (int i = 0; i < 5; ++i) {
    const json r = make_report({"xiaomi", "M2003J15SC", "android", "12.0." + std::to_string(i)});
    codes.push_back(r["code"]);
    REQUIRE(post(s, r.dump())->status == 201);
  }
  for (int i = 0; i < 4; ++i) {
    const json r = make_report({"huawei", "NOH-AN00", "harmonyos", "3.0"});
    codes.push_back(r["code"]);
    REQUIRE(post(s, r.dump())->status == 201);
  }
  auto res = s.client().Get("/v1/stats?by=brand");
  REQUIRE(res->status == 200);
  json answer = json::parse(res->body);
  CHECK(answer["total_reports"] == 9);
  // Brand and model are the device database's (M2003J15SC is a Redmi 10X 4G); NOH-AN00 is not
  // in it, so the four huawei reports form the unknown group, too small to show.
  REQUIRE(answer["groups"].size() == 1);
  CHECK(answer["groups"][0]["key"] == "redmi");
  CHECK(answer["groups"][0]["reports"] == 5);
  // OS versions group by major version: the five 12.0.x reports form one group.
  answer = json::parse(s.client().Get("/v1/stats?by=os_version")->body);
  REQUIRE(answer["groups"].size() == 1);
  CHECK(answer["groups"][0]["key"] == "android 12");
  res = s.client().Get("/v1/stats?by=model&format=csv");
  REQUIRE(res->status == 200);
  CHECK(res->get_header_value("Content-Type").find("text/csv") == 0);
  CHECK(res->body ==
        "key,reports,ready,warnings,not_ready,incomplete,unevaluated\nRedmi 10X 4G,5,0,0,0,0,5\n");
  res = s.client().Get("/v1/stats?by=brand", {{"Accept", "text/csv"}});
  CHECK(res->body.find("huawei") == std::string::npos);
  // Failure clusters (unevaluated reports fail no rule): two key columns in CSV.
  res = s.client().Get("/v1/stats?by=model_rule&format=csv");
  REQUIRE(res->status == 200);
  CHECK(res->body == "model,rule,reports,ready,warnings,not_ready,incomplete,unevaluated\n");
  for (const auto& by : {"brand", "model", "os_version", "rule", "model_rule"}) {
    const std::string body = s.client().Get((std::string("/v1/stats?by=") + by).c_str())->body;
    for (const auto& code : codes) CHECK(body.find(code) == std::string::npos);
    CHECK(body.find("report_id") == std::string::npos);
  }
  CHECK(s.client().Get("/v1/stats?by=user")->status == 400);
}

TEST_CASE("healthz, metrics and the embedded pages") {
  BACKEND_OR_SKIP();
  LiveServer s(url);
  REQUIRE(post(s, make_report().dump())->status == 201);
  auto res = s.client().Get("/healthz");
  REQUIRE(res->status == 200);
  CHECK(json::parse(res->body)["backend"] == backend);
  // A request is counted after its response is written: poll briefly.
  const std::string counted =
      "examready_http_requests_total{route=\"POST /v1/reports\",status=\"201\"} 1";
  for (int i = 0; i < 100; ++i) {
    res = s.client().Get("/metrics");
    REQUIRE(res->status == 200);
    if (res->body.find(counted) != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  CHECK(res->body.find(counted) != std::string::npos);
  CHECK(res->body.find("examready_stored_reports{backend=\"" + backend + "\"} 1") !=
        std::string::npos);
  CHECK(res->body.find("examready_http_request_duration_seconds_bucket") != std::string::npos);
  for (const auto& page :
       {"/helpdesk", "/stats", "/static/app.css", "/static/helpdesk.js", "/static/stats.js"}) {
    INFO(page);
    res = s.client().Get(page);
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->body.size() > 200);
  }
  CHECK(s.client().Get("/static/nothing.js")->status == 404);
}

TEST_CASE("pages and rules bundles are served brotli or gzip as the client asks") {
  BACKEND_OR_SKIP();
  auto options = examready::test::test_options();
  const std::string bundle =
      R"({"id":"x","main":"x.toml","files":{"x.toml":")" + std::string(4000, '#') + R"("}})";
  options.web_check.bundles.emplace("x", bundle);
  options.web_check.default_name = "x";
  LiveServer s(url, options);
  auto client = s.client();
  client.set_decompress(false);
  const auto get = [&](const char* path, const char* accept) {
    httplib::Headers headers;
    if (*accept != '\0') headers.emplace("Accept-Encoding", accept);
    auto res = client.Get(path, headers);
    REQUIRE(res);
    REQUIRE(res->status == 200);
    return std::make_pair(res->get_header_value("Content-Encoding"), res->body);
  };
  const auto [plain_coding, plain] = get("/static/examready_web.wasm", "");
  CHECK(plain_coding.empty());
  CHECK(plain.substr(0, 4) == std::string("\0asm", 4));
  // What Chromium sends over HTTPS: brotli, the smallest.
  const auto [br_coding, br] = get("/static/examready_web.wasm", "gzip, deflate, br, zstd");
  CHECK(br_coding == "br");
  const auto [gzip_coding, gzip] = get("/static/examready_web.wasm", "gzip, deflate");
  CHECK(gzip_coding == "gzip");
  CHECK(br.size() < gzip.size());
  CHECK(gzip.size() < plain.size());
  std::string unzipped;
  using namespace examready::server::http;
  REQUIRE(decode_body(Coding::kGzip, gzip, 64 << 20, unzipped) == DecodeStatus::kOk);
  CHECK(unzipped == plain);
  // A coding weighed q=0 is refused; names are matched whole and in any case.
  CHECK(get("/static/examready_web.wasm", "br;q=0, gzip").first == "gzip");
  CHECK(get("/static/examready_web.wasm", "BR").first == "br");
  CHECK(get("/static/examready_web.wasm", "xbr, gzipx").first.empty());
  // The rules bundle the page evaluates with: gzip where taken, the same JSON.
  const auto [rules_coding, rules] = get("/v1/rules", "gzip, deflate, br");
  CHECK(rules_coding == "gzip");
  CHECK(rules.size() < bundle.size() / 10);
  REQUIRE(decode_body(Coding::kGzip, rules, 1 << 20, unzipped) == DecodeStatus::kOk);
  CHECK(unzipped == bundle);
  CHECK(get("/v1/rules/x", "") == std::make_pair(std::string(), bundle));
}

TEST_CASE("the server's rules set decides the stored verdict, not the client's evaluation") {
  BACKEND_OR_SKIP();
  const auto path = examready::rules::find_rule_set("xiaoyibang");
  REQUIRE(path);
  const auto server_rules =
      examready::server::make_server_rules(examready::rules::load_rule_set(*path));
  LiveServer s(url, {}, server_rules.evaluate, server_rules.restore);
  json report = make_report();
  // A forged client verdict: the server must not store it.
  report["evaluation"] = {{"rules_id", "xiaoyibang"},
                          {"evaluated_at", "2026-01-01T00:00:00Z"},
                          {"verdict", "ready"},
                          {"rules", json::array()}};
  auto res = post(s, report.dump());
  REQUIRE(res);
  REQUIRE(res->status == 201);
  const std::string verdict = json::parse(res->body)["verdict"];
  CHECK(verdict != "ready");  // a report with only os and device facts cannot be ready
  CHECK(verdict != "unevaluated");
  const auto stored = s.storage().find_by_code(report["code"]);
  REQUIRE(stored.size() == 1);
  const json body = json::parse(stored[0].body);
  CHECK(body["evaluation"]["verdict"] == verdict);
  CHECK(body["evaluation"]["rules"].size() > 5);
  CHECK(stored[0].columns.verdict == verdict);
  // Stored without the rules' static texts; the helpdesk answer has them back.
  CHECK_FALSE(body["evaluation"]["rules"][0].contains("message"));
  auto shown =
      get(s, "/v1/reports/" + report["code"].get<std::string>(), examready::test::kHelpdeskToken);
  REQUIRE(shown->status == 200);
  const json evaluation = json::parse(shown->body)["report"]["evaluation"];
  CHECK(evaluation["rules_title"]["zh-CN"].get<std::string>().size() > 0);
  // Back as the outcome decides: a failure's message, an undecided rule's requirement
  // (never its failure text), no text for a pass.
  int restored = 0;
  for (const auto& rule : evaluation["rules"]) {
    const std::string outcome = rule["outcome"];
    INFO(rule.dump());
    const bool advice =
        outcome == "unknown" && rule["severity"] == "info" && rule.contains("message");
    if (outcome == "fail" || advice) {
      CHECK(rule["message"]["zh-CN"].get<std::string>().size() > 0);
      CHECK(rule["message"]["en"].get<std::string>().size() > 0);
      CHECK_FALSE(rule.contains("requirement"));
      ++restored;
    } else if (outcome == "unknown") {
      CHECK(rule["requirement"]["zh-CN"].get<std::string>().size() > 0);
      CHECK_FALSE(rule.contains("message"));
      ++restored;
    } else {
      CHECK_FALSE(rule.contains("message"));
      CHECK_FALSE(rule.contains("requirement"));
    }
  }
  CHECK(restored > 5);
  CHECK(examready::reports::validate_report(json::parse(shown->body)["report"]).empty());
  // The replay of the same client body is still recognised (the hash is of what the client sent).
  res = post(s, report.dump());
  CHECK(res->status == 200);
  // A metric the catalog does not know is a 400.
  json unknown = make_report();
  unknown["checks"][0]["measurements"]["os.favourite_colour"] = {{"value", "blue"},
                                                                 {"source", "x"}};
  res = post(s, unknown.dump());
  CHECK(res->status == 400);
}
