// The collector's libcurl handles (collector_http.h).
#include "reports/upload/collector_http.h"

namespace examready::reports {
namespace {

struct CurlGlobal {
  CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
};

}  // namespace

CurlHandle collector_handle(const std::string& url, const std::string& ca_file,
                            std::chrono::seconds timeout, char* error_buffer) {
  static CurlGlobal global;
  CurlHandle curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return curl;
  CURL* h = curl.get();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, static_cast<long>(timeout.count()));
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_USERAGENT, "examready/" EXAMREADY_VERSION);
  // Verification stays on (libcurl's default, set explicitly so no environment turns it off).
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, ca_file.c_str());
  return curl;
}

std::string transfer_error(CURLcode rc, const char* error_buffer) {
  return error_buffer[0] ? error_buffer : curl_easy_strerror(rc);
}

}  // namespace examready::reports
