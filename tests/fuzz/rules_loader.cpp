// Fuzz target: rules files as `examready rules lint`, the probe and the collector load them.
// The input is up to four files (separated by form feeds: sets/fuzz.toml, then a.toml, b.toml,
// c.toml) beside the shipped sets, so `extends` chains and cycles are fuzzed too. A set that
// loads is evaluated against fixture reports, and the evaluated reports must be valid.
#include <cstdint>

#include "reports/schema.h"
#include "rules/evaluate.h"
#include "tests/fuzz/shipped_sets.h"

using namespace examready;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::map<std::string, std::string> files = fuzz::rule_files();
  const auto texts = fuzz::parts(fuzz::as_text(data, size), 1);
  const char* const names[] = {"sets/fuzz.toml", "sets/a.toml", "sets/b.toml", "sets/c.toml"};
  for (std::size_t i = 0; i < texts.size() && i < std::size(names); ++i) {
    files[names[i]] = std::string(texts[i]);
  }
  rules::RuleSet set;
  try {
    set = rules::load_rule_set(names[0], fuzz::memory_reader(files));
  } catch (const rules::RulesLoadError& e) {
    if (e.error().message.empty()) fuzz::invariant_failed("a load error without a message");
    return 0;
  }
  for (reports::Report report : fuzz::fixture_reports()) {
    report.evaluation = rules::evaluate(set, report, fuzz::kEvaluationTime);
    if (const auto errors = reports::validate_report(reports::to_json(report)); !errors.empty()) {
      fuzz::invariant_failed("evaluation by a linted set fails the schema at",
                             errors.front().path + ": " + errors.front().message);
    }
  }
  return 0;
}
