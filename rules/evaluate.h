// Evaluating a rules set against a report: per-rule outcomes, the verdict, derived exam.*
// metrics, as the `evaluation` object of reports/schema/report.schema.json.
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>

#include "core/verdict.h"
#include "reports/report.h"
#include "rules/rule_set.h"

namespace examready::rules {

// The time a report is judged as of: its exam_date (noon UTC) when that is later than `now`,
// else `now`. A phone must still be "launched within two years" on the exam day; a past or
// absent exam date changes nothing. evaluate() applies it itself (and says so in the
// evaluation's "judged_on").
std::chrono::system_clock::time_point judged_on(const reports::Report& report,
                                                std::chrono::system_clock::time_point now);

// `now` is the evaluation time (evaluated_at); `within_years` counts from judged_on(report, now).
nlohmann::json evaluate(const RuleSet& rules, const reports::Report& report,
                        std::chrono::system_clock::time_point now);

// The texts a rule outcome carries (the evaluation holds them; the collector drops them when
// storing and puts them back when reading): fail -> message and fix; unknown -> the neutral
// requirement, or the message of advice no device can measure; pass, skipped -> none.
// `entry` must be a JSON object.
void add_rule_texts(const Rule& rule, core::RuleOutcome outcome, nlohmann::json& entry);

}  // namespace examready::rules
