// The eight fixture reports (as the adb, iOS and local transports produce them) get the
// verdicts the manuals imply under both shipped sets, for the reasons the manuals give.
#include <catch2/catch.hpp>

#include "reports/schema.h"
#include "tests/rules/support.h"
#include "tests/support/fixtures.h"

using namespace examready;

namespace {

struct Expected {
  const char* fixture;
  const char* xiaoyibang;
  const char* yishusheng;
  // Rule outcomes that carry the verdict: "set:rule=outcome".
  std::vector<const char*> outcomes;
};

const Expected kExpected[] = {
    {"redmi-note-9-m2003j15sg",
     "warnings",
     "not_ready",
     {"xiaoyibang:xyb.redmi-note-9=fail", "xiaoyibang:xyb.os-version=pass",
      "xiaoyibang:xyb.recent-model=fail", "yishusheng:yss.no-redmi=fail"}},
    {"redmi-note-9-5g-m2007j22c",
     "warnings",
     "not_ready",
     {"xiaoyibang:xyb.redmi-note-9=fail", "xiaoyibang:device.phone=pass",
      "yishusheng:yss.no-redmi=fail"}},
    {"redmi-note-12-22101317c",
     "warnings",
     "not_ready",
     {"xiaoyibang:xyb.redmi-note-9=pass", "xiaoyibang:xyb.recent-model=fail",
      "yishusheng:yss.no-redmi=fail", "yishusheng:yss.not-old=pass"}},
    {"huawei-matepad-11-dbr-w00",
     "not_ready",
     "not_ready",
     {"xiaoyibang:device.phone=fail", "xiaoyibang:xyb.os-version=pass",
      "yishusheng:device.phone=fail"}},
    {"iphone-15-ios17",
     "warnings",
     "warnings",
     {"xiaoyibang:xyb.os-version=pass", "xiaoyibang:xyb.recent-model=fail",
      "xiaoyibang:xyb.apps-running=unknown", "yishusheng:yss.recent-model=pass",
      "yishusheng:yss.no-calls=unknown"}},
    {"iphone-6s-ios15",
     "warnings",
     "not_ready",
     {"xiaoyibang:xyb.os-version=pass", "xiaoyibang:xyb.recent-model=fail",
      "yishusheng:yss.not-old=fail"}},
    {"huawei-mate-60-harmonyos4",
     "warnings",
     "warnings",
     {"xiaoyibang:xyb.os-version=pass", "xiaoyibang:xyb.no-calls=pass",
      "yishusheng:yss.no-calls=pass", "yishusheng:network.stable=unknown",
      "yishusheng:yss.not-old=pass", "yishusheng:yss.no-redmi=pass"}},
    {"windows-laptop",
     "not_ready",
     "not_ready",
     {"xiaoyibang:device.phone=fail", "xiaoyibang:xyb.os-version=fail",
      "xiaoyibang:xyb.upload-time=pass", "yishusheng:device.phone=fail"}},
};

reports::Report load_fixture(const std::string& name) {
  const auto json = nlohmann::json::parse(test::read_fixture("reports/" + name + ".json"));
  const auto errors = reports::validate_report(json);
  for (const auto& e : errors) INFO(e.path << ": " << e.message);
  REQUIRE(errors.empty());
  return reports::report_from_json(json);
}

}  // namespace

TEST_CASE("fixture reports get the verdicts the manuals imply") {
  const rules::RuleSet xyb = rules::load_rule_set(*rules::find_rule_set("xiaoyibang"));
  const rules::RuleSet yss = rules::load_rule_set(*rules::find_rule_set("yishusheng"));
  for (const auto& expected : kExpected) {
    INFO(expected.fixture);
    reports::Report report = load_fixture(expected.fixture);
    const nlohmann::json by_set[] = {rules::evaluate(xyb, report, test::march_2026()),
                                     rules::evaluate(yss, report, test::march_2026())};
    CHECK(by_set[0]["verdict"] == expected.xiaoyibang);
    CHECK(by_set[1]["verdict"] == expected.yishusheng);
    for (const std::string spec : expected.outcomes) {
      INFO(spec);
      const auto colon = spec.find(':'), equals = spec.find('=');
      const auto& evaluation = by_set[spec.substr(0, colon) == "xiaoyibang" ? 0 : 1];
      const std::string id = spec.substr(colon + 1, equals - colon - 1);
      bool found = false;
      for (const auto& rule : evaluation["rules"]) {
        if (rule["id"] != id) continue;
        found = true;
        CHECK(rule["outcome"] == spec.substr(equals + 1));
      }
      CHECK(found);
    }
    for (const auto& evaluation : by_set) {
      report.evaluation = evaluation;
      CHECK(reports::validate_report(reports::to_json(report)).empty());
    }
  }
}

TEST_CASE("a blacklist says which fact matched: name or hardware platform") {
  const rules::RuleSet xyb = rules::load_rule_set(*rules::find_rule_set("xiaoyibang"));
  auto detail = [&](const char* fixture) {
    const auto evaluation = rules::evaluate(xyb, load_fixture(fixture), test::march_2026());
    for (const auto& rule : evaluation["rules"]) {
      if (rule["id"] == "xyb.redmi-note-9") return rule["detail"].get<std::string>();
    }
    return std::string();
  };
  const std::string global = detail("redmi-note-9-m2003j15sg");
  CHECK_THAT(global, Catch::Contains("device.marketing_name = \"Redmi Note 9\": matches regex"));
  CHECK_THAT(global, Catch::Contains("device.codename = \"merlin\": matches in"));
  const std::string china_5g = detail("redmi-note-9-5g-m2007j22c");
  CHECK_THAT(china_5g, Catch::Contains("device.series = \"redmi-note-9\": matches in"));
  CHECK_THAT(china_5g, Catch::Contains("device.codename = \"cannon\""));
}

TEST_CASE("a phone-only rule fails on a PC even when everything else is fine") {
  const rules::RuleSet yss = rules::load_rule_set(*rules::find_rule_set("yishusheng"));
  const auto evaluation = rules::evaluate(yss, load_fixture("windows-laptop"), test::march_2026());
  for (const auto& rule : evaluation["rules"]) {
    if (rule["id"] == "device.phone")
      CHECK(rule["detail"] == "device.class = \"laptop\": required = \"phone\"");
  }
}
