// Evaluating a rules set against a report: per-rule outcomes, the verdict, derived exam.*
// metrics, as the `evaluation` object of reports/schema/report.schema.json.
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>

#include "reports/report.h"
#include "rules/rule_set.h"

namespace examready::rules {

// `now` is the evaluation date: it sets evaluated_at and the year `within_years` counts from.
nlohmann::json evaluate(const RuleSet& rules, const reports::Report& report,
                        std::chrono::system_clock::time_point now);

}  // namespace examready::rules
