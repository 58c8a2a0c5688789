// libcurl handles owned by unique_ptr, for the network check and the upload rehearsal.
#pragma once

#include <curl/curl.h>

#include <memory>

namespace examready::probe::net {

struct CurlEasyDeleter {
  void operator()(CURL* easy) const { curl_easy_cleanup(easy); }
};
using CurlEasy = std::unique_ptr<CURL, CurlEasyDeleter>;

struct CurlHeadersDeleter {
  void operator()(curl_slist* headers) const { curl_slist_free_all(headers); }
};
using CurlHeaders = std::unique_ptr<curl_slist, CurlHeadersDeleter>;

}  // namespace examready::probe::net
