// Every operator, three-valued logic (unknown is never a pass), verdicts, derived exam metrics.
#include <catch2/catch.hpp>

#include "reports/schema.h"
#include "tests/rules/support.h"

using namespace examready;
using test::m;

namespace {

using Ms = std::vector<core::Measurement>;

nlohmann::json run(const std::string& rules_toml, Ms measurements,
                   core::Role role = core::Role::kPrimary) {
  const rules::RuleSet set = test::load_text(test::kSetHead + rules_toml);
  return rules::evaluate(set, test::make_report(std::move(measurements), role), test::march_2026());
}

const nlohmann::json& rule(const nlohmann::json& evaluation, const std::string& id) {
  for (const auto& r : evaluation["rules"]) {
    if (r["id"] == id) return r;
  }
  FAIL("no rule " << id);
  throw std::logic_error("unreachable");
}

// Outcome of a single block rule `require` over `measurements`.
std::string outcome(const std::string& require, Ms measurements,
                    core::Role role = core::Role::kPrimary) {
  return rule(run(test::one_rule(require), std::move(measurements), role), "r")["outcome"]
      .get<std::string>();
}

}  // namespace

TEST_CASE("equals and not_equals on strings ignore ASCII case") {
  const Ms phone = {m("device.class", std::string("Phone"))};
  CHECK(outcome(R"({ metric = "device.class", equals = "phone" })", phone) == "pass");
  CHECK(outcome(R"({ metric = "device.class", "=" = "tablet" })", phone) == "fail");
  CHECK(outcome(R"({ metric = "device.class", not_equals = "tablet" })", phone) == "pass");
  CHECK(outcome(R"({ metric = "device.class", "!=" = "PHONE" })", phone) == "fail");
}

TEST_CASE("equals on booleans and numbers") {
  CHECK(outcome(R"({ metric = "battery.charging", equals = true })",
                {m("battery.charging", true)}) == "pass");
  CHECK(outcome(R"({ metric = "battery.charging", equals = true })",
                {m("battery.charging", false)}) == "fail");
  CHECK(outcome(R"({ metric = "font.scale", equals = 1.0 })", {m("font.scale", 1.0)}) == "pass");
  CHECK(outcome(R"({ metric = "font.scale", equals = 1 })", {m("font.scale", 1.15)}) == "fail");
  CHECK(outcome(R"({ metric = "camera.count", equals = 2 })",
                {m("camera.count", std::int64_t{2})}) == "pass");
}

TEST_CASE("ordering operators, with symbols as aliases, at their boundaries") {
  const Ms exactly_20 = {m("storage.free_bytes", std::int64_t{20'000'000'000})};
  CHECK(outcome(R"({ metric = "storage.free_bytes", at_least = "20 GB" })", exactly_20) == "pass");
  CHECK(outcome(R"({ metric = "storage.free_bytes", ">=" = "20 GB" })", exactly_20) == "pass");
  CHECK(outcome(R"({ metric = "storage.free_bytes", greater_than = "20 GB" })", exactly_20) ==
        "fail");
  CHECK(outcome(R"({ metric = "storage.free_bytes", ">" = "19.99 GB" })", exactly_20) == "pass");
  CHECK(outcome(R"({ metric = "storage.free_bytes", at_most = "20 GB" })", exactly_20) == "pass");
  CHECK(outcome(R"({ metric = "storage.free_bytes", "<=" = "20 GB" })", exactly_20) == "pass");
  CHECK(outcome(R"({ metric = "storage.free_bytes", less_than = "20 GB" })", exactly_20) == "fail");
  CHECK(outcome(R"({ metric = "storage.free_bytes", "<" = "20.01 GB" })", exactly_20) == "pass");
}

TEST_CASE("GB and GiB differ: 20 GB free is less than 20 GiB") {
  const Ms free = {m("storage.free_bytes", std::int64_t{20'000'000'000})};
  CHECK(outcome(R"({ metric = "storage.free_bytes", at_least = "20 GB" })", free) == "pass");
  CHECK(outcome(R"({ metric = "storage.free_bytes", at_least = "20 GiB" })", free) == "fail");
}

TEST_CASE("rates and durations compare in the metric's unit") {
  const Ms net = {m("network.upload_bps", 4.9e6), m("network.rtt_median_ms", 150.0)};
  CHECK(outcome(R"({ metric = "network.upload_bps", at_least = "5 Mbit/s" })", net) == "fail");
  CHECK(outcome(R"({ metric = "network.upload_bps", at_least = "4900 kbit/s" })", net) == "pass");
  CHECK(outcome(R"({ metric = "network.rtt_median_ms", at_most = "150 ms" })", net) == "pass");
  CHECK(outcome(R"({ metric = "network.rtt_median_ms", less_than = "0.15 s" })", net) == "fail");
}

TEST_CASE("in and not_in, for strings and integers") {
  const Ms brand = {m("device.brand", std::string("Redmi")),
                    m("device.launch_year", std::int64_t{2020})};
  CHECK(outcome(R"({ metric = "device.brand", in = ["xiaomi", "redmi"] })", brand) == "pass");
  CHECK(outcome(R"({ metric = "device.brand", in = ["apple"] })", brand) == "fail");
  CHECK(outcome(R"({ metric = "device.brand", not_in = ["apple"] })", brand) == "pass");
  CHECK(outcome(R"({ metric = "device.brand", not_in = ["REDMI"] })", brand) == "fail");
  CHECK(outcome(R"({ metric = "device.launch_year", in = [2019, 2020] })", brand) == "pass");
  CHECK(outcome(R"({ metric = "device.launch_year", not_in = [2020] })", brand) == "fail");
}

TEST_CASE("version operators: 7 == 7.0, 7.1.2 > 7.1, 10 > 9") {
  auto v = [](const char* version) { return Ms{m("os.version", std::string(version))}; };
  const char* at_least_7 = R"({ metric = "os.version", version_at_least = "7.0" })";
  CHECK(outcome(at_least_7, v("7")) == "pass");
  CHECK(outcome(at_least_7, v("7.0")) == "pass");
  CHECK(outcome(at_least_7, v("7.1.2")) == "pass");
  CHECK(outcome(at_least_7, v("6.0.1")) == "fail");
  CHECK(outcome(at_least_7, v("10")) == "pass");
  CHECK(outcome(R"({ metric = "os.version", version_above = "9.1" })", v("10.0")) == "pass");
  CHECK(outcome(R"({ metric = "os.version", version_above = "10" })", v("10.0")) == "fail");
  CHECK(outcome(R"({ metric = "os.version", version_below = "10" })", v("9")) == "pass");
  CHECK(outcome(R"({ metric = "os.version", version_below = "7.1" })", v("7.1.2")) == "fail");
  CHECK(outcome(R"({ metric = "os.version", version_at_most = "7.1.2" })", v("7.1.2")) == "pass");
  CHECK(outcome(R"({ metric = "os.version", version_equals = "7" })", v("7.0.0")) == "pass");
  CHECK(outcome(R"({ metric = "os.version", version_equals = "7" })", v("7.0.1")) == "fail");
  CHECK(outcome(at_least_7, v("10 (Q)")) == "pass");
  // A measured version that is not a number cannot be compared: unknown, never a pass.
  CHECK(outcome(at_least_7, v("Q")) == "unknown");
}

TEST_CASE("glob matches the whole string, ignoring case; regex searches") {
  const Ms name = {m("device.marketing_name", std::string("Redmi Note 9 Pro")),
                   m("device.model", std::string("M2003J15SG"))};
  CHECK(outcome(R"({ metric = "device.marketing_name", glob = "redmi note 9*" })", name) == "pass");
  CHECK(outcome(R"({ metric = "device.marketing_name", glob = "Redmi Note 9" })", name) == "fail");
  CHECK(outcome(R"({ metric = "device.marketing_name", glob = "Redmi Note ? Pro" })", name) ==
        "pass");
  CHECK(outcome(R"({ metric = "device.model", glob = "M2003J15S?" })", name) == "pass");
  CHECK(outcome(R"({ metric = "device.model", glob = "M2003J15S." })", name) ==
        "fail");  // '.' is literal
  CHECK(outcome(R"({ metric = "device.model", regex = "^M2003J15S[CG]$" })", name) == "pass");
  CHECK(outcome(R"({ metric = "device.model", regex = "J15" })", name) == "pass");
  CHECK(outcome(R"({ metric = "device.model", regex = "^J15" })", name) == "fail");
}

TEST_CASE("list operators on string-list metrics") {
  const Ms apps = {
      m("apps.camera_users", std::vector<std::string>{"com.tencent.mm", "com.tencent.mobileqq"}),
      m("apps.microphone_users", std::vector<std::string>{})};
  CHECK(outcome(R"({ metric = "apps.camera_users", contains_any = ["com.tencent.mm", "x.y"] })",
                apps) == "pass");
  CHECK(outcome(R"({ metric = "apps.camera_users", contains_any = ["x.y"] })", apps) == "fail");
  CHECK(
      outcome(
          R"({ metric = "apps.camera_users", contains_all = ["com.tencent.mm", "com.tencent.mobileqq"] })",
          apps) == "pass");
  CHECK(outcome(R"({ metric = "apps.camera_users", contains_all = ["com.tencent.mm", "x.y"] })",
                apps) == "fail");
  CHECK(outcome(R"({ metric = "apps.camera_users", contains_none = ["x.y"] })", apps) == "pass");
  CHECK(outcome(R"({ metric = "apps.camera_users", contains_none = ["COM.TENCENT.MM"] })", apps) ==
        "fail");
  CHECK(outcome(R"({ metric = "apps.camera_users", is_empty = true })", apps) == "fail");
  CHECK(outcome(R"({ metric = "apps.camera_users", is_empty = false })", apps) == "pass");
  CHECK(outcome(R"({ metric = "apps.microphone_users", is_empty = true })", apps) == "pass");
}

namespace {

// A set watching WeChat, QQ and a voice assistant, with 艺术升 as its exam app.
const std::string kListsHead = test::kSetHead + R"(
[[watch]]
app = "com.tencent.mm"
name = "WeChat"
[[watch]]
app = "com.tencent.mobileqq"
name = "QQ"
[[watch]]
app = "com.vivo.agent"
name = "Jovi"
[[exam_app]]
app = "cn.artstudent.app"
name = "艺术升"
)";

using Strings = std::vector<std::string>;

nlohmann::json judge_lists(const std::string& require, Ms measurements) {
  const rules::RuleSet set = test::load_text(kListsHead + test::one_rule(require));
  return rules::evaluate(set, test::make_report(std::move(measurements)),
                         test::march_2026())["rules"][0];
}

std::string lists_outcome(const std::string& require, Ms measurements) {
  return judge_lists(require, std::move(measurements))["outcome"].get<std::string>();
}

}  // namespace

TEST_CASE("apps found among a list: measured under the same list, absent means not found") {
  const Strings ours = {"com.tencent.mm", "com.tencent.mobileqq", "com.vivo.agent"};
  const Ms none = {m("apps.running_watched", Strings{}), m("apps.watch_list", ours)};
  const Ms wechat = {m("apps.running_watched", Strings{"com.tencent.mm"}),
                     m("apps.watch_list", ours)};
  const char* empty = R"({ metric = "apps.running_watched", is_empty = true })";
  const char* no_jovi =
      R"({ metric = "apps.running_watched", contains_none = ["com.vivo.agent"] })";
  CHECK(lists_outcome(empty, none) == "pass");
  CHECK(lists_outcome(empty, wechat) == "fail");
  CHECK(lists_outcome(R"({ metric = "apps.running_watched", is_empty = false })", wechat) ==
        "pass");
  CHECK(lists_outcome(no_jovi, none) == "pass");
  CHECK(lists_outcome(no_jovi, wechat) == "pass");
  CHECK(lists_outcome(R"({ metric = "apps.running_watched", contains_any = ["COM.TENCENT.MM"] })",
                      wechat) == "pass");
  CHECK(
      lists_outcome(
          R"({ metric = "apps.running_watched", contains_all = ["com.tencent.mm", "com.vivo.agent"] })",
          wechat) == "fail");
}

TEST_CASE("apps found among another set's list: an app never looked for is unknown, not absent") {
  // Measured under a set that watched WeChat alone: nothing running among what it looked for.
  const Ms wechat_only = {m("apps.running_watched", Strings{}),
                          m("apps.watch_list", Strings{"com.tencent.mm"})};
  const auto empty =
      judge_lists(R"({ metric = "apps.running_watched", is_empty = true })", wechat_only);
  CHECK(empty["outcome"] == "unknown");
  CHECK(empty["detail"].get<std::string>().find(
            "not looked for when the report was measured (another list than this set's "
            "[[watch]]): com.tencent.mobileqq, com.vivo.agent") != std::string::npos);
  CHECK(empty.contains("requirement"));
  CHECK_FALSE(empty.contains("message"));
  CHECK(lists_outcome(R"({ metric = "apps.running_watched", contains_none = ["com.vivo.agent"] })",
                      wechat_only) == "unknown");
  // What the other set looked for and did not find is still known.
  CHECK(lists_outcome(R"({ metric = "apps.running_watched", contains_none = ["com.tencent.mm"] })",
                      wechat_only) == "pass");
  CHECK(
      lists_outcome(
          R"({ metric = "apps.running_watched", contains_all = ["com.tencent.mm", "com.vivo.agent"] })",
          wechat_only) == "fail");
  // An app found decides whatever else was looked for.
  const Ms found = {m("apps.running_watched", Strings{"com.tencent.mm"}),
                    m("apps.watch_list", Strings{"com.tencent.mm"})};
  CHECK(lists_outcome(R"({ metric = "apps.running_watched", is_empty = true })", found) == "fail");
  CHECK(lists_outcome(R"({ metric = "apps.running_watched", contains_any = ["com.tencent.mm"] })",
                      found) == "pass");
  // Found apps this set does not watch are not this set's business.
  const Ms other_found = {m("apps.running_watched", Strings{"com.example.music"}),
                          m("apps.watch_list", Strings{"com.example.music", "com.tencent.mm",
                                                       "com.tencent.mobileqq", "com.vivo.agent"})};
  const auto other =
      judge_lists(R"({ metric = "apps.running_watched", is_empty = true })", other_found);
  CHECK(other["outcome"] == "pass");
  CHECK(other["detail"].get<std::string>().find("apps.running_watched = []") != std::string::npos);
}

TEST_CASE(
    "exam apps: judged again by a set looking for another app, and a report from before "
    "the lists were reported") {
  const char* installed =
      R"({ metric = "apps.exam_installed", contains_any = ["cn.artstudent.app"] })";
  CHECK(lists_outcome(installed, {m("apps.exam_installed", Strings{}),
                                  m("apps.exam_list", Strings{"cn.artstudent.app"})}) == "fail");
  CHECK(lists_outcome(installed, {m("apps.exam_installed", Strings{}),
                                  m("apps.exam_list", Strings{"com.example.exam"})}) == "unknown");
  CHECK(lists_outcome(installed, {m("apps.exam_installed", Strings{"cn.artstudent.app"})}) ==
        "pass");
  // No list looked for (an older probe): nothing found is not proof of absence.
  CHECK(lists_outcome(installed, {m("apps.exam_installed", Strings{})}) == "unknown");
  const auto older = judge_lists(R"({ metric = "apps.installed_watched", is_empty = true })",
                                 {m("apps.installed_watched", Strings{})});
  CHECK(older["outcome"] == "unknown");
  CHECK(older["detail"].get<std::string>().find(
            "(the report does not say which apps it looked for): com.tencent.mm") !=
        std::string::npos);
}

TEST_CASE(
    "within_years counts by month from the evaluation date, and says when only the year is known") {
  const char* two = R"({ metric = "device.launch_year", within_years = 2 })";
  const rules::RuleSet set = test::load_text(test::kSetHead + test::one_rule(two));
  auto judge = [&](std::int64_t year, std::optional<std::int64_t> month, int eval_month) {
    Ms ms{m("device.launch_year", year)};
    if (month) ms.push_back(m("device.launch_month", *month));
    const auto date =
        std::chrono::sys_days{std::chrono::year{2026} / static_cast<unsigned>(eval_month) / 15};
    return rules::evaluate(set, test::make_report(ms), date)["rules"][0];
  };
  // On 2026-03-15, within two years is a launch in 2024-03 or later.
  CHECK(judge(2024, 3, 3)["outcome"] == "pass");
  CHECK(judge(2024, 2, 3)["outcome"] == "fail");
  CHECK(judge(2026, 1, 3)["outcome"] == "pass");
  CHECK(judge(2023, 12, 3)["outcome"] == "fail");
  // With the year alone: a later year passes, an earlier one fails, the cutoff year is undecided…
  CHECK(judge(2025, std::nullopt, 3)["outcome"] == "pass");
  CHECK(judge(2023, std::nullopt, 3)["outcome"] == "fail");
  const auto undecided = judge(2024, std::nullopt, 3);
  CHECK(undecided["outcome"] == "unknown");
  CHECK_THAT(
      undecided["detail"].get<std::string>(),
      Catch::Contains("launch month unknown: within 2 years only if launched in 2024-03 or later"));
  CHECK(undecided["requirement"]["en"] == "requirement");
  CHECK_FALSE(undecided.contains("message"));
  // Months turn over at midnight China time: 2026-02-28T17:00Z is already 1 March in Beijing,
  // when a launch in 2024-02 is more than two years ago; at 15:00Z it is still February.
  {
    Ms ms{m("device.launch_year", std::int64_t{2024}), m("device.launch_month", std::int64_t{2})};
    const auto feb28 = std::chrono::sys_days{std::chrono::year{2026} / 2 / 28};
    auto at = [&](int hour_utc) {
      return rules::evaluate(set, test::make_report(ms),
                             feb28 + std::chrono::hours(hour_utc))["rules"][0]["outcome"];
    };
    CHECK(at(15) == "pass");
    CHECK(at(17) == "fail");
  }
  // …except in January, when the whole cutoff year is within.
  CHECK(judge(2024, std::nullopt, 1)["outcome"] == "pass");
  // A report is client input: a month outside 1-12 is no month at all.
  for (const std::int64_t bad :
       {std::int64_t{0}, std::int64_t{13}, std::int64_t{1} << 40, std::int64_t{-5}}) {
    INFO(bad);
    CHECK(judge(2024, bad, 3)["outcome"] == "unknown");
    CHECK(judge(2025, bad, 3)["outcome"] == "pass");
  }
  CHECK_THAT(
      judge(2024, 2, 3)["detail"].get<std::string>(),
      Catch::Contains("device.launch_year = 2024-02: required launched in 2024-03 or later"));
}

TEST_CASE("within_years on a launch known only as a range of years") {
  const char* two = R"({ metric = "device.launch_year", within_years = 2 })";
  const rules::RuleSet set = test::load_text(test::kSetHead + test::one_rule(two));
  auto judge = [&](std::int64_t earliest, std::int64_t latest) {
    const Ms ms{m("device.launch_year", earliest), m("device.launch_year_latest", latest)};
    const auto date = std::chrono::sys_days{std::chrono::year{2026} / 3 / 15};
    return rules::evaluate(set, test::make_report(ms), date)["rules"][0];
  };
  // On 2026-03-15 the cutoff is 2024-03: a range after it passes, one before it fails…
  CHECK(judge(2025, 2026)["outcome"] == "pass");
  CHECK(judge(2022, 2023)["outcome"] == "fail");
  // …and one across it is unknown, saying why.
  const auto across = judge(2023, 2024);
  CHECK(across["outcome"] == "unknown");
  CHECK_THAT(across["detail"].get<std::string>(),
             Catch::Contains("device.launch_year = 2023..2024: launched between 2023 and 2024"));
  CHECK(judge(2024, 2025)["outcome"] == "unknown");
  // A "latest" no later than the year is no range: the year alone decides.
  CHECK(judge(2025, 2025)["outcome"] == "pass");
  CHECK(judge(2023, 1990)["outcome"] == "fail");
}

TEST_CASE("a report's exam date is the day it is judged on, when that is later than now") {
  const char* two = R"({ metric = "device.launch_year", within_years = 2 })";
  const rules::RuleSet set = test::load_text(test::kSetHead + test::one_rule(two));
  auto report = test::make_report(
      {m("device.launch_year", std::int64_t{2025}), m("device.launch_month", std::int64_t{1})});
  const std::chrono::system_clock::time_point now =
      std::chrono::sys_days{std::chrono::year{2026} / 12 / 3};
  CHECK(rules::judged_on(report, now) == now);  // no exam date
  CHECK(rules::evaluate(set, report, now)["rules"][0]["outcome"] == "pass");
  CHECK_FALSE(rules::evaluate(set, report, now).contains("judged_on"));
  // On 2027-03-01 a phone of 2025-01 is older than two years.
  report.exam_date = "2027-03-01";
  const auto exam = rules::judged_on(report, now);
  CHECK(exam == std::chrono::sys_days{std::chrono::year{2027} / 3 / 1} + std::chrono::hours(12));
  const auto evaluation = rules::evaluate(set, report, now);
  CHECK(evaluation["rules"][0]["outcome"] == "fail");
  CHECK(evaluation["evaluated_at"] == "2026-12-03T00:00:00Z");  // when, not as of when
  CHECK(evaluation["judged_on"] == "2027-03-01");
  // A past exam, or a date that is not one, changes nothing.
  for (const char* date : {"2026-01-10", "2027-02-30", "2027-3-1", "tomorrow"}) {
    INFO(date);
    report.exam_date = date;
    CHECK(rules::judged_on(report, now) == now);
  }
}

TEST_CASE("rule texts follow the outcome: failure text only on fail, requirement on unknown") {
  const char* rule = R"({ metric = "storage.free_bytes", at_least = "20 GB" })";
  auto ev = [&](Ms ms) { return run(test::one_rule(rule), std::move(ms))["rules"][0]; };
  const auto failed = ev({m("storage.free_bytes", std::int64_t{1})});
  CHECK(failed["message"]["en"] == "message");
  CHECK(failed["fix"]["en"] == "fix");
  CHECK_FALSE(failed.contains("requirement"));
  const auto unknown = ev({});
  CHECK(unknown["requirement"]["zh-CN"] == "要求");
  CHECK_FALSE(unknown.contains("message"));
  CHECK_FALSE(unknown.contains("fix"));
  const auto passed = ev({m("storage.free_bytes", std::int64_t{30'000'000'000})});
  CHECK_FALSE(passed.contains("message"));
  CHECK_FALSE(passed.contains("requirement"));
  // Measured advice (info with a condition) is quiet when it passes, like any rule.
  const auto advice =
      run(test::one_rule(rule, "info"), {m("storage.free_bytes", std::int64_t{30'000'000'000})});
  CHECK_FALSE(advice["rules"][0].contains("message"));
}

TEST_CASE("measured tests whether a metric was measured, never unknown") {
  CHECK(outcome(R"({ metric = "camera.opened", measured = true })", {m("camera.opened", false)}) ==
        "pass");
  CHECK(outcome(R"({ metric = "camera.opened", measured = true })", {}) == "fail");
  CHECK(outcome(R"({ metric = "camera.opened", measured = false })", {}) == "pass");
}

TEST_CASE("a metric that was not measured makes the rule unknown, never pass") {
  CHECK(outcome(R"({ metric = "storage.free_bytes", at_least = "20 GB" })", {}) == "unknown");
  CHECK(outcome(R"({ metric = "device.brand", not_in = ["redmi"] })", {}) == "unknown");
  CHECK(outcome(R"({ not = { metric = "device.brand", equals = "redmi" } })", {}) == "unknown");
  CHECK(outcome(R"({ metric = "apps.camera_users", is_empty = true })", {}) == "unknown");
}

TEST_CASE("all / any / not with three values") {
  const Ms ms = {m("device.class", std::string("phone"))};
  const std::string t = R"({ metric = "device.class", equals = "phone" })";
  const std::string f = R"({ metric = "device.class", equals = "tablet" })";
  const std::string u = R"({ metric = "device.brand", equals = "apple" })";  // not measured
  auto all = [](const std::string& a, const std::string& b) {
    return "{ all = [" + a + ", " + b + "] }";
  };
  auto any = [](const std::string& a, const std::string& b) {
    return "{ any = [" + a + ", " + b + "] }";
  };
  CHECK(outcome(all(t, t), ms) == "pass");
  CHECK(outcome(all(t, u), ms) == "unknown");
  CHECK(outcome(all(f, u), ms) == "fail");
  CHECK(outcome(any(f, f), ms) == "fail");
  CHECK(outcome(any(t, u), ms) == "pass");
  CHECK(outcome(any(f, u), ms) == "unknown");
  CHECK(outcome("{ not = " + t + " }", ms) == "fail");
  CHECK(outcome("{ not = " + f + " }", ms) == "pass");
  CHECK(outcome("{ not = " + any(f, u) + " }", ms) == "unknown");
}

TEST_CASE("report.role, report.transport and report.platform are pseudo-metrics") {
  const std::string when_primary = R"({ metric = "report.role", equals = "primary" })";
  const std::string require = R"({ metric = "device.class", equals = "phone" })";
  const Ms ms = {m("device.class", std::string("phone"))};
  auto ev = run(test::one_rule(require, "block", when_primary), ms, core::Role::kSecondary);
  CHECK(rule(ev, "r")["outcome"] == "skipped");
  CHECK(rule(ev, "r")["detail"] ==
        "does not apply: report.role = \"secondary\": required = \"primary\"");
  CHECK(rule(run(test::one_rule(require, "block", when_primary), ms), "r")["outcome"] == "pass");
  CHECK(outcome(R"({ metric = "report.transport", equals = "adb" })", {}) == "pass");
  CHECK(outcome(R"({ metric = "report.platform", glob = "android*" })", {}) == "pass");
}

TEST_CASE("a `when` that cannot be decided makes the rule unknown") {
  const std::string when = R"({ metric = "os.family", equals = "android" })";
  auto ev =
      run(test::one_rule(R"({ metric = "device.class", equals = "phone" })", "block", when), {});
  CHECK(rule(ev, "r")["outcome"] == "unknown");
  CHECK(ev["verdict"] == "incomplete");
}

TEST_CASE("verdict: block fail > block unknown > warn fail or unknown > ready; info never counts") {
  const std::string pass = R"({ metric = "device.class", equals = "phone" })";
  const std::string fail = R"({ metric = "device.class", equals = "tablet" })";
  const std::string unknown = R"({ metric = "device.brand", equals = "apple" })";
  const Ms ms = {m("device.class", std::string("phone"))};
  auto verdict = [&](std::vector<std::pair<std::string, std::string>> rules) {
    std::string text;
    int n = 0;
    for (const auto& [severity, require] : rules)
      text += test::one_rule(require, severity, "", "r" + std::to_string(++n));
    return run(text, ms)["verdict"].get<std::string>();
  };
  CHECK(verdict({{"block", pass}, {"warn", pass}, {"info", fail}}) == "ready");
  CHECK(verdict({{"block", pass}, {"info", unknown}}) == "ready");
  CHECK(verdict({{"block", pass}, {"warn", fail}}) == "warnings");
  CHECK(verdict({{"block", pass}, {"warn", unknown}}) == "warnings");
  CHECK(verdict({{"block", unknown}, {"warn", fail}}) == "incomplete");
  CHECK(verdict({{"block", unknown}, {"block", fail}}) == "not_ready");
  CHECK(verdict({{"block", fail}, {"warn", pass}}) == "not_ready");
}

TEST_CASE("details say what was measured against what was required, and which fact matched") {
  const std::string blacklist = R"({ not = { any = [
    { metric = "device.marketing_name", in = ["Redmi Note 9"] },
    { metric = "device.codename", in = ["merlin", "lancelot"] },
  ] } })";
  auto ev = run(test::one_rule(blacklist, "warn"),
                {m("device.marketing_name", std::string("Redmi 10X 4G")),
                 m("device.codename", std::string("merlin"))});
  CHECK(rule(ev, "r")["outcome"] == "fail");
  CHECK(rule(ev, "r")["detail"] ==
        "device.codename = \"merlin\": matches in [\"merlin\", \"lancelot\"]");
  ev = run(test::one_rule(R"({ metric = "storage.free_bytes", at_least = "20 GB" })"),
           {m("storage.free_bytes", std::int64_t{12'300'000'000})});
  CHECK(rule(ev, "r")["detail"] == "storage.free_bytes = 12.3 GB: required ≥ 20 GB");
  ev = run(test::one_rule(R"({ metric = "storage.free_bytes", at_least = "20 GB" })"), {});
  CHECK(rule(ev, "r")["detail"] == "storage.free_bytes not measured");
}

TEST_CASE("info advice without a condition is shown as unknown and does not change the verdict") {
  const std::string advice =
      "\n[[rule]]\nid = \"advice\"\nseverity = \"info\"\nsource = \"YSS-10\"\n"
      "message = { zh-CN = \"参加模拟考试\", en = \"Take the practice exam\" }\n";
  auto ev = run(advice, {});
  CHECK(rule(ev, "advice")["outcome"] == "unknown");
  CHECK_FALSE(rule(ev, "advice").contains("fix"));
  CHECK(ev["verdict"] == "ready");
}

TEST_CASE("derived exam metrics from the encoder bitrate, or the set's assumed bitrate") {
  const std::string exam =
      "[exam]\nattempt_duration = \"10 min\"\nattempts_per_subject = 2\nsubjects = 3\n"
      "assumed_bitrate = \"4 Mbit/s\"\n" +
      test::one_rule(R"({ metric = "exam.upload_minutes_worst", at_most = "1 h" })");
  // 8 Mbit/s x 600 s / 8 = 600 MB per attempt; 6 attempts stored; 3 submitted = 1.8 GB.
  auto ev = run(exam, {m("encoder.bitrate_bps", 8e6), m("network.upload_bps", 10e6),
                       m("network.upload_low_bps", 4e6)});
  CHECK(ev["derived"]["exam.video_bytes"]["value"] == 3'600'000'000LL);
  CHECK(ev["derived"]["exam.video_bytes"]["source"] == "derived:encoder.bitrate_bps");
  CHECK(ev["derived"]["exam.upload_minutes"]["value"].get<double>() == Approx(24.0));
  CHECK(ev["derived"]["exam.upload_minutes_worst"]["value"].get<double>() == Approx(60.0));
  CHECK(ev["derived"]["exam.upload_minutes"]["unit"] == "min");
  CHECK(rule(ev, "r")["outcome"] == "pass");

  ev = run(exam, {m("network.upload_low_bps", 1e6)});
  CHECK(ev["derived"]["exam.video_bytes"]["value"] == 1'800'000'000LL);
  CHECK(ev["derived"]["exam.video_bytes"]["source"] == "derived:exam.assumed_bitrate");
  CHECK_FALSE(ev["derived"].contains("exam.upload_minutes"));
  CHECK(rule(ev, "r")["outcome"] == "fail");  // 900 MB at 1 Mbit/s = 120 min

  ev = run(test::one_rule(R"({ metric = "exam.video_bytes", at_most = "20 GB" })"),
           {m("encoder.bitrate_bps", 8e6)});
  CHECK_FALSE(ev.contains("derived"));  // no [exam]: nothing to derive
  CHECK(rule(ev, "r")["outcome"] == "unknown");
}

// The rates come from the uploaded report: extreme ones must not make a derived figure that
// JSON cannot carry (infinity was written as null and the stored report failed the schema).
TEST_CASE("derived exam metrics are left out when a client's rates make them unrepresentable") {
  const std::string exam =
      "[exam]\nattempt_duration = \"10 min\"\nattempts_per_subject = 2\nsubjects = 3\n" +
      test::one_rule(R"({ metric = "exam.upload_minutes", at_most = "1 h" })");
  auto ev = run(exam, {m("encoder.bitrate_bps", 1e300), m("network.upload_bps", 10e6)});
  CHECK_FALSE(ev.contains("derived"));
  CHECK(rule(ev, "r")["outcome"] == "unknown");
  ev = run(exam, {m("encoder.bitrate_bps", 8e6), m("network.upload_bps", 1e-300),
                  m("network.upload_low_bps", 4e6)});
  CHECK(ev["derived"]["exam.video_bytes"]["value"] == 3'600'000'000LL);
  CHECK_FALSE(ev["derived"].contains("exam.upload_minutes"));
  CHECK(ev["derived"]["exam.upload_minutes_worst"]["value"].get<double>() == Approx(60.0));
  CHECK(rule(ev, "r")["outcome"] == "unknown");
}

TEST_CASE("the evaluation is valid against the report schema") {
  const std::string text =
      test::one_rule(R"({ metric = "device.class", equals = "phone" })") +
      test::one_rule(R"({ metric = "storage.free_bytes", at_least = "20 GB" })", "warn", "", "r2");
  reports::Report report = test::make_report({m("device.class", std::string("phone"))});
  report.evaluation =
      rules::evaluate(test::load_text(test::kSetHead + text), report, test::march_2026());
  CHECK((*report.evaluation)["evaluated_at"] == "2026-03-01T12:00:00Z");
  CHECK((*report.evaluation)["rules_title"]["zh-CN"] == "测试");
  const auto errors = reports::validate_report(reports::to_json(report));
  for (const auto& e : errors) INFO(e.path << ": " << e.message);
  CHECK(errors.empty());
}

TEST_CASE("a long detail is cut on a UTF-8 boundary and stays valid") {
  std::string names = "[";
  for (int i = 0; i < 300; ++i) names += (i ? ", " : "") + std::string("\"红米手机型号") + std::to_string(i) + "\"";
  names += "]";
  auto ev = run(test::one_rule(R"({ metric = "device.marketing_name", in = )" + names + " }"),
                {m("device.marketing_name", std::string("小米 15"))});
  const std::string detail = rule(ev, "r")["detail"];
  CHECK(detail.size() <= 1905);
  CHECK(detail.substr(detail.size() - 4) == " …");
  CHECK_NOTHROW(ev.dump());
}
