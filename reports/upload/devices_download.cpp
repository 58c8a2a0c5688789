// The device database download (devices_download.h).
#include "reports/upload/devices_download.h"

#include <fmt/format.h>

#include <stdexcept>

#include "core/text.h"
#include "reports/upload/collector_http.h"
#include "rules/devices/device_db.h"

namespace examready::reports {
namespace {

struct BoundedBody {
  std::string bytes;
  bool too_large = false;
};

std::size_t append_bounded(char* data, std::size_t size, std::size_t count, void* out) {
  auto* body = static_cast<BoundedBody*>(out);
  if (body->bytes.size() + size * count > devices::kMaxDatabaseBytes) {
    body->too_large = true;
    return 0;  // aborts the transfer
  }
  body->bytes.append(data, size * count);
  return size * count;
}

// Keeps the X-ExamReady-Devices-Version header's value.
std::size_t read_header(char* data, std::size_t size, std::size_t count, void* out) {
  const std::string_view line(data, size * count);
  constexpr std::string_view kName = "x-examready-devices-version:";
  if (line.size() > kName.size() && core::text::lower(line.substr(0, kName.size())) == kName) {
    std::string value(line.substr(kName.size()));
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.pop_back();
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    *static_cast<std::string*>(out) = value;
  }
  return size * count;
}

DevicesDownload failed(std::string message) {
  DevicesDownload result;
  result.message = std::move(message);
  return result;
}

}  // namespace

DevicesDownload download_devices(const std::string& server_url, const std::string& ca_file,
                                 const std::string& have_hash, std::chrono::seconds timeout) {
  std::string url = server_url;
  while (!url.empty() && url.back() == '/') url.pop_back();
  url += "/v1/devices";
  char error_buffer[CURL_ERROR_SIZE] = {};
  const CurlHandle curl = collector_handle(url, ca_file, timeout, error_buffer);
  if (!curl) return failed("curl_easy_init failed");
  curl_slist* headers = nullptr;
  if (!have_hash.empty()) {
    headers = curl_slist_append(headers, ("If-None-Match: \"" + have_hash + "\"").c_str());
  }
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> header_guard(headers,
                                                                           curl_slist_free_all);
  BoundedBody body;
  std::string announced;
  CURL* h = curl.get();
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");  // what libcurl can decode (gzip)
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, append_bounded);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, read_header);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &announced);
  const CURLcode rc = curl_easy_perform(h);
  if (body.too_large) {
    return failed(fmt::format("{}: larger than {} MiB", url, devices::kMaxDatabaseBytes >> 20));
  }
  if (rc != CURLE_OK) return failed(url + ": " + transfer_error(rc, error_buffer));
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  DevicesDownload result;
  result.version = announced;
  if (status == 304) {
    result.status = DevicesDownload::Status::kUnchanged;
    return result;
  }
  if (status != 200) return failed(fmt::format("{}: HTTP {}", url, status));
  try {
    result.database =
        std::make_shared<const devices::DeviceDb>(devices::DeviceDb::parse(body.bytes));
  } catch (const std::invalid_argument& e) {
    return failed(url + ": not a device database: " + e.what());
  }
  if (result.database->version() != announced) {
    return failed(fmt::format("{}: the database arrived as \"{}\", the server announced \"{}\"",
                              url, result.database->version(), announced));
  }
  result.status = DevicesDownload::Status::kUpdated;
  result.text = std::move(body.bytes);
  return result;
}

}  // namespace examready::reports
