// The upload rehearsal: chunks PUT at the server's offset; after a broken connection or a
// timeout, ask the server where it stands and continue from there on a fresh connection.
#include "probe/network/rehearsal.h"

#include <fmt/format.h>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>
#include <vector>

#include "probe/network/curl_handles.h"
#include "protocol/measure_endpoints.h"
#include "protocol/random_payload.h"

namespace examready::probe::net {
namespace {

using Clock = std::chrono::steady_clock;

struct Chunk {
  std::uint64_t position = 0;  // file offset of the next byte to send
  std::uint64_t end = 0;
};

size_t on_read(char* out, size_t size, size_t n, void* user) {
  auto& c = *static_cast<Chunk*>(user);
  // Addressed by file offset: a resumed chunk sends exactly the bytes the first one would have.
  const std::string_view bytes = protocol::random_payload_at(
      c.position, static_cast<std::size_t>(std::min<std::uint64_t>(size * n, c.end - c.position)));
  std::memcpy(out, bytes.data(), bytes.size());
  c.position += bytes.size();
  return bytes.size();
}

size_t on_write(char* data, size_t size, size_t n, void* user) {
  auto& body = *static_cast<std::string*>(user);
  if (body.size() < 65536) body.append(data, size * n);
  return size * n;
}

struct Reply {
  CURLcode code = CURLE_OK;
  long status = 0;
  nlohmann::json json;  // null unless the body parsed
};

class Client {
 public:
  Client(const RehearsalPlan& plan, Clock::time_point deadline)
      : plan_(plan), deadline_(deadline), base_(plan.server_url) {
    while (!base_.empty() && base_.back() == '/') base_.pop_back();
    base_ += protocol::kRehearsalPath;
  }

  // A broken transfer leaves a connection nobody should trust: the next request opens anew.
  void drop_connection() { easy_.reset(); }

  Reply request(const std::string& method, const std::string& url, Chunk* chunk) {
    if (!easy_) easy_.reset(curl_easy_init());
    CURL* e = easy_.get();
    curl_easy_reset(e);
    std::string body;
    curl_easy_setopt(e, CURLOPT_URL, url.c_str());
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, 5000L);
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now());
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS,
                     static_cast<long>(std::max<long long>(1, left.count())));
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, plan_.stall_s);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_write);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, &body);
    if (!plan_.ca_file.empty()) curl_easy_setopt(e, CURLOPT_CAINFO, plan_.ca_file.c_str());
    // No 100-continue round trip.
    const CurlHeaders headers(curl_slist_append(nullptr, "Expect:"));
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, headers.get());
    if (method == "POST") {
      curl_easy_setopt(e, CURLOPT_POST, 1L);
      curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE, 0L);
    } else if (method == "PUT" && chunk) {
      curl_easy_setopt(e, CURLOPT_UPLOAD, 1L);
      curl_easy_setopt(e, CURLOPT_READFUNCTION, on_read);
      curl_easy_setopt(e, CURLOPT_READDATA, chunk);
      curl_easy_setopt(e, CURLOPT_INFILESIZE_LARGE,
                       static_cast<curl_off_t>(chunk->end - chunk->position));
    }
    Reply reply;
    reply.code = curl_easy_perform(e);
    if (reply.code != CURLE_OK) {
      drop_connection();
      return reply;
    }
    curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &reply.status);
    reply.json = nlohmann::json::parse(body, nullptr, false);
    if (reply.json.is_discarded()) reply.json = nullptr;
    return reply;
  }

  const std::string& base() const { return base_; }

 private:
  const RehearsalPlan& plan_;
  Clock::time_point deadline_;
  std::string base_;
  CurlEasy easy_;
};

std::optional<std::uint64_t> received_of(const Reply& r) {
  if (!r.json.is_object() || !r.json.contains("received_bytes")) return std::nullopt;
  const auto& v = r.json["received_bytes"];
  if (!v.is_number_unsigned()) return std::nullopt;
  return v.get<std::uint64_t>();
}

std::string describe(const Reply& r) {
  if (r.code != CURLE_OK) return curl_easy_strerror(r.code);
  if (r.json.is_object() && r.json.contains("error") && r.json["error"].is_string()) {
    return fmt::format("HTTP {}: {}", r.status, r.json["error"].get<std::string>());
  }
  return fmt::format("HTTP {}", r.status);
}

}  // namespace

std::optional<std::uint64_t> parse_size(std::string_view text) {
  std::size_t digits = 0;
  while (digits < text.size() &&
         ((text[digits] >= '0' && text[digits] <= '9') || text[digits] == '.'))
    ++digits;
  const std::string_view number = text.substr(0, digits);
  const std::string_view unit = text.substr(digits);
  if (number.empty() || number.front() == '.' || number.back() == '.' ||
      std::count(number.begin(), number.end(), '.') > 1) {
    return std::nullopt;
  }
  static constexpr std::pair<std::string_view, double> kUnits[] = {
      {"", 1},     {"B", 1},        {"KB", 1e3},        {"MB", 1e6},
      {"GB", 1e9}, {"KiB", 1024.0}, {"MiB", 1048576.0}, {"GiB", 1073741824.0}};
  const auto* u = std::find_if(std::begin(kUnits), std::end(kUnits),
                               [&](const auto& e) { return e.first == unit; });
  if (u == std::end(kUnits)) return std::nullopt;
  const bool fractional = number.find('.') != std::string_view::npos;
  if (fractional && u->second == 1) return std::nullopt;  // no fractions of a byte
  double value = 0;
  const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (ec != std::errc{} || end != number.data() + number.size()) return std::nullopt;
  const double bytes = std::round(value * u->second);
  if (!(bytes >= 1) || bytes > static_cast<double>(kMaxRehearsalBytes)) return std::nullopt;
  return static_cast<std::uint64_t>(bytes);
}

std::chrono::milliseconds rehearsal_budget(std::uint64_t bytes) {
  const double seconds = 20.0 + static_cast<double>(bytes) * 8.0 / kRehearsalFloorBps;
  return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
}

namespace {

// Where the chunks go, as the collector set the rehearsal up.
struct Target {
  std::string url;
  std::uint64_t chunk_bytes = 0;
};

std::optional<Target> create_rehearsal(Client& client, const RehearsalPlan& plan,
                                       RehearsalResult& result) {
  const Reply created =
      client.request("POST", fmt::format("{}?bytes={}", client.base(), plan.bytes), nullptr);
  if (created.status != 201 || !created.json.is_object() || !created.json.contains("id")) {
    result.error = "the collector refused the rehearsal: " + describe(created);
    return std::nullopt;
  }
  return Target{client.base() + "/" + created.json.value("id", std::string{}),
                std::clamp<std::uint64_t>(created.json.value("chunk_bytes", std::uint64_t{8} << 20),
                                          std::uint64_t{64} << 10, std::uint64_t{64} << 20)};
}

// Sends chunks from the server's offset until done, out of time, refused or out of retries;
// returns the offset the server confirmed. `last_error` keeps the latest failure.
std::uint64_t send_chunks(Client& client, const Target& target, const RehearsalPlan& plan,
                          Clock::time_point deadline, RehearsalResult& result,
                          std::string& last_error) {
  std::uint64_t offset = 0;
  int failures = 0;
  while (offset < plan.bytes) {
    if (Clock::now() >= deadline) {
      result.error = "out of time";
      break;
    }
    Chunk chunk{offset, std::min(plan.bytes, offset + target.chunk_bytes)};
    const Reply put =
        client.request("PUT", fmt::format("{}?offset={}", target.url, offset), &chunk);
    // A refused chunk may leave its unread body on the connection: start the next one afresh.
    if (put.code == CURLE_OK && put.status != 200) client.drop_connection();
    const auto received = received_of(put);
    if (put.code == CURLE_OK && (put.status == 200 || put.status == 409) && received) {
      offset = *received;
      if (put.status == 200) {
        if (plan.progress) plan.progress(static_cast<double>(offset) / plan.bytes);
        continue;
      }
      last_error = "offset conflict";
    } else {
      last_error = describe(put);
      if (put.code == CURLE_OK && put.status >= 400 && put.status < 500 && put.status != 408) {
        result.error = "the collector rejected a chunk: " + last_error;
        break;
      }
    }
    // The chunk broke off: back off, ask the server where it stands, resume from there.
    if (++failures > plan.max_failures) {
      result.error =
          fmt::format("gave up after {} failed chunks (last: {})", failures - 1, last_error);
      break;
    }
    if (put.status != 409) ++result.resumes;
    const auto backoff = std::chrono::milliseconds(std::min(5000, 100 << std::min(failures, 6)));
    if (Clock::now() + backoff >= deadline) {
      result.error = "out of time";
      break;
    }
    std::this_thread::sleep_for(backoff);
    if (put.status == 409) continue;  // the 409 already told us the offset
    const Reply status = client.request("GET", target.url, nullptr);
    if (auto r = received_of(status); r && status.status == 200) {
      offset = *r;
    } else {
      last_error = "status: " + describe(status);
    }
  }
  return offset;
}

}  // namespace

RehearsalResult rehearse_upload(const RehearsalPlan& plan) {
  RehearsalResult result;
  const auto start = Clock::now();
  const auto deadline = start + plan.budget;
  Client client(plan, deadline);
  const auto target = create_rehearsal(client, plan, result);
  if (!target) return result;
  std::string last_error;
  const std::uint64_t offset = send_chunks(client, *target, plan, deadline, result, last_error);
  result.duration_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  result.bytes = offset;
  result.done = offset >= plan.bytes && result.error.empty();
  if (!result.done && result.error == "out of time") {
    result.error = fmt::format(
        "the rehearsal moved {:.1f} of {:.1f} MB in {:.0f} s and ran out of time (the budget "
        "assumes at least {:.0f} Mbit/s){}",
        offset / 1e6, plan.bytes / 1e6, result.duration_ms / 1000, kRehearsalFloorBps / 1e6,
        last_error.empty() ? "" : "; last failure: " + last_error);
  }
  return result;
}

}  // namespace examready::probe::net
