// Loading: 46 malformed rules files, each with its exact located error; extends; finding sets.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <cstdlib>

#include "rules/app_lists.h"
#include "tests/rules/support.h"
#include "tests/support/fixtures.h"

using namespace examready;

namespace {

struct Malformed {
  const char* loaded;      // the file given to load_rule_set
  const char* error_file;  // the file the error is in (differs for extends cycles)
  int line;
  int column;
  const char* message;  // @DIR@ stands for the fixture directory
};

// Every error names file:line:column (1-based, toml++ source regions) and says what is wrong.
const Malformed kMalformed[] = {
    {"01_unknown_metric.toml", "01_unknown_metric.toml", 8, 22,
     "unknown metric 'device.klass' (see `examready checks` for the catalog)"},
    {"02_unit_mismatch.toml", "02_unit_mismatch.toml", 8, 55,
     "storage.free_bytes: unit mismatch: \"150 ms\" is a duration, not a size in bytes"},
    {"03_missing_unit.toml", "03_missing_unit.toml", 8, 55,
     "storage.free_bytes is measured in bytes: write the unit, e.g. \"20 GB\""},
    {"04_unknown_unit.toml", "04_unknown_unit.toml", 8, 55,
     "storage.free_bytes: unknown unit \"GiBs\" in \"20 GiBs\""},
    {"05_unknown_rule_key.toml", "05_unknown_rule_key.toml", 9, 1,
     "unknown key 'severtiy' in [[rule]] (allowed: id, severity, source, when, require, message, "
     "requirement, fix)"},
    {"06_unknown_top_key.toml", "06_unknown_top_key.toml", 3, 1,
     "unknown key 'titel' in the rules file (allowed: id, title, extends, cites, exam, watch, "
     "exam_app, rule)"},
    {"07_unknown_operator.toml", "07_unknown_operator.toml", 8, 38,
     "unknown key 'equal' in condition (operators: equals, not_equals, less_than, at_most, "
     "greater_than, at_least, in, not_in, version_at_least, version_at_most, version_above, "
     "version_below, version_equals, glob, regex, contains_any, contains_all, contains_none, "
     "is_empty, within_years, measured)"},
    {"08_duplicate_rule_id.toml", "08_duplicate_rule_id.toml", 14, 6,
     "duplicate rule id 'r1' (first defined at @DIR@08_duplicate_rule_id.toml:4:1)"},
    {"09_bad_version.toml", "09_bad_version.toml", 8, 55,
     "bad version \"7.x\": expected numbers separated by dots, e.g. \"7.0\""},
    {"10_bad_regex.toml", "10_bad_regex.toml", 8, 46,
     "bad regex \"(M2003\": Mismatched '(' and ')' in regular expression"},
    {"11_extends_cycle_a.toml", "11_extends_cycle_b.toml", 3, 11,
     "extends cycle: 11_extends_cycle_a.toml -> 11_extends_cycle_b.toml -> "
     "11_extends_cycle_a.toml"},
    {"11_extends_cycle_b.toml", "11_extends_cycle_a.toml", 3, 11,
     "extends cycle: 11_extends_cycle_b.toml -> 11_extends_cycle_a.toml -> "
     "11_extends_cycle_b.toml"},
    {"12_extends_missing.toml", "12_extends_missing.toml", 3, 11,
     "extends \"no_such_file.toml\": no such file (@DIR@no_such_file.toml)"},
    {"13_bad_severity.toml", "13_bad_severity.toml", 6, 12,
     "severity must be block, warn or info, not \"critical\""},
    {"14_missing_require.toml", "14_missing_require.toml", 4, 1,
     "rule 'r1' has no 'require' (only info advice may omit it)"},
    {"15_missing_fix.toml", "15_missing_fix.toml", 4, 1,
     "rule 'r1' has no 'fix': block and warn rules tell the candidate what to do"},
    {"16_version_op_on_string.toml", "16_version_op_on_string.toml", 8, 57,
     "operator 'version_at_least' does not apply to device.class (a string metric)"},
    {"17_numeric_op_on_version.toml", "17_numeric_op_on_version.toml", 8, 47,
     "operator 'at_least' does not apply to os.version (a version metric); use version_at_least / "
     "version_below"},
    {"18_two_operators.toml", "18_two_operators.toml", 8, 62,
     "a condition has one operator, found 'at_least' and 'at_most': combine them with all = [...]"},
    {"19_no_operator.toml", "19_no_operator.toml", 8, 11,
     "condition on 'device.class' has no operator"},
    {"20_all_not_array.toml", "20_all_not_array.toml", 8, 19,
     "'all' needs an array of conditions, not a table"},
    {"21_empty_any.toml", "21_empty_any.toml", 8, 19, "'any' needs at least one condition"},
    {"22_not_with_extra_key.toml", "22_not_with_extra_key.toml", 8, 66,
     "'metric' cannot share a condition with 'not': nest it inside"},
    {"23_in_not_array.toml", "23_in_not_array.toml", 8, 43, "'in' needs an array, not a string"},
    {"24_within_years_not_year.toml", "24_within_years_not_year.toml", 8, 59,
     "operator 'within_years' does not apply to storage.free_bytes (an integer metric)"},
    {"25_bad_source.toml", "25_bad_source.toml", 7, 10,
     "source \"xyb4\" must be requirement ids such as \"XYB-5\" or \"XYB-5, YSS-2\""},
    {"26_message_missing_en.toml", "26_message_missing_en.toml", 9, 11, "'message' has no 'en'"},
    {"27_message_unknown_language.toml", "27_message_unknown_language.toml", 9, 43,
     "unknown key 'fr' in 'message' (allowed: zh-CN, en)"},
    {"28_toml_syntax_error.toml", "28_toml_syntax_error.toml", 6, 18,
     "Error while parsing string: unescaped control characters other than TAB (U+0009) are "
     "explicitly prohibited"},
    {"29_bad_rule_id.toml", "29_bad_rule_id.toml", 5, 6,
     "bad rule id \"Rule One\": use 1-64 of a-z 0-9 _ . -"},
    {"30_boolean_operand.toml", "30_boolean_operand.toml", 8, 51,
     "'equals' on battery.charging needs true or false, not a string"},
    {"31_exam_unknown_key.toml", "31_exam_unknown_key.toml", 6, 1,
     "unknown key 'attempts' in [exam] (allowed: attempt_duration, attempts_per_subject, "
     "submitted_per_subject, subjects, assumed_bitrate, window, upload_deadline)"},
    {"32_exam_duration_unit.toml", "32_exam_duration_unit.toml", 5, 20,
     "attempt_duration: unit mismatch: \"20 GB\" is a size in bytes, not a duration"},
    {"33_watch_bad_package.toml", "33_watch_bad_package.toml", 5, 7,
     "\"WeChat\" is not a package id such as \"com.tencent.mm\""},
    {"34_contains_on_string.toml", "34_contains_on_string.toml", 8, 53,
     "operator 'contains_any' does not apply to device.brand (a string metric); use in / not_in"},
    {"35_is_empty_not_boolean.toml", "35_is_empty_not_boolean.toml", 8, 57,
     "'is_empty' on apps.running_watched needs true or false, not a string"},
    {"36_measured_on_pseudo.toml", "36_measured_on_pseudo.toml", 8, 48,
     "'report.role' is always known: 'measured' does not apply"},
    {"37_empty_condition.toml", "37_empty_condition.toml", 8, 11, "empty condition"},
    {"38_bad_set_id.toml", "38_bad_set_id.toml", 1, 6,
     "bad rules id \"My Set\": use 1-64 of a-z 0-9 _ -"},
    {"39_condition_not_table.toml", "39_condition_not_table.toml", 8, 11,
     "a condition must be a table such as { metric = \"device.class\", equals = \"phone\" }, not a "
     "string"},
    {"40_within_years_negative.toml", "40_within_years_negative.toml", 8, 59,
     "'within_years' needs a whole number of years between 0 and 100, not -1"},
    {"41_glob_on_list.toml", "41_glob_on_list.toml", 8, 53,
     "operator 'glob' does not apply to apps.running_watched (a string-list metric)"},
    {"42_missing_title.toml", "42_missing_title.toml", 1, 1,
     "missing 'title' (a table with zh-CN and en)"},
    {"43_rule_not_table.toml", "43_rule_not_table.toml", 3, 9, "each [[rule]] must be a table"},
    {"44_exam_missing_subjects.toml", "44_exam_missing_subjects.toml", 4, 1,
     "[exam] has no 'subjects'"},
    {"45_when_unknown_metric.toml", "45_when_unknown_metric.toml", 9, 19,
     "unknown metric 'report.rolle' (see `examready checks` for the catalog)"},
    // An undecided outcome must not print the failure text: a rule that can be undecided
    // says what it requires.
    {"46_missing_requirement.toml", "46_missing_requirement.toml", 4, 1,
     "rule 'r1' has no 'requirement': a rule that can be undecided says what it requires in "
     "neutral words"},
    // The probe looks only for the listed apps: another could never be found.
    {"47_app_not_in_watch.toml", "47_app_not_in_watch.toml", 12, 11,
     "rule 'r1': \"com.vivo.agnet\" is not in [[watch]]: apps.running_watched holds only the "
     "apps listed there"},
    {"48_app_list_without_watch.toml", "48_app_list_without_watch.toml", 8, 8,
     "rule 'r1' tests apps.installed_watched, but the set lists no apps in [[watch]]: the probe "
     "would look for none"},
};

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto pos = text.find(from); pos != std::string::npos;
       pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
  return text;
}

}  // namespace

TEST_CASE("malformed rules files give the exact located error") {
  // Errors name files with the OS's separator (backslashes on Windows).
  const auto dir = test::fixture_path("rules/malformed").make_preferred();
  REQUIRE(std::size(kMalformed) >= 30);
  for (const auto& c : kMalformed) {
    INFO(c.loaded);
    const auto path = dir / c.loaded;
    try {
      rules::load_rule_set(path);
      FAIL("loaded without error");
    } catch (const rules::RulesLoadError& e) {
      CHECK(std::filesystem::path(e.error().file).filename() == c.error_file);
      CHECK(e.error().line == c.line);
      CHECK(e.error().column == c.column);
      CHECK(e.error().message == replace_all(c.message, "@DIR@", (dir / "").string()));
      CHECK(e.error().to_string() == (dir / c.error_file).string() + ":" + std::to_string(c.line) +
                                         ":" + std::to_string(c.column) + ": " + e.error().message);
    }
  }
}

TEST_CASE("every malformed fixture is in the table") {
  std::size_t files = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(test::fixture_path("rules/malformed"))) {
    if (entry.path().extension() != ".toml") continue;
    ++files;
    bool listed = false;
    for (const auto& c : kMalformed) listed = listed || entry.path().filename() == c.loaded;
    CHECK(listed);
  }
  CHECK(files == std::size(kMalformed));
}

TEST_CASE("a missing or unreadable file is an error naming it and why") {
  const auto error_of = [](const std::filesystem::path& path) {
    try {
      rules::load_rule_set(path);
    } catch (const rules::RulesLoadError& e) {
      return e.error().to_string();
    }
    return std::string("(loaded)");
  };
  CHECK(error_of("/nonexistent/rules.toml") == "/nonexistent/rules.toml: no such file");
  test::TempDir dir;
  // A review found both reported as "cannot read the file", with no reason.
  CHECK(error_of(dir.path()) == dir.path().string() + ": cannot read the file: is a directory");
  const auto big = dir.path() / "big.toml";
  std::ofstream(big) << "id = \"big\"\n" << std::string(rules::kMaxRulesFileBytes, '#') << "\n";
  CHECK(error_of(big) == big.string() + ": cannot read the file: larger than " +
                             std::to_string(rules::kMaxRulesFileBytes) + " bytes");
}

TEST_CASE("extends: parent rules first, child overrides exam and cites, watch lists merge") {
  test::TempDir dir;
  dir.write("base.toml",
            test::kSetHead +
                "[exam]\nattempt_duration = \"5 min\"\nattempts_per_subject = 1\nsubjects = 1\n"
                "[[watch]]\napp = \"com.tencent.mm\"\nname = \"WeChat\"\n" +
                test::one_rule(R"({ metric = "device.class", equals = "phone" })", "block", "",
                               "base.rule"));
  const auto child =
      dir.write("child.toml",
                "id = \"child\"\ntitle = { zh-CN = \"子\", en = \"Child\" }\nextends = "
                "\"base.toml\"\ncites = \"XYB\"\n"
                "[exam]\nattempt_duration = \"20 min\"\nattempts_per_subject = 2\nsubjects = 3\n"
                "[[watch]]\napp = \"com.tencent.mobileqq\"\nname = \"QQ\"\n"
                "[[exam_app]]\napp = \"cn.artstudent.app\"\nname = \"艺术升\"\n" +
                    test::one_rule(R"({ metric = "storage.free_bytes", at_least = "20 GB" })",
                                   "warn", "", "child.rule"));
  const rules::RuleSet set = rules::load_rule_set(child);
  CHECK(set.id == "child");
  CHECK(set.title.en == "Child");
  REQUIRE(set.rules.size() == 2);
  CHECK(set.rules[0].id == "base.rule");
  CHECK(set.rules[1].id == "child.rule");
  CHECK(set.exam.attempt_seconds == 1200);
  CHECK(set.exam.subjects == 3);
  CHECK(set.watched_apps() == std::vector<std::string>{"com.tencent.mm", "com.tencent.mobileqq"});
  CHECK(set.exam_app_packages() == std::vector<std::string>{"cn.artstudent.app"});
  CHECK(set.cites == "XYB");
}

TEST_CASE("app lists are bounded: the lists looked for go into every report") {
  std::string apps;
  for (std::size_t i = 0; i <= rules::kMaxListedApps; ++i) {
    apps += fmt::format("[[exam_app]]\napp = \"com.example.app{}\"\nname = \"App {}\"\n", i, i);
  }
  try {
    test::load_text(test::kSetHead + apps);
    FAIL("loaded");
  } catch (const rules::RulesLoadError& e) {
    CHECK(e.error().line == 3 + 3 * static_cast<int>(rules::kMaxListedApps));
    CHECK(e.error().message == "more than 128 apps in [[exam_app]] (with what this file extends)");
  }
  const std::string long_package = "com." + std::string(252, 'a');
  try {
    test::load_text(test::kSetHead + "[[watch]]\napp = \"" + long_package + "\"\nname = \"x\"\n");
    FAIL("loaded");
  } catch (const rules::RulesLoadError& e) {
    CHECK(e.error().message.ends_with("is not a package id such as \"com.tencent.mm\""));
  }
  CHECK_NOTHROW(test::load_text(test::kSetHead + "[[watch]]\napp = \"" + long_package.substr(1) +
                                "\"\nname = \"x\"\n"));
  // Package ids are matched ignoring case, so a second spelling of one id is the same app.
  try {
    test::load_text(test::kSetHead +
                    "[[watch]]\napp = \"com.tencent.mm\"\nname = \"a\"\n"
                    "[[watch]]\napp = \"COM.Tencent.MM\"\nname = \"b\"\n");
    FAIL("loaded");
  } catch (const rules::RulesLoadError& e) {
    CHECK(e.error().message == "app \"COM.Tencent.MM\" is already listed in [[watch]]");
  }
}

TEST_CASE("extends: a child may not redefine a parent's rule id") {
  test::TempDir dir;
  dir.write("base.toml",
            test::kSetHead + test::one_rule(R"({ metric = "device.class", equals = "phone" })"));
  const auto child = dir.write(
      "child.toml", test::kSetHead + "extends = \"base.toml\"\n" +
                        test::one_rule(R"({ metric = "device.class", equals = "phone" })"));
  try {
    rules::load_rule_set(child);
    FAIL("loaded");
  } catch (const rules::RulesLoadError& e) {
    CHECK(e.error().line == 6);
    CHECK(e.error().column == 6);
    CHECK(e.error().message == "duplicate rule id 'r' (first defined at " +
                                   (dir.path() / "base.toml").string() + ":4:1)");
  }
}

TEST_CASE("an error inside an extended file names that file") {
  test::TempDir dir;
  dir.write("base.toml",
            test::kSetHead + test::one_rule(R"({ metric = "nope.metric", equals = "x" })"));
  const auto child = dir.write("child.toml", test::kSetHead + "extends = \"base.toml\"\n");
  try {
    rules::load_rule_set(child);
    FAIL("loaded");
  } catch (const rules::RulesLoadError& e) {
    CHECK(e.error().to_string() ==
          (dir.path() / "base.toml").string() +
              ":8:22: unknown metric 'nope.metric' (see `examready checks` for the catalog)");
  }
}

TEST_CASE("cites keeps only the set's own requirement ids in the evaluation") {
  test::TempDir dir;
  std::string rule = test::one_rule(R"({ metric = "device.class", equals = "phone" })");
  rule = replace_all(rule, "source = \"XYB-1\"", "source = \"XYB-1, YSS-1\"");
  const auto with = dir.write("with.toml", test::kSetHead + "cites = \"YSS\"\n" + rule);
  const auto without = dir.write("without.toml", test::kSetHead + rule);
  const auto report = test::make_report({});
  CHECK(rules::evaluate(rules::load_rule_set(with), report,
                        test::march_2026())["rules"][0]["source"] == "YSS-1");
  CHECK(rules::evaluate(rules::load_rule_set(without), report,
                        test::march_2026())["rules"][0]["source"] == "XYB-1, YSS-1");
}

TEST_CASE("shipped sets load, and are found by name") {
  for (const char* name : {"common", "xiaoyibang", "yishusheng"}) {
    INFO(name);
    auto path = rules::find_rule_set(name);
    REQUIRE(path);
    CHECK(path->filename() == std::string(name) + ".toml");
    const rules::RuleSet set = rules::load_rule_set(*path);
    CHECK(set.id == name);
    CHECK_FALSE(set.watched_apps().empty());
    // 艺术升's package id is known; 小艺帮's are not (rules/README.md).
    CHECK(set.exam_app_packages() == (std::string(name) == "yishusheng"
                                          ? std::vector<std::string>{"cn.artstudent.app"}
                                          : std::vector<std::string>{}));
  }
  CHECK_FALSE(rules::find_rule_set("no-such-set"));
  CHECK_FALSE(rules::find_rule_set("missing.toml"));
  CHECK_FALSE(rules::find_rule_set("some/dir/xiaoyibang"));
}

TEST_CASE("EXAMREADY_RULES_DIR is searched first") {
  test::TempDir dir;
  dir.write("xiaoyibang.toml", test::kSetHead);
  test::set_environment("EXAMREADY_RULES_DIR", dir.path().string());
  auto path = rules::find_rule_set("xiaoyibang");
  test::set_environment("EXAMREADY_RULES_DIR", "");
  REQUIRE(path);
  CHECK(*path == dir.path() / "xiaoyibang.toml");
}

TEST_CASE("every rule of the shipped sets cites a requirement and has both languages") {
  for (const char* name : {"xiaoyibang", "yishusheng"}) {
    const rules::RuleSet set = rules::load_rule_set(*rules::find_rule_set(name));
    for (const auto& rule : set.rules) {
      INFO(name << " " << rule.id);
      CHECK_FALSE(rule.source.empty());
      CHECK_FALSE(rule.message.zh.empty());
      CHECK_FALSE(rule.message.en.empty());
      if (rule.severity != rules::Severity::kInfo) CHECK_FALSE(rule.fix.zh.empty());
    }
  }
}
