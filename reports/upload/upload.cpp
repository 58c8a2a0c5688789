// The uploader (libcurl).
#include "reports/upload/upload.h"

#include <curl/curl.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <stdexcept>
#include <thread>

#include "core/entropy.h"
#include "reports/upload/collector_http.h"

namespace examready::reports {
namespace {

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* out) {
  auto* body = static_cast<std::string*>(out);
  // The answer is a small JSON object; refuse to buffer anything large.
  if (body->size() + size * count > (64u << 10)) return 0;
  body->append(data, size * count);
  return size * count;
}

// One POST. Returns the HTTP status, or 0 with `error` set when no answer arrived.
int post_once(const std::string& url, const std::string& gz_body, const std::string& report_id,
              const UploadOptions& options, std::string& response, std::string& error) {
  char error_buffer[CURL_ERROR_SIZE] = {};
  const CurlHandle curl =
      collector_handle(url, options.ca_file, options.attempt_timeout, error_buffer);
  if (!curl) {
    error = "curl_easy_init failed";
    return 0;
  }
  curl_slist* headers = nullptr;
  headers = curl_slist_append(headers, "Content-Type: application/json");
  headers = curl_slist_append(headers, "Content-Encoding: gzip");
  headers = curl_slist_append(headers, ("Idempotency-Key: " + report_id).c_str());
  headers = curl_slist_append(headers, "Expect:");
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> header_guard(headers,
                                                                           curl_slist_free_all);
  CURL* h = curl.get();
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, gz_body.data());
  curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(gz_body.size()));
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, append_body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &response);
  const CURLcode rc = curl_easy_perform(h);
  if (rc != CURLE_OK) {
    error = transfer_error(rc, error_buffer);
    return 0;
  }
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  return static_cast<int>(status);
}

bool is_transient(int status) {
  return status == 0 || status == 408 || status == 429 || status >= 500;
}

}  // namespace

std::string default_server_url() {
  const char* env = std::getenv("EXAMREADY_SERVER");
  return env ? env : "";
}

UploadOutcome upload_report(const std::string& report_json, const std::string& report_id,
                            const UploadOptions& options) {
  UploadOutcome outcome;
  std::string url = options.server_url;
  while (!url.empty() && url.back() == '/') url.pop_back();
  url += "/v1/reports";
  const std::string body = gzip_compress(report_json);
  std::mt19937_64 random(core::random_word());
  const int attempts = std::clamp(options.max_attempts, 1, 20);
  for (int attempt = 1; attempt <= attempts; ++attempt) {
    outcome.attempts = attempt;
    std::string response, error;
    const int status = post_once(url, body, report_id, options, response, error);
    outcome.http_status = status;
    const auto answer = nlohmann::json::parse(response, nullptr, false);
    if (answer.is_object()) {
      outcome.code = answer.value("code", "");
      outcome.verdict = answer.value("verdict", "");
      outcome.message = answer.value("error", "");
    }
    if (status == 201) {
      outcome.status = UploadStatus::kStored;
      return outcome;
    }
    if (status == 200) {
      outcome.status = UploadStatus::kReplayed;
      return outcome;
    }
    if (status == 409) {
      outcome.status = UploadStatus::kConflict;
      return outcome;
    }
    if (!is_transient(status)) {
      outcome.status = UploadStatus::kRejected;
      if (outcome.message.empty()) outcome.message = "HTTP " + std::to_string(status);
      return outcome;
    }
    outcome.status = UploadStatus::kFailed;
    outcome.message = status == 0 ? error : "HTTP " + std::to_string(status);
    if (attempt == attempts) break;
    // Jittered (half to all of the ceiling): probes cut off by one outage do not return in step.
    const auto ceiling = std::min<std::int64_t>(options.max_backoff.count(),
                                                options.initial_backoff.count() << (attempt - 1));
    const std::chrono::milliseconds sleep{std::uniform_int_distribution<std::int64_t>(
        ceiling / 2, std::max<std::int64_t>(ceiling, 1))(random)};
    if (options.on_retry) options.on_retry(attempt, sleep, outcome.message);
    std::this_thread::sleep_for(sleep);
  }
  return outcome;
}

}  // namespace examready::reports
