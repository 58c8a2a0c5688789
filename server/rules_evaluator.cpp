// Server-side evaluation with the rules library, stored compactly.
#include "server/rules_evaluator.h"

#include "rules/evaluate.h"

namespace examready::server {
namespace {

nlohmann::json localized(const rules::Localized& text) {
  return {{"zh-CN", text.zh}, {"en", text.en}};
}

}  // namespace

ServerRules make_server_rules(rules::RuleSet rule_set) {
  auto shared = std::make_shared<const rules::RuleSet>(std::move(rule_set));
  ServerRules server_rules;
  server_rules.evaluate = [shared](const reports::Report& report) {
    nlohmann::json evaluation = rules::evaluate(*shared, report, std::chrono::system_clock::now());
    evaluation.erase("rules_title");
    for (auto& rule : evaluation["rules"]) {
      // Only texts the rules set can give back are dropped.
      if (shared->find_rule(rule["id"].get<std::string>())) {
        rule.erase("message");
        rule.erase("fix");
      }
    }
    return evaluation;
  };
  server_rules.restore = [shared](nlohmann::json& evaluation) {
    if (!evaluation.is_object() || !evaluation.contains("rules")) return;
    if (evaluation.value("rules_id", "") == shared->id && !evaluation.contains("rules_title")) {
      evaluation["rules_title"] = localized(shared->title);
    }
    for (auto& rule : evaluation["rules"]) {
      if (rule.contains("message") || !rule.contains("id")) continue;
      const rules::Rule* found = shared->find_rule(rule["id"].get<std::string>());
      if (!found) continue;
      rule["message"] = localized(found->message);
      if (!found->fix.zh.empty()) rule["fix"] = localized(found->fix);
    }
  };
  return server_rules;
}

}  // namespace examready::server
