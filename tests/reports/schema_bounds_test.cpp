// The report schema's bounds: every string and container is bounded in the schema itself,
// the probe's constants agree with it, sizes are checked before patterns, the text is bounded
// while it is parsed, and only the first error is reported.
#include <catch2/catch.hpp>
#include <functional>
#include <nlohmann/json.hpp>

#include "core/metric.h"
#include "reports/pairing.h"
#include "reports/schema.h"
#include "reports/schema_limits.h"

using namespace examready;
using nlohmann::json;

namespace {

json schema() { return json::parse(reports::report_schema_text()); }

json minimal_report() {
  return json::parse(R"({"schema":"examready.report/1","report_id":"AAAAAAAAAAAAAAAAAAAAAA",
    "code":"0000-0000","created_at":"2026-11-24T08:30:00Z","role":"primary",
    "probe":{"version":"0.1.0","transport":"local"},"host":{"platform":"linux"},
    "checks":[{"name":"os","status":"ok","duration_ms":1,"measurements":{
      "os.family":{"value":"linux","source":"uname"}}}]})");
}

// Visits every subschema (properties, items, definitions, oneOf branches, propertyNames).
void each_subschema(const json& s, const std::string& where,
                    const std::function<void(const json&, const std::string&)>& visit) {
  if (!s.is_object()) return;
  visit(s, where);
  for (const char* key : {"properties", "definitions"}) {
    if (s.contains(key)) {
      for (const auto& [name, sub] : s[key].items()) each_subschema(sub, where + "/" + name, visit);
    }
  }
  for (const char* key : {"items", "propertyNames", "additionalProperties"}) {
    if (s.contains(key)) each_subschema(s[key], where + "/" + key, visit);
  }
  if (s.contains("oneOf")) {
    for (const auto& branch : s["oneOf"]) each_subschema(branch, where + "/oneOf", visit);
  }
}

}  // namespace

TEST_CASE("every string, array and map in the report schema has a bound") {
  each_subschema(schema(), "", [](const json& s, const std::string& where) {
    INFO(where);
    const std::string type = s.value("type", "");
    if (type == "string") CHECK(s.contains("maxLength"));
    if (type == "array") CHECK(s.contains("maxItems"));
    if (type == "object" && s.contains("additionalProperties") &&
        s["additionalProperties"].is_object()) {
      CHECK(s.contains("maxProperties"));
    }
    if (s.contains("pattern")) CHECK(s.contains("maxLength"));
  });
}

TEST_CASE("the probe's measurement bounds are the schema's") {
  const json value = schema()["definitions"]["measurement"]["properties"]["value"]["oneOf"];
  CHECK(value[2]["maxLength"] == core::kMaxTextValueChars);
  CHECK(value[3]["maxItems"] == core::kMaxListItems);
  CHECK(value[3]["items"]["maxLength"] == core::kMaxListItemChars);
  CHECK(schema()["definitions"]["measurement"]["properties"]["source"]["maxLength"] ==
        core::kMaxSourceChars);
  CHECK(schema()["definitions"]["check"]["properties"]["measurements"]["maxProperties"] ==
        core::kMaxMeasurementsPerCheck);
}

TEST_CASE("lengths are checked before patterns, in code points, first error only") {
  json report = minimal_report();
  REQUIRE(reports::validate_report(report).empty());
  // 200,000 characters in a patterned field: the length refuses it, the regex never runs
  // (libstdc++'s regex recursed once per character and crashed the collector).
  report["host"]["platform"] = std::string(200000, 'a');
  auto errors = reports::validate_report(report);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].path == "/host/platform");
  CHECK(errors[0].message == "longer than 64 characters");
  // 512 Chinese characters (1,536 bytes) are 512 characters: within a value's bound.
  report = minimal_report();
  std::string chinese;
  for (int i = 0; i < 512; ++i) chinese += "\xe4\xb8\xad";
  report["checks"][0]["measurements"]["os.family"]["value"] = chinese;
  CHECK(reports::validate_report(report).empty());
  report["checks"][0]["measurements"]["os.family"]["value"] = chinese + "\xe4\xb8\xad";
  errors = reports::validate_report(report);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].path == "/checks/0/measurements/os.family/value");
  CHECK(errors[0].message == "longer than 512 characters");
  // Many bad checks: one error, the first.
  report = minimal_report();
  for (int i = 0; i < 60; ++i) report["checks"].push_back({{"name", "BAD"}});
  errors = reports::validate_report(report);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].path == "/checks/1");
}

TEST_CASE("check names are unique") {
  json report = minimal_report();
  report["checks"].push_back(report["checks"][0]);
  const auto errors = reports::validate_report(report);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].path == "/checks/1/name");
  CHECK(errors[0].message == "duplicate check name \"os\"");
}

TEST_CASE("the text is bounded while it is parsed") {
  json document;
  auto parse = [&](const std::string& text) { return reports::parse_report(text, document); };
  std::string many = "{\"checks\":[";
  for (int i = 0; i < 100000; ++i) many += "{},";
  many.back() = ']';
  many += "}";
  auto error = parse(many);
  REQUIRE(error);
  CHECK(error->path == "/checks/1000");
  CHECK(error->message == "more than 1000 items");
  CHECK(document.is_null());  // nothing of it is kept
  error = parse(std::string(50, '[') + std::string(50, ']'));
  REQUIRE(error);
  CHECK(error->message == "nested deeper than 8 levels");
  error = parse("{\"a\":1,\"a\":2}");
  REQUIRE(error);
  CHECK(error->message == "duplicate property 'a'");
  error = parse("{\"a\":\"" + std::string(9000, 'x') + "\"}");
  REQUIRE(error);
  CHECK(error->path == "/a");
  CHECK(error->message == "string longer than 8000 bytes");
  error = parse("{\"a\":");
  REQUIRE(error);
  CHECK(error->path.empty());
  CHECK(error->message == "body is not JSON");
  CHECK_FALSE(parse(minimal_report().dump()));
  CHECK(reports::report_text_limits().max_items == 1000);
  CHECK(reports::report_text_limits().max_members == 200);
}

TEST_CASE("pairing proofs: 16 Crockford symbols derived from the primary's report id") {
  const std::string proof = reports::pair_proof("AAAAAAAAAAAAAAAAAAAAAA");
  CHECK(proof.size() == 16);
  CHECK(reports::is_pair_proof(proof));
  CHECK(proof == "XM4RD1NKEE99MRQC");  // the same as tests/server/pages_test.sh computes
  CHECK(proof != reports::pair_proof("AAAAAAAAAAAAAAAAAAAAAB"));
  CHECK_FALSE(reports::is_pair_proof("0123456789ABCDEI"));  // I is not Crockford
  CHECK_FALSE(reports::is_pair_proof("0123456789abcdef"));
  json report = minimal_report();
  report["pair_proof"] = proof;
  CHECK(reports::validate_report(report).empty());
}
