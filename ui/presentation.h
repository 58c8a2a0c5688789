// What the terminal and the window show alike: the tone of a status or verdict, the rules a
// candidate must read (problems in the order that decides the verdict, then advice), the
// texts in the chosen language, and the rows of the live progress. Each renderer only maps
// a Tone to its own colours and draws.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/check_result.h"
#include "core/verdict.h"
#include "probe/runner.h"
#include "ui/messages.h"

namespace examready::ui {

enum class Tone { kGood, kCaution, kBad, kQuiet };
Tone tone_of(core::CheckStatus status);
// ready is good, warnings a caution, anything else (not_ready, incomplete) bad.
Tone tone_of_verdict(std::string_view verdict);

// {"zh-CN": …, "en": …} in `lang`; empty when absent.
std::string localized(const nlohmann::json& texts, Language lang);

// A block or warn rule that failed or could not be checked.
struct ProblemRule {
  const nlohmann::json* rule = nullptr;  // into the evaluation's "rules"
  core::RuleOutcome outcome = core::RuleOutcome::kInvalid;
  bool blocking = false;
};
// Block failures, block unknowns, warn failures, warn unknowns; file order within each.
std::vector<ProblemRule> problem_rules(const nlohmann::json& rules);
// Info rules the candidate reads: advice no device can measure, and measured advice that
// failed or could not be checked (a passed one is not repeated).
std::vector<const nlohmann::json*> advice_rules(const nlohmann::json& rules);
// What the candidate reads for a rule: the message of a failure or of advice; when nobody
// could tell, the neutral requirement (never the failure text). An evaluation made before
// rules carried requirements shows the rule id instead.
std::string rule_statement(const nlohmann::json& rule, Language lang);

// One check's line in the live progress.
struct ProgressRow {
  std::string check;
  bool finished = false;
  double fraction = 0;
  core::CheckStatus status = core::CheckStatus::kInvalid;
  double duration_ms = 0;
  std::string summary;  // the measurements in a line, once finished
};

// The rows in the order checks start, updated by the runner's events.
class ProgressRows {
 public:
  explicit ProgressRows(std::size_t summary_chars) : summary_chars_(summary_chars) {}
  // Applies the event; returns its row.
  const ProgressRow& apply(const probe::ProgressEvent& event);
  const std::vector<ProgressRow>& rows() const { return rows_; }

 private:
  std::size_t summary_chars_;
  std::vector<ProgressRow> rows_;
};

}  // namespace examready::ui
