// Server-side evaluation with the rules library.
#include "server/rules_evaluator.h"

#include <memory>

#include "rules/evaluate.h"

namespace examready::server {

Evaluator make_rules_evaluator(rules::RuleSet rule_set) {
  auto shared = std::make_shared<const rules::RuleSet>(std::move(rule_set));
  return [shared](const reports::Report& report) {
    return rules::evaluate(*shared, report, std::chrono::system_clock::now());
  };
}

}  // namespace examready::server
