// Fuzz target: a rules tests file (`examready rules test`), with the shipped sets beside it
// (rules = "xiaoyibang.toml" finds sets/xiaoyibang.toml) and, after a form feed, a rules file of
// its own as sets/fuzz.toml.
#include <cstdint>

#include "rules/rule_tests.h"
#include "tests/fuzz/shipped_sets.h"

using namespace examready;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::map<std::string, std::string> files = fuzz::rule_files();
  const auto texts = fuzz::parts(fuzz::as_text(data, size), 2);
  files["sets/fuzz.tests.toml"] = std::string(texts[0]);
  files["sets/fuzz.toml"] = std::string(texts[1]);
  try {
    const rules::RuleTestRun run =
        rules::run_rule_tests("sets/fuzz.tests.toml", fuzz::memory_reader(files));
    if (run.failed() > run.cases.size()) fuzz::invariant_failed("more failures than cases");
  } catch (const rules::RulesLoadError& e) {
    if (e.error().message.empty()) fuzz::invariant_failed("a load error without a message");
  }
  return 0;
}
