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
  // A Retry-After (429, 503) up to this long is waited out; a longer one ends this run's
  // attempts (the report stays queued).
  std::chrono::seconds max_retry_after{30};
  // Called before each retry sleep (attempt number, sleep); for progress output.
  std::function<void(int, std::chrono::milliseconds, const std::string&)> on_retry;
};

enum class UploadStatus {
  kInvalid,
  kStored,    // 201 from the collector: stored now
  kReplayed,  // 200 from the collector: it already had exactly this report
  kConflict,  // 409 from the collector: it has a different report with this id
  kRejected,  // the collector refused this report for good (400, 403, 413 with its error)
  kFailed,    // anything else: no answer, 5xx, 429, or an answer not from the collector
              // (a captive portal's 200 or 302, a proxy's 404): the report stays queued
};

struct UploadOutcome {
  UploadStatus status = UploadStatus::kInvalid;
  int http_status = 0;
  int attempts = 0;
  std::string code;        // the server's answer
  std::string verdict;     // the server's verdict
  std::string message;     // error text for kConflict/kRejected/kFailed
  // kFailed for a reason that would fail the next report too (no answer, the collector busy
  // or rate-limiting, something else answering in its place): a flush stops there.
  bool server_unavailable = false;
};

// True when the report may leave the queue (the server holds it, or can never take it).
inline bool is_final(UploadStatus status) {
  return status == UploadStatus::kStored || status == UploadStatus::kReplayed ||
         status == UploadStatus::kConflict || status == UploadStatus::kRejected;
}

// Sends one report. Only the collector's own answers are believed: a 2xx counts when it names
// this report's code, a refusal when it carries the collector's JSON error.
UploadOutcome upload_report(const std::string& report_json, const std::string& report_id,
                            const UploadOptions& options);

using core::gzip_compress;  // the upload body's compression

// The collector from EXAMREADY_SERVER, or empty.
std::string default_server_url();

}  // namespace examready::reports
