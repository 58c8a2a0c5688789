// The server's own rules set as an Evaluator: every upload is re-evaluated with it.
#pragma once

#include <string>

#include "rules/rule_set.h"
#include "server/intake.h"

namespace examready::server {

Evaluator make_rules_evaluator(rules::RuleSet rule_set);

}  // namespace examready::server
