// Validation of report documents against reports/schema/report.schema.json
// (compiled into the binary, so the server and the probe agree on one contract).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace examready::reports {

struct SchemaError {
  std::string path;     // JSON pointer, e.g. "/checks/0/status"
  std::string message;
};

std::string_view report_schema_text();

// Empty when the document is a valid report.
std::vector<SchemaError> validate_report(const nlohmann::json& document);

}  // namespace examready::reports
