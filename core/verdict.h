// What a rules set concludes: each rule's outcome and the report's verdict. Reports and the
// collector carry them as text; this is the one place that spells them.
#pragma once

#include <optional>
#include <string_view>

namespace examready::core {

// pass/fail: the requirement held or not; unknown: a metric it needs was not measured (never
// a pass); skipped: its `when` did not apply to this device.
enum class RuleOutcome { kInvalid, kPass, kFail, kUnknown, kSkipped };
std::string_view to_string(RuleOutcome outcome);
std::optional<RuleOutcome> parse_rule_outcome(std::string_view text);

// not_ready: a blocking rule failed; incomplete: a blocking rule could not be checked;
// warnings: a warning rule failed or could not be checked; ready: none of these.
enum class Verdict { kInvalid, kReady, kWarnings, kNotReady, kIncomplete };
std::string_view to_string(Verdict verdict);
std::optional<Verdict> parse_verdict(std::string_view text);

}  // namespace examready::core
