// JSON Schema validation with valijson (Debian's libvalijson-dev).
#include "reports/schema.h"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "reports/report_schema_text.h"

namespace examready::reports {
namespace {

const valijson::Schema& compiled_schema() {
  static const valijson::Schema* const schema = [] {
    auto* s = new valijson::Schema();
    static const nlohmann::json document = nlohmann::json::parse(kReportSchemaText);
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(document);
    parser.populateSchema(adapter, *s);
    return s;
  }();
  return *schema;
}

// valijson's context is {"<root>", "[checks]", "[0]", …}: turn it into a JSON pointer.
std::string to_pointer(const std::vector<std::string>& context) {
  std::string pointer;
  for (const auto& part : context) {
    if (part == "<root>") continue;
    std::string token = part;
    if (token.size() >= 2 && token.front() == '[' && token.back() == ']') token = token.substr(1, token.size() - 2);
    if (token.size() >= 2 && token.front() == '"' && token.back() == '"') token = token.substr(1, token.size() - 2);
    pointer += "/" + token;
  }
  return pointer.empty() ? "/" : pointer;
}

}  // namespace

std::string_view report_schema_text() { return kReportSchemaText; }

std::vector<SchemaError> validate_report(const nlohmann::json& document) {
  // The validator caches compiled pattern regexes: one per thread, not one per document
  // (recompiling them dominated the collector's time per upload).
  thread_local valijson::Validator validator(valijson::Validator::kStrongTypes);
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter adapter(document);
  std::vector<SchemaError> errors;
  if (validator.validate(compiled_schema(), adapter, &results)) return errors;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) errors.push_back({to_pointer(error.context), error.description});
  // valijson reports the enclosing failures too; the deepest path is the useful one, first.
  std::stable_sort(errors.begin(), errors.end(),
                   [](const SchemaError& a, const SchemaError& b) { return a.path.size() > b.path.size(); });
  return errors;
}

}  // namespace examready::reports
