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
        rule.erase("requirement");
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
      if (!rule.is_object() || rule.contains("message") || rule.contains("requirement")) continue;
      const auto id = rule.find("id");
      const auto outcome = rule.find("outcome");
      if (id == rule.end() || !id->is_string() || outcome == rule.end() || !outcome->is_string())
        continue;
      const rules::Rule* found = shared->find_rule(id->get<std::string>());
      const auto parsed = core::parse_rule_outcome(outcome->get<std::string>());
      if (found && parsed) rules::add_rule_texts(*found, *parsed, rule);
    }
  };
  return server_rules;
}

}  // namespace examready::server
