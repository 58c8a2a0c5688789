// Prometheus metrics.
#include "server/metrics.h"

#include <fmt/format.h>

namespace examready::server {

void Metrics::record(const std::string& route, int status, double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{route, status}];
  Histogram& h = latency_[route];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++h.buckets[i];
  }
  ++h.count;
  h.sum += seconds;
}

std::string Metrics::render(std::int64_t stored_reports, const std::string& backend) const {
  std::string out;
  out += "# HELP examready_http_requests_total HTTP requests by route and status.\n";
  out += "# TYPE examready_http_requests_total counter\n";
  std::lock_guard lock(mutex_);
  for (const auto& [key, count] : requests_) {
    out += fmt::format("examready_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n",
                       key.first, key.second, count);
  }
  out += "# HELP examready_http_request_duration_seconds Request latency by route.\n";
  out += "# TYPE examready_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      out += fmt::format(
          "examready_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", route,
          kBuckets[i], h.buckets[i]);
    }
    out += fmt::format(
        "examready_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", route,
        h.count);
    out += fmt::format("examready_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", route,
                       h.sum);
    out += fmt::format("examready_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", route,
                       h.count);
  }
  out += "# HELP examready_stored_reports Reports in the database.\n";
  out += "# TYPE examready_stored_reports gauge\n";
  out += fmt::format("examready_stored_reports{{backend=\"{}\"}} {}\n", backend, stored_reports);
  return out;
}

}  // namespace examready::server
