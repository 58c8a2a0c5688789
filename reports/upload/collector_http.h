// A libcurl handle set up the one way the probe talks to the collector: http or https only,
// TLS verified (an extra trust anchor allowed, never "insecure"), bounded connect and total
// time, no signals, the probe's user agent.
#pragma once

#include <curl/curl.h>

#include <chrono>
#include <memory>
#include <string>

namespace examready::reports {

using CurlHandle = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;

// A handle for `url`; null when libcurl cannot make one. `error_buffer` (CURL_ERROR_SIZE
// bytes) receives libcurl's message.
CurlHandle collector_handle(const std::string& url, const std::string& ca_file,
                            std::chrono::seconds timeout, char* error_buffer);

// libcurl's error text for a failed transfer.
std::string transfer_error(CURLcode rc, const char* error_buffer);

}  // namespace examready::reports
