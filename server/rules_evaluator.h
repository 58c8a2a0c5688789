// The server's own rules set: every upload is re-evaluated with it. Stored evaluations
// keep rule ids and outcomes but not the rules' static zh-CN/en texts (most of a report's
// size); those are put back from the same rules set when staff read a report.
#pragma once

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>

#include "rules/rule_set.h"
#include "server/intake.h"

namespace examready::server {

// Adds each rule's message and fix (and the set's title) back into a stored evaluation.
using TextRestorer = std::function<void(nlohmann::json& evaluation)>;

struct ServerRules {
  Evaluator evaluate;    // evaluation without the static texts
  TextRestorer restore;  // puts them back for display
};

ServerRules make_server_rules(rules::RuleSet rule_set);

}  // namespace examready::server
