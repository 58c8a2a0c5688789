// The network check's transfers: curl options and callbacks (transfer.h).
#include "probe/network/transfer.h"

#include <cstring>

#include "core/text.h"
#include "protocol/measure_endpoints.h"
#include "protocol/random_payload.h"

namespace examready::probe::net {
namespace {

void add_bytes(Stream& s, std::size_t n) {
  const auto now = Clock::now();
  *s.last_progress = now;
  if (!s.bins) return;
  const auto bin = static_cast<std::size_t>(
      std::chrono::duration<double>(now - s.phase_start).count() / s.bin_s);
  if (bin > 4000) return;
  if (s.bins->size() <= bin) s.bins->resize(bin + 1, 0);
  (*s.bins)[bin] += n;
}

size_t on_write_count(char*, size_t size, size_t n, void* user) {
  add_bytes(*static_cast<Stream*>(user), size * n);
  return size * n;
}

size_t on_write_keep(char* data, size_t size, size_t n, void* user) {
  auto& s = *static_cast<Stream*>(user);
  if (s.body.size() < (1u << 20)) s.body.append(data, size * n);
  *s.last_progress = Clock::now();
  return size * n;
}

size_t on_read_payload(char* out, size_t size, size_t n, void* user) {
  auto& s = *static_cast<Stream*>(user);
  const std::string_view bytes = protocol::random_payload_at(s.read_offset, size * n);
  std::memcpy(out, bytes.data(), bytes.size());
  s.read_offset += bytes.size();
  *s.last_progress = Clock::now();
  return bytes.size();
}

size_t on_header(char* data, size_t size, size_t n, void* user) {
  auto& s = *static_cast<Stream*>(user);
  const std::string line(data, size * n);
  const std::string lower = core::text::lower(line);
  auto value = [&](std::string_view name) -> std::optional<long long> {
    const std::string prefix = core::text::lower(name) + ":";
    if (lower.rfind(prefix, 0) != 0) return std::nullopt;
    return std::strtoll(line.c_str() + prefix.size(), nullptr, 10);
  };
  if (auto v = value(protocol::kServerTimeHeader)) s.server_time_us = *v;
  if (auto v = value(protocol::kUdpEchoHeader)) s.udp_port = static_cast<int>(*v);
  return size * n;
}

int on_upload_socket(void* user, curl_socket_t socket, curlsocktype) {
  static_cast<Stream*>(user)->socket = socket;
  platform::tune_upload_socket(socket);
  return CURL_SOCKOPT_OK;
}

int on_download_socket(void* user, curl_socket_t socket, curlsocktype) {
  static_cast<Stream*>(user)->socket = socket;
  platform::tune_download_socket(socket);
  return CURL_SOCKOPT_OK;
}

// A connection of its own: never the pings' warm one, and never reused by them.
void fresh_connection(CURL* e) {
  curl_easy_setopt(e, CURLOPT_FRESH_CONNECT, 1L);
  curl_easy_setopt(e, CURLOPT_FORBID_REUSE, 1L);
}

}  // namespace

std::unique_ptr<Stream> open_stream(const MeasurePlan& plan, std::string_view path,
                                    Clock::time_point* last_progress) {
  auto s = std::make_unique<Stream>();
  s->easy.reset(curl_easy_init());
  s->last_progress = last_progress;
  std::string url = plan.server_url;
  while (!url.empty() && url.back() == '/') url.pop_back();
  url += path;
  CURL* e = s->easy.get();
  curl_easy_setopt(e, CURLOPT_URL, url.c_str());
  curl_easy_setopt(e, CURLOPT_PRIVATE, s.get());
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, s->error);
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
  curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(plan.stream_connect_timeout_s * 1000));
  curl_easy_setopt(e, CURLOPT_USERAGENT, "examready-network/" EXAMREADY_VERSION);
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_write_keep);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, s.get());
  curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(e, CURLOPT_HEADERDATA, s.get());
  if (!plan.ca_file.empty()) curl_easy_setopt(e, CURLOPT_CAINFO, plan.ca_file.c_str());
  return s;
}

void count_download(Stream& s, std::vector<std::uint64_t>& bins, Clock::time_point start,
                    double bin_s) {
  s.bins = &bins;
  s.phase_start = start;
  s.bin_s = bin_s;
  CURL* e = s.easy.get();
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_write_count);
  curl_easy_setopt(e, CURLOPT_SOCKOPTFUNCTION, on_download_socket);
  curl_easy_setopt(e, CURLOPT_SOCKOPTDATA, &s);
  fresh_connection(e);
}

void send_upload(Stream& s, curl_slist* headers) {
  CURL* e = s.easy.get();
  curl_easy_setopt(e, CURLOPT_POST, 1L);
  curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(1) << 30);
  curl_easy_setopt(e, CURLOPT_READFUNCTION, on_read_payload);
  curl_easy_setopt(e, CURLOPT_READDATA, &s);
  curl_easy_setopt(e, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(e, CURLOPT_SOCKOPTFUNCTION, on_upload_socket);
  curl_easy_setopt(e, CURLOPT_SOCKOPTDATA, &s);
  fresh_connection(e);
}

}  // namespace examready::probe::net
