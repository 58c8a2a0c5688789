// Valid report documents for server tests and load generation.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/sha256.h"
#include "reports/ids.h"
#include "tests/server/raw_http.h"

namespace examready::test {

struct DeviceFacts {
  std::string brand = "xiaomi";
  std::string model = "M2003J15SC";
  std::string os_family = "android";
  std::string os_version = "12";
  std::string device_id = "";  // empty: a new random one per report ("none": no device id)
};

inline nlohmann::json make_report(const DeviceFacts& facts = {},
                                  const std::string& role = "primary",
                                  const std::string& pair_code = "",
                                  const std::string& pair_proof = "") {
  const std::string id = reports::new_report_id();
  nlohmann::json report = {
      {"schema", "examready.report/1"},
      {"report_id", id},
      {"code", reports::short_code(id)},
      {"created_at", reports::utc_now()},
      {"role", role},
      {"probe",
       {{"version", "0.1.0"},
        {"transport", "adb"},
        {"unavailable_checks", nlohmann::json::array()}}},
      {"host", {{"platform", "android"}}},
      {"checks",
       {{{"name", "os"},
         {"status", "ok"},
         {"duration_ms", 3.5},
         {"measurements",
          {{"os.family", {{"value", facts.os_family}, {"source", "getprop"}}},
           {"os.version", {{"value", facts.os_version}, {"source", "getprop"}}}}}},
        {{"name", "device"},
         {"status", "ok"},
         {"duration_ms", 1.25},
         {"measurements",
          {{"device.brand", {{"value", facts.brand}, {"source", "getprop"}}},
           {"device.model", {{"value", facts.model}, {"source", "getprop"}}}}}}}},
  };
  if (!pair_code.empty()) report["pair_code"] = pair_code;
  if (!pair_proof.empty()) report["pair_proof"] = pair_proof;
  if (facts.device_id != "none") {
    report["host"]["device_id"] = facts.device_id.empty()
                                      ? core::sha256_hex(reports::new_report_id()).substr(0, 32)
                                      : facts.device_id;
  }
  return report;
}

// POST /v1/reports of `report` as JSON on a fresh connection from `source`, with
// `extra_headers` (each line ending in CRLF).
inline std::optional<RawResponse> post_json(int port, const nlohmann::json& report,
                                            const std::string& source = "127.0.0.1",
                                            const std::string& extra_headers = "") {
  return raw_request(port, "POST", "/v1/reports",
                     "Content-Type: application/json\r\n" + extra_headers, report.dump(), source);
}

}  // namespace examready::test
