// The text of rule outcomes and verdicts in reports.
#include "core/verdict.h"

#include "core/enum_names.h"

namespace examready::core {
namespace {

constexpr std::pair<RuleOutcome, std::string_view> kOutcomeNames[] = {
    {RuleOutcome::kPass, "pass"},
    {RuleOutcome::kFail, "fail"},
    {RuleOutcome::kUnknown, "unknown"},
    {RuleOutcome::kSkipped, "skipped"},
};
constexpr std::pair<Verdict, std::string_view> kVerdictNames[] = {
    {Verdict::kReady, "ready"},
    {Verdict::kWarnings, "warnings"},
    {Verdict::kNotReady, "not_ready"},
    {Verdict::kIncomplete, "incomplete"},
};

}  // namespace

std::string_view to_string(RuleOutcome outcome) { return enum_name(outcome, kOutcomeNames); }
std::optional<RuleOutcome> parse_rule_outcome(std::string_view text) {
  return parse_enum(text, kOutcomeNames);
}
std::string_view to_string(Verdict verdict) { return enum_name(verdict, kVerdictNames); }
std::optional<Verdict> parse_verdict(std::string_view text) {
  return parse_enum(text, kVerdictNames);
}

}  // namespace examready::core
