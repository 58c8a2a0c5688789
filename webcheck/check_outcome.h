// Helpers the web checks share: the outcome the page reports for a browser API, and reading
// its JSON without trusting it (a missing or mistyped field is absent, never a crash).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/check_result.h"
#include "core/measurement_list.h"

namespace examready::webcheck {

// The check's result when the page says the API did not answer ok ("denied", "unsupported"…),
// else nullopt. An unreadable status is an error, not ok.
std::optional<core::CheckResult> refused_outcome(const std::string& name, const nlohmann::json& in);

// A check that measured what it could: status ok, its measurements taken from `measured`.
core::CheckResult ok_result(std::string name, core::MeasurementList& measured,
                            std::string message = {});

// A check that measured nothing usable: its status (unsupported, error…) and why. What it
// did measure (e.g. camera.opened = false) may come along.
core::CheckResult not_measured(std::string name, core::CheckStatus status, std::string message,
                               core::MeasurementList* measured = nullptr);

// Typed reads of the page's fields: nullopt when absent or of another type.
std::optional<double> number_field(const nlohmann::json& in, const char* key);
// A whole number in [0, max] (a fraction is cut), else nullopt.
std::optional<std::int64_t> whole_field(const nlohmann::json& in, const char* key,
                                        std::int64_t max);
std::optional<bool> bool_field(const nlohmann::json& in, const char* key);
std::string text_field(const nlohmann::json& in, const char* key);

}  // namespace examready::webcheck
