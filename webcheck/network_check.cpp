// The web check's network check: the page's fetch() samples against /v1/probe/* turned into
// the same figures as the native check (core/analysis/network_figures).
//
// The page sends {"status", "http_version" ("1.1", "2", "3"), "dns_ms", "connect_ms",
// "tls_ms" (resource timing of the first ping; absent when the connection was reused),
// "idle_rtts_ms": [...], "idle_lost", "loaded_rtts_ms": [...], "loaded_lost", "rtt_timing"
// ("resource-timing": request sent to first byte; "fetch": timed around fetch(); "mixed"),
// "clock_skew_ms", "bin_s", "download_bins": [bytes read per bin], "download_outran",
// "upload_bin_s", "upload_bins": [the server's arrival series], "upload_outran",
// "download_reads": [[t_ms, bytes, t_ms, bytes, ...] per stream] (each read of the download's
// fetch() streams; preferred to "download_bins", which counts bytes at the read),
// "upload_complete_bins" (how much of the arrival series every stream is in),
// "download_s", "upload_s" (each phase's length), "download_end", "upload_end" ("settled":
// the page stopped once the core's throughput_settled said so; "limit": at its longest;
// absent: a fixed length), "streams"}.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/analysis/network_figures.h"
#include "core/analysis/read_spreading.h"
#include "webcheck/check_outcome.h"
#include "webcheck/web_checks.h"

namespace examready::webcheck {
namespace {

// Series longer than the check could have run are refused rather than analysed: 60 s of 10 ms
// bins is far beyond any phase.
constexpr std::size_t kMaxSeries = 6000;

std::vector<double> numbers(const nlohmann::json& in, const char* key) {
  std::vector<double> out;
  const auto it = in.find(key);
  if (it == in.end() || !it->is_array()) return out;
  for (const auto& v : *it) {
    if (out.size() == kMaxSeries) break;
    if (v.is_number() && v.get<double>() >= 0 && v.get<double>() < 1e12)
      out.push_back(v.get<double>());
  }
  return out;
}

std::vector<std::uint64_t> byte_bins(const nlohmann::json& in, const char* key) {
  std::vector<std::uint64_t> out;
  for (double v : numbers(in, key)) out.push_back(static_cast<std::uint64_t>(v));
  return out;
}

// The download's reads, stream by stream (at most kMaxReadStreams), as flat
// [t_ms, bytes, ...] pairs; anything but a number voids its pair.
std::vector<std::vector<core::net::Read>> stream_reads(const nlohmann::json& in, const char* key) {
  std::vector<std::vector<core::net::Read>> out;
  const auto it = in.find(key);
  if (it == in.end() || !it->is_array()) return out;
  for (const auto& stream : *it) {
    if (out.size() == core::net::kMaxReadStreams || !stream.is_array()) break;
    constexpr std::size_t kMaxValues = 2 * core::net::kMaxReadsPerStream;
    std::vector<double> flat;
    flat.reserve(std::min(stream.size(), kMaxValues));
    for (const auto& v : stream) {
      if (flat.size() == kMaxValues) break;
      flat.push_back(v.is_number() ? v.get<double>() : std::nan(""));
    }
    out.push_back(core::net::reads_from_pairs(flat));
  }
  return out;
}

double bin_seconds(const nlohmann::json& in, const char* key) {
  const double v = number_field(in, key).value_or(0.05);
  return std::clamp(v, 0.01, 1.0);
}

// How the page ended a transfer phase; anything else is a fixed-length phase.
core::net::PhaseEnd phase_end(const nlohmann::json& in, const char* key) {
  const std::string end = text_field(in, key);
  if (end == "settled") return core::net::PhaseEnd::kSettled;
  if (end == "limit") return core::net::PhaseEnd::kLimit;
  return core::net::PhaseEnd::kFixed;
}

std::size_t count(const nlohmann::json& in, const char* key) {
  return static_cast<std::size_t>(whole_field(in, key, 999'999).value_or(0));
}

}  // namespace

core::CheckResult network_check(const nlohmann::json& in) {
  if (auto refused = refused_outcome("network", in)) return *refused;
  core::net::Samples s;
  s.http_version = text_field(in, "http_version");
  if (s.http_version.empty()) s.http_version = "1.1";
  s.timing_source = "resource timing";
  // The page times pings with resource timing where the browser keeps the entry, else
  // around fetch(), which adds the browser's own cost per request.
  const std::string timing = text_field(in, "rtt_timing");
  s.rtt_timing = timing == "resource-timing" ? "request sent to first byte, resource timing"
                 : timing == "mixed"
                     ? "request sent to first byte, resource timing (some pings timed around "
                       "fetch(), where the browser kept no entry)"
                     : "fetch() call to its answer, the browser's own time included";
  s.dns_ms = number_field(in, "dns_ms").value_or(0);
  s.connect_ms = number_field(in, "connect_ms").value_or(0);
  s.tls_ms = number_field(in, "tls_ms");
  s.idle_rtts_ms = numbers(in, "idle_rtts_ms");
  s.idle_lost = count(in, "idle_lost");
  s.loaded_rtts_ms = numbers(in, "loaded_rtts_ms");
  s.loaded_lost = count(in, "loaded_lost");
  s.clock_skew_ms = number_field(in, "clock_skew_ms");
  s.bin_s = bin_seconds(in, "bin_s");
  if (const auto reads = stream_reads(in, "download_reads"); !reads.empty()) {
    s.download_bins = core::net::bins_from_reads(reads, s.bin_s, kMaxSeries);
    s.download_source = "bytes read from fetch() streams, spread over each stream's reads";
  } else {
    s.download_bins = byte_bins(in, "download_bins");
    s.download_source = "bytes read from fetch() streams";
  }
  s.download_outran = bool_field(in, "download_outran").value_or(false);
  s.upload_bin_s = bin_seconds(in, "upload_bin_s");
  s.upload_bins = byte_bins(in, "upload_bins");
  if (const auto complete = whole_field(in, "upload_complete_bins", kMaxSeries)) {
    s.upload_bins.resize(std::min(s.upload_bins.size(), static_cast<std::size_t>(*complete)));
  }
  s.upload_outran = bool_field(in, "upload_outran").value_or(false);
  s.server_ip = "the collector";
  core::net::PhasePlan plan;
  plan.download_s = std::clamp(number_field(in, "download_s").value_or(plan.download_s), 0.5, 30.0);
  plan.upload_s = std::clamp(number_field(in, "upload_s").value_or(plan.upload_s), 0.5, 30.0);
  plan.download_end = phase_end(in, "download_end");
  plan.upload_end = phase_end(in, "upload_end");
  plan.streams = static_cast<int>(std::clamp(number_field(in, "streams").value_or(4), 1.0, 16.0));
  if (s.idle_rtts_ms.empty()) {
    return not_measured("network", core::CheckStatus::kError,
                        "the collector did not answer a single ping");
  }
  core::MeasurementList out;
  const std::string warnings = core::net::emit_network_figures(out, s, plan);
  std::string message;
  for (const auto& [metric, label] : {std::pair{core::MetricId::kNetworkDownloadBps, "down"},
                                      std::pair{core::MetricId::kNetworkUploadBps, "up"}}) {
    for (const auto& m : out.items()) {
      if (m.metric == metric)
        message += fmt::format("{}{} {:.1f} Mbit/s", message.empty() ? "" : ", ", label,
                               std::get<double>(m.value) / 1e6);
    }
  }
  // A browser cannot send UDP: packet loss is not measured here (the rules say unknown).
  if (!warnings.empty()) message += (message.empty() ? "" : "; ") + warnings;
  return ok_result("network", out, message);
}

}  // namespace examready::webcheck
