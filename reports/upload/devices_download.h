// Fetching the collector's device database (GET /v1/devices), so the probe judges with the
// newest list without a new release. What arrives is checked before anyone keeps it: it
// must parse as a database and hash to the version the server announced (a cut-off or
// altered transfer is refused, never half-used).
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "rules/devices/device_db.h"

namespace examready::reports {

struct DevicesDownload {
  enum class Status { kUpdated, kUnchanged, kFailed };
  Status status = Status::kFailed;
  std::string text;     // kUpdated: the database (devices.tsv)
  std::shared_ptr<const devices::DeviceDb> database;  // kUpdated: `text` parsed
  std::string version;  // kUpdated, kUnchanged: "N rows, <hash>" as the server gives it
  std::string message;  // kFailed: why
};

// GET {server_url}/v1/devices; `have_hash` (the 16 hex digits of the copy at hand, or empty)
// goes as If-None-Match, and a 304 is kUnchanged.
DevicesDownload download_devices(const std::string& server_url, const std::string& ca_file,
                                 const std::string& have_hash,
                                 std::chrono::seconds timeout = std::chrono::seconds(60));

}  // namespace examready::reports
