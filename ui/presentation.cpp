// The shared presentation rules of the terminal and the window (presentation.h).
#include "ui/presentation.h"

#include <algorithm>

#include "ui/format.h"

namespace examready::ui {

Tone tone_of(core::CheckStatus status) {
  switch (status) {
    case core::CheckStatus::kOk: return Tone::kGood;
    case core::CheckStatus::kUnsupported: return Tone::kQuiet;
    case core::CheckStatus::kDenied:
    case core::CheckStatus::kTimeout: return Tone::kCaution;
    default: return Tone::kBad;
  }
}

Tone tone_of_verdict(std::string_view verdict) {
  switch (core::parse_verdict(verdict).value_or(core::Verdict::kInvalid)) {
    case core::Verdict::kReady: return Tone::kGood;
    case core::Verdict::kWarnings: return Tone::kCaution;
    default: return Tone::kBad;
  }
}

std::string localized(const nlohmann::json& texts, Language lang) {
  if (!texts.is_object()) return {};
  return texts.value(lang == Language::kZh ? "zh-CN" : "en", std::string());
}

std::vector<ProblemRule> problem_rules(const nlohmann::json& rules) {
  std::vector<ProblemRule> problems;
  for (const auto& rule : rules) {
    const auto outcome = core::parse_rule_outcome(rule.value("outcome", ""));
    const std::string severity = rule.value("severity", "");
    if (severity == "info" || !outcome) continue;
    if (*outcome != core::RuleOutcome::kFail && *outcome != core::RuleOutcome::kUnknown) continue;
    problems.push_back({&rule, *outcome, severity == "block"});
  }
  auto rank = [](const ProblemRule& p) {
    return (p.blocking ? 0 : 2) + (p.outcome == core::RuleOutcome::kFail ? 0 : 1);
  };
  std::stable_sort(problems.begin(), problems.end(),
                   [&](const ProblemRule& a, const ProblemRule& b) { return rank(a) < rank(b); });
  return problems;
}

std::vector<const nlohmann::json*> advice_rules(const nlohmann::json& rules) {
  std::vector<const nlohmann::json*> advice;
  for (const auto& rule : rules) {
    const std::string outcome = rule.value("outcome", "");
    if (rule.value("severity", "") == "info" && (outcome == "fail" || outcome == "unknown"))
      advice.push_back(&rule);
  }
  return advice;
}

std::string rule_statement(const nlohmann::json& rule, Language lang) {
  const bool unknown = rule.value("outcome", "") == "unknown";
  const bool advice = unknown && rule.value("severity", "") == "info" && rule.contains("message");
  if (unknown && !advice) {
    if (std::string text = localized(rule.value("requirement", nlohmann::json()), lang);
        !text.empty())
      return text;
    return rule.value("id", std::string());
  }
  std::string text = localized(rule.value("message", nlohmann::json()), lang);
  return text.empty() ? rule.value("id", std::string()) : text;
}

const ProgressRow& ProgressRows::apply(const probe::ProgressEvent& event) {
  auto row = std::find_if(rows_.begin(), rows_.end(),
                          [&](const ProgressRow& r) { return r.check == event.check; });
  if (row == rows_.end()) {
    rows_.emplace_back();
    rows_.back().check = std::string(event.check);
    row = rows_.end() - 1;
  }
  if (event.kind == probe::ProgressEvent::Kind::kProgress) row->fraction = event.fraction;
  if (event.kind == probe::ProgressEvent::Kind::kFinished) {
    row->finished = true;
    row->status = event.result->status;
    row->duration_ms = event.result->duration_ms;
    row->summary = summarize_check(*event.result, summary_chars_);
  }
  return *row;
}

}  // namespace examready::ui
