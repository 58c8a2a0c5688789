// Sending one report to the collector: gzip POST, verified TLS, bounded retries with
// exponential backoff and full jitter, the report id as idempotency key.
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "core/gzip.h"

namespace examready::reports {

struct UploadOptions {
  std::string server_url;  // "https://collector.example" (POSTs to /v1/reports)
  std::string ca_file;     // extra trust anchor (a private collector's CA); never "insecure"
  int max_attempts = 5;
  std::chrono::milliseconds initial_backoff{500};
  std::chrono::milliseconds max_backoff{8000};
  std::chrono::seconds attempt_timeout{30};
  // Called before each retry sleep (attempt number, sleep); for progress output.
  std::function<void(int, std::chrono::milliseconds, const std::string&)> on_retry;
};

enum class UploadStatus {
  kInvalid,
  kStored,    // 201: stored now
  kReplayed,  // 200: the server already had exactly this report
  kConflict,  // 409: the server has a different report with this id
  kRejected,  // another 4xx: retrying cannot help (invalid report, too large)
  kFailed,    // network errors or 5xx on every attempt: keep it queued
};

struct UploadOutcome {
  UploadStatus status = UploadStatus::kInvalid;
  int http_status = 0;
  int attempts = 0;
  std::string code;     // the server's answer
  std::string verdict;  // the server's verdict
  std::string message;  // error text for kConflict/kRejected/kFailed
};

// True when the report may leave the queue (the server holds it, or can never take it).
inline bool is_final(UploadStatus status) {
  return status == UploadStatus::kStored || status == UploadStatus::kReplayed ||
         status == UploadStatus::kConflict || status == UploadStatus::kRejected;
}

UploadOutcome upload_report(const std::string& report_json, const std::string& report_id,
                            const UploadOptions& options);

using core::gzip_compress;  // the upload body's compression

// The collector from EXAMREADY_SERVER, or empty.
std::string default_server_url();

}  // namespace examready::reports
