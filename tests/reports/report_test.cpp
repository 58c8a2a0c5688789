// The report: real outputs validate against the JSON Schema; broken ones fail with a path.
#include <catch2/catch.hpp>

#include "platform/local_host.h"
#include "probe/registry.h"
#include "probe/runner.h"
#include "reports/report.h"
#include "reports/schema.h"

using namespace examready;

namespace {

reports::Report real_report() {
  platform::LocalHost host;
  probe::ProbeOptions options;
  options.data_dir = "/tmp";
  std::vector<const probe::CheckSpec*> checks;
  for (const auto& spec : probe::all_checks()) {
    // Media and network checks need devices or a server; the foundation's four are enough here.
    if (spec.name == "os" || spec.name == "device" || spec.name == "storage" ||
        spec.name == "battery") {
      checks.push_back(&spec);
    }
  }
  auto report = reports::new_report(core::Transport::kLocal, core::Role::kPrimary);
  report.host.platform = "linux-x86_64";
  report.checks = probe::run_checks(checks, host, options, {});
  return report;
}

std::string errors_text(const std::vector<reports::SchemaError>& errors) {
  std::string text;
  for (const auto& e : errors) text += e.path + ": " + e.message + "\n";
  return text;
}

}  // namespace

TEST_CASE("a report of this machine validates against the schema and round-trips") {
  auto report = real_report();
  auto json = reports::to_json(report);
  auto errors = reports::validate_report(json);
  INFO(errors_text(errors));
  CHECK(errors.empty());
  CHECK(json["schema"] == "examready.report/1");
  CHECK(json["code"] == report.code());

  auto back = reports::report_from_json(json);
  CHECK(reports::to_json(back) == json);
}

TEST_CASE("schema violations are located by JSON pointer") {
  auto json = reports::to_json(real_report());

  SECTION("unknown status") {
    json["checks"][0]["status"] = "fine";
    auto errors = reports::validate_report(json);
    REQUIRE_FALSE(errors.empty());
    CHECK(errors.front().path == "/checks/0/status");
  }
  SECTION("personal data has no place to go") {
    json["host"]["hostname"] = "alice-laptop";
    auto errors = reports::validate_report(json);
    REQUIRE_FALSE(errors.empty());
    CHECK(errors.front().path.rfind("/host", 0) == 0);
  }
  SECTION("bad report id") {
    json["report_id"] = "short";
    CHECK(reports::validate_report(json).front().path == "/report_id");
  }
  SECTION("wrong schema version") {
    json["schema"] = "examready.report/2";
    CHECK(reports::validate_report(json).front().path == "/schema");
  }
  SECTION("measurement value of an impossible shape") {
    json["checks"][0]["measurements"]["os.name"] = {{"value", {{"nested", 1}}}, {"source", "x"}};
    auto errors = reports::validate_report(json);
    REQUIRE_FALSE(errors.empty());
    CHECK(errors.front().path.rfind("/checks/0/measurements/os.name", 0) == 0);
  }
}

TEST_CASE("report_from_json rejects unknown metrics even if the schema allows the shape") {
  auto json = reports::to_json(real_report());
  json["checks"][0]["measurements"]["storage.free_gigabytes"] = {{"value", 3}, {"source", "x"}};
  CHECK(reports::validate_report(json).empty());
  CHECK_THROWS_WITH(reports::report_from_json(json), Catch::Contains("unknown metric"));
}

// Found by fuzzing: two results for one check made the stored report list it twice in
// probe.unavailable_checks, which the schema (uniqueItems) refuses. The schema validator now
// refuses the repeated name itself; the model refuses it too, for a caller that skips the schema.
TEST_CASE("a check listed twice is refused by the schema and by report_from_json") {
  auto json = reports::to_json(real_report());
  json["checks"].push_back(json["checks"][1]);
  const auto errors = reports::validate_report(json);
  REQUIRE_FALSE(errors.empty());
  CHECK(errors.front().path == "/checks/4/name");
  CHECK_THROWS_WITH(
      reports::report_from_json(json),
      "checks/4: check '" + json["checks"][1]["name"].get<std::string>() + "' is listed twice");
}

TEST_CASE("an exam date round-trips; a date that is not one is refused") {
  auto report = reports::new_report(core::Transport::kBrowser, core::Role::kPrimary);
  report.host.platform = "android";
  report.exam_date = "2027-03-01";
  auto json = reports::to_json(report);
  CHECK(reports::validate_report(json).empty());
  CHECK(json["exam_date"] == "2027-03-01");
  CHECK(reports::report_from_json(json).exam_date == "2027-03-01");
  for (const char* bad : {"2027-3-1", "2027-13-01", "27-03-01", "2027-03-01T00:00:00Z"}) {
    INFO(bad);
    json["exam_date"] = bad;
    CHECK_FALSE(reports::validate_report(json).empty());
  }
  // The schema's pattern cannot know February: report_from_json does.
  json["exam_date"] = "2027-02-30";
  CHECK_THROWS_AS(reports::report_from_json(json), std::invalid_argument);
}
