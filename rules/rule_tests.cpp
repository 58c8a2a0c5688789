// Running a rules set's own test cases: each case becomes a report with one ok check per
// metric group, is evaluated on the file's date, and is compared with its expectations.
#include "rules/rule_tests.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/verdict.h"
#include "rules/app_lists.h"
#include "rules/evaluate.h"
#include "rules/quantity.h"
#include "rules/toml_located.h"

namespace examready::rules {
namespace {

using detail::fail;

core::Value measured_value(const std::string& file, const core::MetricInfo& info,
                           const toml::node& node) {
  using core::MetricType;
  auto wrong = [&]() {
    const std::string_view type = core::to_string(info.type);
    fail(file, node.source(),
         fmt::format("{} is {} {} metric, not {}", info.name, type == "integer" ? "an" : "a", type,
                     detail::type_name(node)));
  };
  switch (info.type) {
    case MetricType::kBoolean:
      if (!node.is_boolean()) wrong();
      return node.as_boolean()->get();
    case MetricType::kString:
    case MetricType::kVersion:
      if (!node.is_string()) wrong();
      return node.as_string()->get();
    case MetricType::kStringList: {
      if (!node.is_array()) wrong();
      std::vector<std::string> items;
      for (const auto& item : *node.as_array()) {
        if (!item.is_string())
          fail(file, item.source(), fmt::format("{} holds strings", info.name));
        items.push_back(item.as_string()->get());
      }
      return items;
    }
    case MetricType::kInteger:
    case MetricType::kNumber: {
      double value = 0;
      if (const auto* i = node.as_integer())
        value = static_cast<double>(i->get());
      else if (const auto* f = node.as_floating_point())
        value = f->get();
      else if (const auto* s = node.as_string()) {
        auto parsed = parse_quantity(s->get(), info.unit);
        if (auto* error = std::get_if<QuantityError>(&parsed))
          fail(file, node.source(), fmt::format("{}: {}", info.name, error->message));
        value = std::get<double>(parsed);
      } else {
        wrong();
      }
      if (info.type == MetricType::kInteger) return static_cast<std::int64_t>(std::llround(value));
      return value;
    }
    case MetricType::kInvalid:
      break;
  }
  wrong();
  return {};
}

// A case is measured under the set it tests: where it gives apps found among a list
// (apps.running_watched…) but not the list looked for (apps.watch_list…), the list is the
// set's own, as the probe emits it. A case measured under another set says so by giving it.
void add_lists_looked_for(const RuleSet& rules, core::CheckResult& apps) {
  auto has = [&](core::MetricId id) {
    return std::any_of(apps.measurements.begin(), apps.measurements.end(),
                       [&](const core::Measurement& m) { return m.metric == id; });
  };
  const std::size_t given = apps.measurements.size();
  for (std::size_t i = 0; i < given; ++i) {
    const auto scope = app_list_scope(apps.measurements[i].metric, rules);
    if (scope && !has(scope->looked_for)) {
      apps.measurements.push_back({scope->looked_for, packages_of(*scope->listed), "test"});
    }
  }
}

reports::Report case_report(const std::string& file, const toml::table& c, const RuleSet& rules) {
  reports::Report report;
  report.report_id = "AAAAAAAAAAAAAAAAAAAAAA";
  report.created_at = "2025-01-01T00:00:00Z";
  report.probe_version = EXAMREADY_VERSION;
  if (const auto* role = c.get("role")) {
    auto parsed = role->is_string() ? core::parse_role(role->as_string()->get()) : std::nullopt;
    if (!parsed) fail(file, role->source(), "role must be \"primary\" or \"secondary\"");
    report.role = *parsed;
  }
  if (const auto* transport = c.get("transport")) {
    auto parsed = transport->is_string() ? core::parse_transport(transport->as_string()->get())
                                         : std::nullopt;
    if (!parsed)
      fail(file, transport->source(), "transport must be local, adb, ios or getprop-text");
    report.transport = *parsed;
  }
  report.host.platform = c["platform"].value_or(std::string("test"));
  std::map<std::string, core::CheckResult> checks;
  if (const auto* node = c.get("measurements")) {
    const toml::table* measurements = node->as_table();
    if (!measurements)
      fail(file, node->source(), "'measurements' must be a table of metric = value");
    for (const auto& [key, value] : *measurements) {
      auto id = core::find_metric(key.str());
      if (!id) fail(file, key.source(), fmt::format("unknown metric '{}'", key.str()));
      const auto& info = core::metric_info(*id);
      auto& check = checks[std::string(info.group())];
      check.name = std::string(info.group());
      check.status = core::CheckStatus::kOk;
      check.measurements.push_back({*id, measured_value(file, info, value), "test"});
    }
  }
  if (auto apps = checks.find("apps"); apps != checks.end())
    add_lists_looked_for(rules, apps->second);
  for (auto& [name, check] : checks) report.checks.push_back(std::move(check));
  return report;
}

}  // namespace

std::size_t RuleTestRun::failed() const {
  std::size_t n = 0;
  for (const auto& c : cases) n += c.problems.empty() ? 0 : 1;
  return n;
}

namespace {

std::chrono::system_clock::time_point evaluation_date(const std::string& file,
                                                      const toml::table& root) {
  const toml::node* date_node = root.get("date");
  if (!date_node || !date_node->is_date())
    fail(file, root.source(), "'date' must be the evaluation date, e.g. 2025-03-01");
  const toml::date d = date_node->as_date()->get();
  // The evaluation time is a system_clock time (64-bit nanoseconds): a year far from now
  // overflowed it (undefined behaviour, found by fuzzing). Exam dates lie in this range.
  if (d.year < 1970 || d.year > 2200) {
    fail(file, date_node->source(), "'date' must be a date from 1970 to 2200");
  }
  return std::chrono::sys_days{std::chrono::year{d.year} / d.month / d.day} +
         std::chrono::hours(12);
}

void expect_verdict(const std::string& file, const toml::node& verdict,
                    const nlohmann::json& evaluation, RuleTestCase& result) {
  const std::string want = verdict.value_or(std::string());
  if (!core::parse_verdict(want)) {
    fail(file, verdict.source(), "verdict must be ready, warnings, not_ready or incomplete");
  }
  if (evaluation["verdict"] != want) {
    result.problems.push_back(
        fmt::format("verdict {}, expected {}", evaluation["verdict"].get<std::string>(), want));
  }
}

// rule id -> the outcomes the cases expect of it.
using Expected = std::map<std::string, std::set<std::string>>;

void expect_outcomes(const std::string& file, const toml::node& node,
                     const nlohmann::json& evaluation, const std::filesystem::path& rules_path,
                     RuleTestCase& result, Expected& expected) {
  const toml::table* outcomes = node.as_table();
  if (!outcomes) fail(file, node.source(), "'rules' must be a table of rule id = outcome");
  for (const auto& [key, value] : *outcomes) {
    const std::string want = value.value_or(std::string());
    if (!core::parse_rule_outcome(want)) {
      fail(file, value.source(), "outcome must be pass, fail, unknown or skipped");
    }
    expected[std::string(key.str())].insert(want);
    const nlohmann::json* got = nullptr;
    for (const auto& r : evaluation["rules"]) {
      if (r["id"] == key.str()) got = &r;
    }
    if (!got)
      fail(file, key.source(),
           fmt::format("no rule '{}' in {}", key.str(), rules_path.filename().string()));
    if ((*got)["outcome"] != want) {
      result.problems.push_back(fmt::format("rule {}: {}, expected {} ({})", key.str(),
                                            (*got)["outcome"].get<std::string>(), want,
                                            got->value("detail", std::string())));
    }
  }
}

RuleTestCase run_case(const std::string& file, const toml::node& item, const RuleSet& rules,
                      const std::filesystem::path& rules_path,
                      std::chrono::system_clock::time_point now, Expected& expected) {
  const toml::table* c = item.as_table();
  if (!c) fail(file, item.source(), "each [[case]] must be a table");
  detail::check_keys(file, *c, {"name", "role", "transport", "platform", "measurements", "expect"},
                     "[[case]]");
  RuleTestCase result;
  result.origin = fmt::format("{}:{}:{}", file, c->source().begin.line, c->source().begin.column);
  result.name = (*c)["name"].value_or(std::string());
  if (result.name.empty()) fail(file, c->source(), "a case needs a 'name'");
  const reports::Report report = case_report(file, *c, rules);
  const toml::table* expect = (*c)["expect"].as_table();
  if (!expect)
    fail(file, c->source(), fmt::format("case '{}' has no [case.expect] table", result.name));
  detail::check_keys(file, *expect, {"verdict", "rules"}, "[case.expect]");
  const nlohmann::json evaluation = evaluate(rules, report, now);
  if (const auto* verdict = expect->get("verdict"))
    expect_verdict(file, *verdict, evaluation, result);
  if (const auto* node = expect->get("rules")) {
    expect_outcomes(file, *node, evaluation, rules_path, result, expected);
  }
  return result;
}

}  // namespace

RuleTestRun run_rule_tests(const std::filesystem::path& tests_file, const SourceReader& read) {
  const std::string file = tests_file.string();
  const std::optional<std::string> text = read(tests_file);
  if (!text) throw RulesLoadError(RulesError{file, 0, 0, "no such file"});
  const toml::table root = detail::parse_toml(file, *text);
  detail::check_keys(file, root, {"rules", "date", "case"}, "the tests file");
  const toml::node* rules_node = root.get("rules");
  if (!rules_node || !rules_node->is_string())
    fail(file, root.source(), "'rules' must name the rules file under test");
  RuleTestRun run;
  run.rules_path = tests_file.parent_path() / rules_node->as_string()->get();
  // Said at the `rules` line: the loader alone would name the missing file but not who named it.
  if (!read(run.rules_path)) {
    fail(file, rules_node->source(),
         fmt::format("rules \"{}\": no such file ({})", rules_node->as_string()->get(),
                     run.rules_path.string()));
  }
  const RuleSet rules = load_rule_set(run.rules_path, read);
  const auto now = evaluation_date(file, root);
  const toml::array* cases = root["case"].as_array();
  if (!cases || cases->empty()) fail(file, root.source(), "no [[case]]");
  Expected expected;
  for (const auto& item : *cases)
    run.cases.push_back(run_case(file, item, rules, run.rules_path, now, expected));
  for (const Rule& rule : rules.rules) {
    const auto& seen = expected[rule.id];
    if (!rule.require) {
      if (!seen.contains("unknown")) run.uncovered.push_back(rule.id + ": no case shows it");
      continue;
    }
    if (!seen.contains("pass")) run.uncovered.push_back(rule.id + ": no passing case");
    if (!seen.contains("fail")) run.uncovered.push_back(rule.id + ": no failing case");
  }
  return run;
}

}  // namespace examready::rules
