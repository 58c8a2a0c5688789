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

// Evaluated on 2026-03-01: 小艺帮's "近两年" (须, block) needs a launch in 2024-03 or later;
// 艺术升's phone advice (建议考生) warns. The fixtures' device facts carry years only, so a
// launch in 2023 is undecided for 艺术升's three years (cutoff 2023-03), never a guess.
const Expected kExpected[] = {
    {"redmi-note-9-m2003j15sg",
     "not_ready",
     "warnings",
     {"xiaoyibang:xyb.redmi-note-9=fail", "xiaoyibang:xyb.redmi-note-9-hardware=pass",
      "xiaoyibang:xyb.os-version=pass", "xiaoyibang:xyb.recent-model=fail",
      "yishusheng:yss.no-redmi=fail", "yishusheng:yss.recent-model=fail"}},
    {"redmi-note-9-5g-m2007j22c",
     "not_ready",
     "warnings",
     {"xiaoyibang:xyb.redmi-note-9=fail", "xiaoyibang:device.phone=pass",
      "yishusheng:yss.no-redmi=fail"}},
    {"redmi-note-12-22101317c",
     "not_ready",
     "warnings",
     {"xiaoyibang:xyb.redmi-note-9=pass", "xiaoyibang:xyb.redmi-note-9-hardware=pass",
      "xiaoyibang:xyb.recent-model=fail", "yishusheng:yss.no-redmi=fail",
      "yishusheng:yss.recent-model=fail"}},
    {"huawei-matepad-11-dbr-w00",
     "not_ready",
     "not_ready",
     {"xiaoyibang:device.phone=fail", "xiaoyibang:xyb.os-version=pass",
      "yishusheng:device.phone=fail"}},
    {"iphone-15-ios17",
     "not_ready",
     "warnings",
     {"xiaoyibang:xyb.os-version=pass", "xiaoyibang:xyb.recent-model=fail",
      "xiaoyibang:xyb.apps-running=unknown", "yishusheng:yss.recent-model=unknown",
      "yishusheng:yss.no-calls=unknown"}},
    {"iphone-6s-ios15",
     "not_ready",
     "warnings",
     {"xiaoyibang:xyb.os-version=pass", "xiaoyibang:xyb.recent-model=fail",
      "yishusheng:yss.recent-model=fail"}},
    {"huawei-mate-60-harmonyos4",
     "not_ready",
     "warnings",
     {"xiaoyibang:xyb.os-version=pass", "xiaoyibang:xyb.no-calls=pass",
      "xiaoyibang:xyb.recent-model=fail", "yishusheng:yss.no-calls=pass",
      "yishusheng:network.stable=unknown", "yishusheng:yss.recent-model=unknown",
      "yishusheng:yss.no-redmi=pass"}},
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

TEST_CASE("XYB-4 says which model code matched, and an unknown outcome says what is required") {
  const rules::RuleSet xyb = rules::load_rule_set(*rules::find_rule_set("xiaoyibang"));
  auto rule = [&](const char* fixture, const char* id) {
    const auto evaluation = rules::evaluate(xyb, load_fixture(fixture), test::march_2026());
    for (const auto& r : evaluation["rules"]) {
      if (r["id"] == id) return r;
    }
    return nlohmann::json();
  };
  CHECK_THAT(rule("redmi-note-9-m2003j15sg", "xyb.redmi-note-9")["detail"].get<std::string>(),
             Catch::Contains("device.model = \"M2003J15SG\": matches in"));
  CHECK_THAT(rule("redmi-note-9-5g-m2007j22c", "xyb.redmi-note-9")["detail"].get<std::string>(),
             Catch::Contains("device.model = \"M2007J22C\": matches in"));
  // Over USB the iPhone's microphone is not measured: the requirement, not the failure text.
  const auto microphone = rule("iphone-15-ios17", "xyb.microphone");
  REQUIRE(microphone["outcome"] == "unknown");
  CHECK_FALSE(microphone.contains("message"));
  CHECK_FALSE(microphone.contains("fix"));
  CHECK_THAT(microphone["requirement"]["zh-CN"].get<std::string>(), Catch::Contains("没能检测"));
}

TEST_CASE("a phone-only rule fails on a PC even when everything else is fine") {
  const rules::RuleSet yss = rules::load_rule_set(*rules::find_rule_set("yishusheng"));
  const auto evaluation = rules::evaluate(yss, load_fixture("windows-laptop"), test::march_2026());
  for (const auto& rule : evaluation["rules"]) {
    if (rule["id"] == "device.phone")
      CHECK(rule["detail"] == "device.class = \"laptop\": required = \"phone\"");
  }
}
