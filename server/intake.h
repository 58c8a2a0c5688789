// What the server does with an uploaded body before storing it: parse within the schema's
// bounds, validate, check the code and the pairing fields, re-evaluate with the server's
// rules, index, and work out the canonical statistics facts.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <variant>

#include "reports/report.h"
#include "server/storage.h"

namespace examready::server {

// Returns the evaluation object (report schema's "evaluation") for a report document.
// The server's own rules set; the client's evaluation is never trusted.
using Evaluator = std::function<nlohmann::json(const reports::Report& report)>;

struct IntakeError {
  std::string message;
  std::string path;  // JSON pointer of the failing part, when there is one
};

// The stored form of a valid upload, or why it was rejected (answered with 400). The
// stored body is the canonical serialization of the validated document (with the server's
// evaluation in place of the client's).
std::variant<StoredReport, IntakeError> intake_report(std::string_view body,
                                                      const Evaluator& evaluate,
                                                      const std::string& received_at);

// Indexed columns of a (validated) report document; verdict and failed rules from its
// "evaluation", or "unevaluated".
ReportColumns index_columns(const nlohmann::json& document);

// A secondary's claimed primary: pair_code and pair_proof ("" when it is a primary).
struct PairClaim {
  std::string primary_code;
  std::string proof;
};
PairClaim pair_claim(const nlohmann::json& document);

}  // namespace examready::server
