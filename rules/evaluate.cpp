// The evaluator: three-valued conditions (true, false, unknown: a metric not measured is
// never a pass), rule outcomes with a detail saying what was measured against what was
// required, and the verdict.
#include "rules/evaluate.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "core/text.h"
#include "core/verdict.h"
#include "reports/ids.h"
#include "rules/app_lists.h"
#include "rules/derived.h"
#include "rules/glob.h"
#include "rules/quantity.h"

namespace examready::rules {
namespace {

using core::RuleOutcome;
using core::Verdict;

enum class Tri { kFalse, kTrue, kUnknown };

struct Facts {
  MetricValues values{};
  const RuleSet* set = nullptr;  // the judging set (its app lists: app_lists.h)
  std::string_view role, transport, platform;
  int year = 0;   // of the evaluation date
  int month = 0;  // 1-12
};

Tri tri(bool b) { return b ? Tri::kTrue : Tri::kFalse; }

// The latest launch year where only a range is known (device.launch_year is then the
// earliest); nullopt for a single year or a value that is no later than the earliest.
std::optional<int> latest_year_of(const Subject& subject, const Facts& facts, double earliest) {
  if (subject.pseudo != Pseudo::kNone || subject.metric != core::MetricId::kDeviceLaunchYear)
    return std::nullopt;
  const core::Value* value =
      facts.values[static_cast<std::size_t>(core::MetricId::kDeviceLaunchYearLatest)];
  const auto* latest = value ? std::get_if<std::int64_t>(value) : nullptr;
  if (!latest || static_cast<double>(*latest) <= earliest || *latest > 9999) return std::nullopt;
  return static_cast<int>(*latest);
}

// The month (1-12) that goes with a year metric, where the catalog has one and the report
// holds a valid one. A report is client input: a month of 0, 13 or 2^40 counts as not known.
std::optional<int> month_of(const Subject& subject, const Facts& facts) {
  if (subject.pseudo != Pseudo::kNone || subject.metric != core::MetricId::kDeviceLaunchYear)
    return std::nullopt;
  const core::Value* value =
      facts.values[static_cast<std::size_t>(core::MetricId::kDeviceLaunchMonth)];
  const auto* month = value ? std::get_if<std::int64_t>(value) : nullptr;
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  return static_cast<int>(*month);
}

double as_number(const core::Value& value) {
  if (const auto* i = std::get_if<std::int64_t>(&value)) return static_cast<double>(*i);
  if (const auto* d = std::get_if<double>(&value)) return *d;
  return std::nan("");
}

std::string format_measured(const Subject& subject, const core::Value& value) {
  return std::visit(
      [&](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, bool>)
          return v ? "true" : "false";
        else if constexpr (std::is_same_v<T, std::int64_t> || std::is_same_v<T, double>)
          return format_quantity(static_cast<double>(v), subject.unit);
        else if constexpr (std::is_same_v<T, std::string>)
          return subject.type == core::MetricType::kVersion ? v : fmt::format("\"{}\"", v);
        else
          return v.empty() ? std::string("[]") : fmt::format("[{}]", fmt::join(v, ", "));
      },
      value);
}

std::string op_text(const Condition& leaf, const Facts& facts) {
  const std::string& w = leaf.written;
  switch (leaf.op) {
    case Op::kEquals:
      return "= " + w;
    case Op::kNotEquals:
      return "≠ " + w;
    case Op::kLess:
      return "< " + w;
    case Op::kLessEqual:
      return "≤ " + w;
    case Op::kGreater:
      return "> " + w;
    case Op::kGreaterEqual:
      return "≥ " + w;
    case Op::kIn:
      return "in " + w;
    case Op::kNotIn:
      return "not in " + w;
    case Op::kVersionAtLeast:
      return "version ≥ " + w;
    case Op::kVersionAtMost:
      return "version ≤ " + w;
    case Op::kVersionAbove:
      return "version > " + w;
    case Op::kVersionBelow:
      return "version < " + w;
    case Op::kVersionEquals:
      return "version = " + w;
    case Op::kGlob:
      return "pattern " + w;
    case Op::kRegex:
      return "regex /" + w + "/";
    case Op::kContainsAny:
      return "containing any of " + w;
    case Op::kContainsAll:
      return "containing all of " + w;
    case Op::kContainsNone:
      return "containing none of " + w;
    case Op::kIsEmpty:
      return leaf.flag ? "empty" : "not empty";
    case Op::kWithinYears:
      return fmt::format("launched in {}-{:02} or later (within {} years of {}-{:02})",
                         facts.year - static_cast<int>(leaf.number), facts.month, leaf.number,
                         facts.year, facts.month);
    case Op::kMeasured:
      return leaf.flag ? "measured" : "not measured";
  }
  return "?";
}

class Evaluator {
 public:
  explicit Evaluator(const Facts& facts) : facts_(facts) {}

  // Evaluates `c`; when `why` is given, appends the facts that decided the result.
  Tri eval(const Condition& c, std::vector<std::string>* why) {
    switch (c.kind) {
      case Condition::Kind::kLeaf:
        return leaf(c, why);
      case Condition::Kind::kNot: {
        Tri t = eval(c.children.front(), why);
        return t == Tri::kUnknown ? t : (t == Tri::kTrue ? Tri::kFalse : Tri::kTrue);
      }
      case Condition::Kind::kAll:
      case Condition::Kind::kAny: {
        // all: one false decides; any: one true decides. Otherwise unknown beats the rest.
        const Tri decisive = c.kind == Condition::Kind::kAll ? Tri::kFalse : Tri::kTrue;
        std::vector<Tri> results;
        results.reserve(c.children.size());
        for (const auto& child : c.children) results.push_back(eval(child, nullptr));
        Tri result = c.kind == Condition::Kind::kAll ? Tri::kTrue : Tri::kFalse;
        for (Tri t : results) {
          if (t == decisive) {
            result = decisive;
            break;
          }
          if (t == Tri::kUnknown) result = Tri::kUnknown;
        }
        if (why) {
          for (std::size_t i = 0; i < results.size(); ++i) {
            if (results[i] == result) eval(c.children[i], why);
          }
        }
        return result;
      }
    }
    return Tri::kUnknown;
  }

 private:
  const core::Value* lookup(const Subject& s, core::Value& scratch) const {
    switch (s.pseudo) {
      case Pseudo::kReportRole:
        scratch = std::string(facts_.role);
        return &scratch;
      case Pseudo::kReportTransport:
        scratch = std::string(facts_.transport);
        return &scratch;
      case Pseudo::kReportPlatform:
        scratch = std::string(facts_.platform);
        return &scratch;
      case Pseudo::kNone:
        break;
    }
    return facts_.values[static_cast<std::size_t>(s.metric)];
  }

  Tri leaf(const Condition& c, std::vector<std::string>* why) {
    core::Value scratch;
    const core::Value* value = lookup(c.subject, scratch);
    if (c.op == Op::kMeasured) {
      Tri t = (value != nullptr) == c.flag ? Tri::kTrue : Tri::kFalse;
      if (why)
        why->push_back(
            fmt::format("{} is {}", c.subject.name, value ? "measured" : "not measured"));
      return t;
    }
    if (!value) {
      if (why) why->push_back(fmt::format("{} not measured", c.subject.name));
      return Tri::kUnknown;
    }
    std::string problem;
    Tri t = Tri::kUnknown;
    const auto scope = c.subject.pseudo == Pseudo::kNone
                           ? app_list_scope(c.subject.metric, *facts_.set)
                           : std::nullopt;
    if (scope) {
      // Judged: what the report found among this set's apps (the apps it lists, not others).
      scratch = found_among(std::get<std::vector<std::string>>(*value), *scope->listed);
      value = &scratch;
      t = compare_app_list(c, *scope, std::get<std::vector<std::string>>(scratch), problem);
    } else {
      t = compare(c, *value, problem);
    }
    if (why) {
      std::string measured = format_measured(c.subject, *value);
      if (c.op == Op::kWithinYears) {
        const auto month = month_of(c.subject, facts_);
        if (const auto latest = latest_year_of(c.subject, facts_, as_number(*value))) {
          measured += fmt::format("..{}", *latest);
        } else {
          measured += month ? fmt::format("-{:02}", *month) : " (month unknown)";
        }
      }
      if (t == Tri::kUnknown)
        why->push_back(fmt::format("{} = {}: {}", c.subject.name, measured, problem));
      else if (t == Tri::kTrue)
        why->push_back(
            fmt::format("{} = {}: matches {}", c.subject.name, measured, op_text(c, facts_)));
      else
        why->push_back(
            fmt::format("{} = {}: required {}", c.subject.name, measured, op_text(c, facts_)));
    }
    return t;
  }

  Tri compare(const Condition& c, const core::Value& value, std::string& problem) const {
    const auto of = tri;
    switch (c.op) {
      case Op::kEquals:
      case Op::kNotEquals: {
        bool eq = false;
        if (const auto* b = std::get_if<bool>(&value))
          eq = *b == c.flag;
        else if (const auto* s = std::get_if<std::string>(&value))
          eq = core::text::equals_ignoring_case(*s, c.text);
        else
          eq = as_number(value) == c.number;
        return of(c.op == Op::kEquals ? eq : !eq);
      }
      case Op::kLess:
        return of(as_number(value) < c.number);
      case Op::kLessEqual:
        return of(as_number(value) <= c.number);
      case Op::kGreater:
        return of(as_number(value) > c.number);
      case Op::kGreaterEqual:
        return of(as_number(value) >= c.number);
      case Op::kIn:
      case Op::kNotIn: {
        bool found = false;
        if (const auto* s = std::get_if<std::string>(&value)) {
          for (const auto& item : c.texts) found = found || core::text::equals_ignoring_case(*s, item);
        } else {
          for (double item : c.numbers) found = found || as_number(value) == item;
        }
        return of(c.op == Op::kIn ? found : !found);
      }
      case Op::kVersionAtLeast:
      case Op::kVersionAtMost:
      case Op::kVersionAbove:
      case Op::kVersionBelow:
      case Op::kVersionEquals: {
        auto measured = parse_version_measured(std::get<std::string>(value));
        if (!measured) {
          problem = "not a version number";
          return Tri::kUnknown;
        }
        const int cmp = compare_versions(*measured, c.version);
        if (c.op == Op::kVersionAtLeast) return of(cmp >= 0);
        if (c.op == Op::kVersionAtMost) return of(cmp <= 0);
        if (c.op == Op::kVersionAbove) return of(cmp > 0);
        if (c.op == Op::kVersionBelow) return of(cmp < 0);
        return of(cmp == 0);
      }
      case Op::kGlob:
      case Op::kRegex:
        if (c.op == Op::kGlob) return of(glob_match(std::get<std::string>(value), c.text));
        return of(std::regex_search(std::get<std::string>(value), *c.regex));
      case Op::kContainsAny:
      case Op::kContainsAll:
      case Op::kContainsNone: {
        const auto& list = std::get<std::vector<std::string>>(value);
        std::size_t hits = 0;
        for (const auto& wanted : c.texts) {
          bool hit = false;
          for (const auto& item : list) hit = hit || core::text::equals_ignoring_case(item, wanted);
          hits += hit ? 1 : 0;
        }
        if (c.op == Op::kContainsAny) return of(hits > 0);
        if (c.op == Op::kContainsAll) return of(hits == c.texts.size());
        return of(hits == 0);
      }
      case Op::kIsEmpty:
        return of(std::get<std::vector<std::string>>(value).empty() == c.flag);
      case Op::kWithinYears:
        return within_years(c, as_number(value), problem);
      case Op::kMeasured:
        break;
    }
    return Tri::kUnknown;
  }

  static std::vector<std::string> found_among(const std::vector<std::string>& found,
                                              const std::vector<WatchedApp>& listed) {
    std::vector<std::string> kept;
    for (const auto& app : found) {
      if (lists_app(listed, app)) kept.push_back(app);
    }
    return kept;
  }

  // A condition on apps found among a list (app_lists.h). An app found decides; an app looked
  // for and not found is absent; an app the report never looked for (measured under another
  // set, or by a probe that did not say what it looked for) leaves the outcome unknown where
  // it matters. `found` holds only this set's apps.
  Tri compare_app_list(const Condition& c, const AppListScope& scope,
                       const std::vector<std::string>& found, std::string& problem) const {
    const core::Value* looked_value = facts_.values[static_cast<std::size_t>(scope.looked_for)];
    const auto* looked =
        looked_value ? std::get_if<std::vector<std::string>>(looked_value) : nullptr;
    std::vector<std::string_view> never;  // apps that matter here and were never looked for
    auto classify = [&](std::string_view app, std::size_t& hits, std::size_t& absent) {
      if (lists_app(found, app))
        ++hits;
      else if (looked && lists_app(*looked, app))
        ++absent;
      else
        never.push_back(app);
    };
    std::size_t hits = 0, absent = 0;
    Tri decided = Tri::kUnknown;
    if (c.op == Op::kIsEmpty) {
      for (const auto& app : *scope.listed) classify(app.package, hits, absent);
      if (hits > 0)
        decided = tri(!c.flag);
      else if (never.empty())
        decided = tri(c.flag);
    } else {
      for (const auto& app : c.texts) classify(app, hits, absent);
      if (c.op == Op::kContainsAny) {
        if (hits > 0)
          decided = Tri::kTrue;
        else if (never.empty())
          decided = Tri::kFalse;
      } else if (c.op == Op::kContainsAll) {
        if (hits == c.texts.size())
          decided = Tri::kTrue;
        else if (absent > 0)
          decided = Tri::kFalse;
      } else if (c.op == Op::kContainsNone) {
        if (hits > 0)
          decided = Tri::kFalse;
        else if (never.empty())
          decided = Tri::kTrue;
      }
    }
    if (decided == Tri::kUnknown) {
      constexpr std::size_t kNamed = 3;
      const auto named =
          never.begin() + static_cast<std::ptrdiff_t>(std::min(never.size(), kNamed));
      const std::string why = looked
                                  ? fmt::format("another list than this set's {}", scope.table)
                                  : std::string("the report does not say which apps it looked for");
      problem = fmt::format(
          "not looked for when the report was measured ({}): {}{}", why,
          fmt::join(never.begin(), named, ", "),
          never.size() > kNamed ? fmt::format(" and {} more", never.size() - kNamed) : "");
    }
    return decided;
  }

  // "Launched within N years" counts by month: evaluated in 2026-12, within two years is
  // launched in 2024-12 or later. With the year alone, a launch in the cutoff year is
  // undecided (unless the cutoff month is January): unknown, never a guess either way.
  // A launch known only as a range of years (from a model code) passes when its earliest
  // year does, fails when its latest does not, and is otherwise unknown.
  Tri within_years(const Condition& c, double year, std::string& problem) const {
    const int cutoff = facts_.year - static_cast<int>(c.number);
    if (const auto latest = latest_year_of(c.subject, facts_, year)) {
      if (year > cutoff || (year == cutoff && facts_.month == 1)) return Tri::kTrue;
      if (*latest < cutoff) return Tri::kFalse;
      problem = fmt::format(
          "launched between {} and {}: within {} years only if launched in {}-{:02} or later", year,
          *latest, c.number, cutoff, facts_.month);
      return Tri::kUnknown;
    }
    if (const auto month = month_of(c.subject, facts_)) {
      return tri(year > cutoff || (year == cutoff && *month >= facts_.month));
    }
    if (year != cutoff || facts_.month == 1) return tri(year >= cutoff);
    problem =
        fmt::format("launch month unknown: within {} years only if launched in {}-{:02} or later",
                    c.number, cutoff, facts_.month);
    return Tri::kUnknown;
  }

  const Facts& facts_;
};

RuleOutcome outcome_of(Tri require) {
  return require == Tri::kTrue    ? RuleOutcome::kPass
         : require == Tri::kFalse ? RuleOutcome::kFail
                                  : RuleOutcome::kUnknown;
}

// Objects are filled member by member: nlohmann's initializer lists copy every value twice,
// which dominated re-evaluating stored reports on the server.
using Json = nlohmann::json;

Json object() { return Json(Json::value_t::object); }

Json localized_json(const Localized& text) {
  Json json = object();
  auto& members = json.get_ref<Json::object_t&>();
  members.emplace("zh-CN", text.zh);
  members.emplace("en", text.en);
  return json;
}

// "XYB-5, YSS-2" reported by the xiaoyibang set (cites = "XYB") as "XYB-5".
std::string cited_source(const std::string& source, const std::string& prefix) {
  if (prefix.empty()) return source;
  std::string kept;
  std::size_t start = 0;
  while (start < source.size()) {
    std::size_t end = source.find(", ", start);
    if (end == std::string::npos) end = source.size();
    std::string_view id(source.data() + start, end - start);
    if (id.substr(0, prefix.size()) == prefix && id.size() > prefix.size() &&
        id[prefix.size()] == '-') {
      kept += (kept.empty() ? "" : ", ") + std::string(id);
    }
    start = end + 2;
  }
  return kept.empty() ? source : kept;
}

std::string join_detail(const std::vector<std::string>& parts) {
  // A metric named in two branches ("width ≥ 1280 and height ≥ 720, or the other way") is
  // said once.
  std::vector<std::string_view> unique;
  for (const auto& part : parts) {
    if (std::find(unique.begin(), unique.end(), part) == unique.end()) unique.push_back(part);
  }
  std::string detail = fmt::format("{}", fmt::join(unique, "; "));
  // The schema caps a detail at 2000 characters; cut on a UTF-8 boundary so the JSON stays valid.
  constexpr std::size_t kMaxBytes = 1900;
  if (detail.size() > kMaxBytes) {
    std::size_t cut = kMaxBytes;
    while (cut > 0 && (static_cast<unsigned char>(detail[cut]) & 0xC0) == 0x80) --cut;
    detail.resize(cut);
    detail += " …";
  }
  return detail;
}

}  // namespace

namespace {

Facts report_facts(const reports::Report& report, std::chrono::system_clock::time_point now) {
  Facts facts;
  for (const auto& check : report.checks) {
    for (const auto& m : check.measurements) {
      auto& slot = facts.values[static_cast<std::size_t>(m.metric)];
      if (!slot) slot = &m.value;
    }
  }
  facts.role = core::to_string(report.role);
  facts.transport = core::to_string(report.transport);
  facts.platform = report.host.platform;
  // The calendar of the exams: both platforms run on China Standard Time (UTC+8, no daylight
  // saving), so "within two years" turns over at midnight in Beijing, not in London.
  const std::chrono::year_month_day date{
      std::chrono::floor<std::chrono::days>(now + std::chrono::hours(8))};
  facts.year = static_cast<int>(date.year());
  facts.month = static_cast<int>(static_cast<unsigned>(date.month()));
  return facts;
}

// The derived exam.* metrics as the evaluation's "derived" object; `facts` points at them
// from now on, so `derived` must outlive the evaluation.
Json derived_json(const std::vector<core::Measurement>& derived, Facts& facts) {
  Json json = Json::object();
  for (const auto& m : derived) {
    facts.values[static_cast<std::size_t>(m.metric)] = &m.value;
    const auto& info = core::metric_info(m.metric);
    Json entry = {{"value", std::visit([](const auto& v) { return Json(v); }, m.value)},
                  {"source", m.source}};
    if (info.unit != core::Unit::kNone) entry["unit"] = core::to_string(info.unit);
    json[std::string(info.name)] = std::move(entry);
  }
  return json;
}

struct RuleResult {
  RuleOutcome outcome = RuleOutcome::kInvalid;
  Json entry;
};

RuleResult evaluate_rule(const Rule& rule, const RuleSet& rules, Evaluator& evaluator,
                         std::vector<std::string>& why) {
  why.clear();
  RuleResult result;
  std::string prefix;
  if (rule.when && evaluator.eval(*rule.when, nullptr) != Tri::kTrue) {
    const Tri when = evaluator.eval(*rule.when, &why);
    result.outcome = when == Tri::kFalse ? RuleOutcome::kSkipped : RuleOutcome::kUnknown;
    prefix = when == Tri::kFalse ? "does not apply: " : "cannot tell whether it applies: ";
  } else if (!rule.require) {
    result.outcome = RuleOutcome::kUnknown;
    prefix = "advice: a device cannot measure this";
  } else {
    result.outcome = outcome_of(evaluator.eval(*rule.require, &why));
  }
  result.entry = object();
  auto& members = result.entry.get_ref<Json::object_t&>();
  members.emplace("id", rule.id);
  members.emplace("severity", to_string(rule.severity));
  members.emplace("outcome", core::to_string(result.outcome));
  members.emplace("source", cited_source(rule.source, rules.cites));
  add_rule_texts(rule, result.outcome, result.entry);
  if (!why.empty() || !prefix.empty()) members.emplace("detail", prefix + join_detail(why));
  return result;
}

}  // namespace

std::chrono::system_clock::time_point judged_on(const reports::Report& report,
                                                std::chrono::system_clock::time_point now) {
  const auto exam = reports::parse_exam_date(report.exam_date);
  return exam && *exam > now ? *exam : now;
}

void add_rule_texts(const Rule& rule, core::RuleOutcome outcome, nlohmann::json& entry) {
  auto& members = entry.get_ref<Json::object_t&>();
  // A failure: what failed and the fix. An outcome nobody could decide: the neutral
  // requirement, never the failure text (it would accuse the phone of what the probe could
  // not see). Advice no device can measure: the advice. Passed and skipped rules carry no
  // texts (a third of the size).
  const bool advice = outcome == RuleOutcome::kUnknown && !rule.require;
  if (outcome == RuleOutcome::kFail || advice) {
    members.insert_or_assign("message", localized_json(rule.message));
    if (!rule.fix.zh.empty()) members.insert_or_assign("fix", localized_json(rule.fix));
  } else if (outcome == RuleOutcome::kUnknown) {
    members.insert_or_assign("requirement", localized_json(rule.requirement));
  }
}

nlohmann::json evaluate(const RuleSet& rules, const reports::Report& report,
                        std::chrono::system_clock::time_point now) {
  // Dates count from the exam day when the report names a later one (judged_on).
  const auto judged = judged_on(report, now);
  Facts facts = report_facts(report, judged);
  facts.set = &rules;
  const std::vector<core::Measurement> derived = derive_exam_metrics(rules, facts.values);
  Json derived_object = derived_json(derived, facts);

  Evaluator evaluator(facts);
  Json outcomes = Json::array();
  outcomes.get_ref<Json::array_t&>().reserve(rules.rules.size());
  bool block_fail = false, block_unknown = false, warn_issue = false;
  std::vector<std::string> why;
  for (const auto& rule : rules.rules) {
    RuleResult result = evaluate_rule(rule, rules, evaluator, why);
    const bool fail = result.outcome == RuleOutcome::kFail;
    const bool unknown = result.outcome == RuleOutcome::kUnknown;
    if (rule.severity == Severity::kBlock) {
      block_fail = block_fail || fail;
      block_unknown = block_unknown || unknown;
    } else if (rule.severity == Severity::kWarn) {
      warn_issue = warn_issue || fail || unknown;
    }
    outcomes.push_back(std::move(result.entry));
  }
  const Verdict verdict = block_fail      ? Verdict::kNotReady
                          : block_unknown ? Verdict::kIncomplete
                          : warn_issue    ? Verdict::kWarnings
                                          : Verdict::kReady;
  Json evaluation = object();
  auto& members = evaluation.get_ref<Json::object_t&>();
  members.emplace("rules_id", rules.id);
  members.emplace("rules_title", localized_json(rules.title));
  members.emplace("evaluated_at", reports::format_utc(now));
  if (judged != now) members.emplace("judged_on", report.exam_date);
  members.emplace("verdict", core::to_string(verdict));
  members.emplace("rules", std::move(outcomes));
  if (!derived_object.empty()) evaluation["derived"] = std::move(derived_object);
  return evaluation;
}

}  // namespace examready::rules
