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
#include "core/text.h"
#include "reports/ids.h"
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

struct PostResult {
  int status = 0;  // 0: no answer (`error` says why)
  std::string body;
  std::string error;
  std::chrono::seconds retry_after{0};
};

// One POST.
PostResult post_once(const std::string& url, const std::string& gz_body,
                     const std::string& report_id, const UploadOptions& options) {
  PostResult result;
  char error_buffer[CURL_ERROR_SIZE] = {};
  const CurlHandle curl =
      collector_handle(url, options.ca_file, options.attempt_timeout, error_buffer);
  if (!curl) {
    result.error = "curl_easy_init failed";
    return result;
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
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &result.body);
  const CURLcode rc = curl_easy_perform(h);
  if (rc != CURLE_OK) {
    result.error = transfer_error(rc, error_buffer);
    result.body.clear();
    return result;
  }
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  result.status = static_cast<int>(status);
  curl_off_t retry_after = 0;  // seconds (an HTTP date is converted by libcurl)
  if (curl_easy_getinfo(h, CURLINFO_RETRY_AFTER, &retry_after) == CURLE_OK && retry_after > 0) {
    result.retry_after = std::chrono::seconds(std::min<curl_off_t>(retry_after, 86400));
  }
  return result;
}

// A string field of the answer, whatever the answer holds there ("" unless a string):
// gateways answer with their own JSON shapes, {"error": {"code": 503, …}}. The text is the
// server's, and a hostile one's reaches the terminal and the queue's log: cut to 300 bytes on
// a whole character, control characters (escape sequences) and broken UTF-8 replaced.
std::string string_field(const nlohmann::json& answer, const char* name) {
  if (!answer.is_object()) return "";
  const auto it = answer.find(name);
  if (it == answer.end() || !it->is_string()) return "";
  return core::text::cut_utf8(core::text::printable(it->get<std::string>()), 300);
}

// Worth another attempt in this run: the collector (or its network) may be back in seconds.
bool worth_retrying(int status) {
  return status == 0 || status == 408 || status == 429 || status == 500 || status == 502 ||
         status == 503 || status == 504;
}

// Reads one answer into `outcome`; true when it settles this run (another attempt in a few
// seconds could not do better).
bool classify(const PostResult& post, const std::string& expected_code, UploadOutcome& outcome) {
  const int status = post.status;
  outcome.http_status = status;
  const auto answer = nlohmann::json::parse(post.body, nullptr, false);
  outcome.code = string_field(answer, "code");
  outcome.verdict = string_field(answer, "verdict");
  const std::string error = string_field(answer, "error");
  // The collector names the report's code in every answer about it; a captive portal's 200
  // page or a proxy's 409 does not, and must not take the report out of the queue.
  const bool about_this_report = outcome.code == expected_code;
  const bool collector_refusal =
      !error.empty() && (status == 400 || status == 403 || status == 413);
  if (status == 201 && about_this_report) {
    outcome.status = UploadStatus::kStored;
  } else if (status == 200 && about_this_report) {
    outcome.status = UploadStatus::kReplayed;
  } else if (status == 409 && about_this_report && !error.empty()) {
    outcome.status = UploadStatus::kConflict;
    outcome.message = error;
  } else if (collector_refusal) {
    outcome.status = UploadStatus::kRejected;
    outcome.message = error;
  } else {
    outcome.status = UploadStatus::kFailed;
    if (status == 0) {
      outcome.message = post.error;
    } else if (!error.empty()) {
      outcome.message = "HTTP " + std::to_string(status) + ": " + error;
    } else {
      outcome.message = "HTTP " + std::to_string(status) +
                        " that is not the collector's answer (wrong --server URL, or a captive "
                        "portal or proxy in the way?)";
    }
    const bool collector_busy = !error.empty() && (status == 429 || status == 503);
    outcome.server_unavailable =
        status == 0 || status == 408 || collector_busy || (error.empty() && outcome.code.empty());
    return !worth_retrying(status);
  }
  return true;
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
  const std::string expected_code = short_code(report_id);
  const std::string body = gzip_compress(report_json);
  std::mt19937_64 random(core::random_word());
  const int attempts = std::clamp(options.max_attempts, 1, 20);
  for (int attempt = 1; attempt <= attempts; ++attempt) {
    outcome = UploadOutcome{};
    outcome.attempts = attempt;
    const PostResult post = post_once(url, body, report_id, options);
    if (classify(post, expected_code, outcome) || attempt == attempts) break;
    // Jittered (half to all of the ceiling): probes cut off by one outage do not return in step.
    const auto ceiling = std::min<std::int64_t>(options.max_backoff.count(),
                                                options.initial_backoff.count() << (attempt - 1));
    std::chrono::milliseconds sleep{std::uniform_int_distribution<std::int64_t>(
        ceiling / 2, std::max<std::int64_t>(ceiling, 1))(random)};
    if (post.retry_after > options.max_retry_after) {
      outcome.message +=
          " (the collector asks to wait " + std::to_string(post.retry_after.count()) + " s)";
      break;
    }
    sleep = std::max<std::chrono::milliseconds>(sleep, post.retry_after);
    if (options.on_retry) options.on_retry(attempt, sleep, outcome.message);
    std::this_thread::sleep_for(sleep);
  }
  return outcome;
}

}  // namespace examready::reports
