// The report: real outputs validate against the JSON Schema; broken ones fail with a path.
#include <catch2/catch.hpp>
#include <functional>
#include <tuple>
#include <vector>

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

TEST_CASE("unknown metrics are refused by the validation and by report_from_json") {
  auto json = reports::to_json(real_report());
  const std::string check = json["checks"][0]["name"];
  json["checks"][0]["measurements"][check + ".free_gigabytes"] = {{"value", 3}, {"source", "x"}};
  const auto errors = reports::validate_report(json);
  REQUIRE(errors.size() == 1);
  CHECK(errors.front().path == "/checks/0/measurements/" + check + ".free_gigabytes");
  CHECK(errors.front().message == "unknown metric " + check + ".free_gigabytes");
  CHECK_THROWS_WITH(reports::report_from_json(json), Catch::Contains("unknown metric"));
}

// Found by a review: what the schema's shapes let through but no probe can measure.
TEST_CASE("a measurement in another check, out of its range or beyond 64 bits is refused") {
  const auto refused = [](const std::function<void(nlohmann::json&)>& change) {
    auto json = reports::to_json(real_report());
    change(json);
    const auto errors = reports::validate_report(json);
    return errors.empty() ? std::string("(valid)")
                          : errors.front().path + ": " + errors.front().message;
  };
  const auto put = [](nlohmann::json& json, const std::string& check, const std::string& metric,
                      const nlohmann::json& value) {
    json["checks"].push_back({{"name", check},
                              {"status", "ok"},
                              {"duration_ms", 1},
                              {"measurements", {{metric, {{"value", value}, {"source", "x"}}}}}});
  };
  const auto at = [](std::size_t check) { return "/checks/" + std::to_string(check); };
  const auto drop = [](nlohmann::json& json, const std::string& check) {
    auto& checks = json["checks"];
    for (auto it = checks.begin(); it != checks.end();) {
      it = (*it)["name"] == check ? checks.erase(it) : std::next(it);
    }
  };
  auto json = reports::to_json(real_report());
  const std::size_t next = json["checks"].size();
  // storage.free_bytes inside the os check was read as the storage check's.
  CHECK(refused([&](auto& j) { put(j, "zz_other", "storage.free_bytes", 100); }) ==
        at(next) +
            "/measurements/storage.free_bytes: storage.free_bytes belongs to the storage "
            "check, not to zz_other");
  CHECK(refused([&](auto& j) { put(j, "zz", "zz.x", 1); }).find("unknown metric zz.x") !=
        std::string::npos);
  for (const auto& [metric, value, problem] :
       std::vector<std::tuple<std::string, nlohmann::json, std::string>>{
           {"storage.free_bytes", 18446744073709551615ull, "expected an integer within 64 bits"},
           {"storage.free_bytes", -5, "a negative value"},
           {"device.launch_year", 99999999, "a year outside 1970-2100"},
           {"device.launch_month", 13, "a month outside 1-12"},
           {"battery.level_percent", 1e9, "a percentage outside 0-100"}}) {
    INFO(metric << " = " << value.dump());
    const std::string check = metric.substr(0, metric.find('.'));
    const std::string got = refused([&](auto& j) {
      drop(j, check);
      put(j, check, metric, value);
    });
    CHECK(got.find("/measurements/" + metric + "/value: " + metric + ": " + problem) !=
          std::string::npos);
  }
  CHECK(refused([&](auto& j) {
          drop(j, "device");
          j["checks"].push_back(
              {{"name", "device"},
               {"status", "ok"},
               {"duration_ms", 1},
               {"measurements",
                {{"device.launch_year", {{"value", 2024}, {"source", "x"}}},
                 {"device.launch_year_latest", {{"value", 2022}, {"source", "x"}}}}}});
        }).find("device.launch_year_latest: before device.launch_year") != std::string::npos);
  CHECK(refused([](auto& j) { j["created_at"] = "2026-13-45T99:99:99Z"; }) ==
        "/created_at: not a real date and time");
  CHECK(refused([](auto& j) { j["created_at"] = "2026-02-29T10:00:00Z"; }) ==
        "/created_at: not a real date and time");
  CHECK(refused([](auto& j) { j["created_at"] = "2028-02-29T23:59:60Z"; }) == "(valid)");
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
