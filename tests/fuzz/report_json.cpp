// Fuzz target: a report as the collector and `examready evaluate` receive it. JSON parse,
// schema validation, report_from_json, evaluation by both shipped sets; what would be stored
// (the report with its evaluation) must again be a valid report.
#include <cstdint>

#include "reports/report.h"
#include "reports/schema.h"
#include "rules/evaluate.h"
#include "tests/fuzz/shipped_sets.h"

using namespace examready;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  nlohmann::json document = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) return 0;
  if (!reports::validate_report(document).empty()) return 0;
  reports::Report report;
  try {
    report = reports::report_from_json(document);
  } catch (const std::invalid_argument&) {
    return 0;  // valid by the schema, refused by the model: a located message, not a crash
  }
  for (const auto& set : fuzz::shipped_sets()) {
    report.evaluation = rules::evaluate(set, report, fuzz::kEvaluationTime);
    const nlohmann::json stored = reports::to_json(report);
    if (const auto errors = reports::validate_report(stored); !errors.empty()) {
      fuzz::invariant_failed("evaluated report fails the schema at",
                             errors.front().path + ": " + errors.front().message);
    }
    (void)stored.dump();  // every string the parser accepted serializes again
  }
  return 0;
}
