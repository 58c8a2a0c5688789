// The network check's raw samples turned into catalogued metrics with their sources: shared
// by the native check (probe/network, libcurl) and the web check (the browser's fetch), so
// both judge a link by the same figures, and testable without a network.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis/network_analysis.h"
#include "core/measurement_list.h"

namespace examready::core::net {

// What one measurement against the collector's /v1/probe endpoints collected.
struct Samples {
  std::string server_ip;
  std::string http_version;                   // "1.1" or "2"
  std::string timing_source = "curl timing";  // the browser's: "resource timing"
  // How a ping's RTT was timed (named in the latency figures' sources).
  std::string rtt_timing = "request sent to first byte, curl";
  double dns_ms = 0, connect_ms = 0;
  std::optional<double> tls_ms;
  std::vector<double> idle_rtts_ms;
  std::size_t idle_lost = 0;
  std::vector<double> loaded_rtts_ms;
  std::size_t loaded_lost = 0;
  std::optional<double> clock_skew_ms;  // local minus server, from the lowest-RTT ping
  double bin_s = 0.05;
  std::vector<std::uint64_t> download_bins;  // bytes per bin, counted on arrival here
  std::string download_source = "bytes read";
  std::vector<std::uint64_t> upload_bins;  // bytes per bin, counted on arrival at the server
  double upload_bin_s = 0.05;
  std::optional<EchoCounts> echo;  // nullopt: the server offers no UDP echo or none came back
  std::uint64_t upload_segs_out = 0, upload_retrans = 0;  // TCP_INFO, fallback loss estimate
  // The whole capped volume moved before the phase ended: the link outran the test
  // (a collector on the LAN or loopback), so the series may be shorter than a steady window.
  bool download_outran = false, upload_outran = false;
};

// How a transfer phase came to its end: after a length fixed in advance (the web check) or
// when the streams had moved their whole volume, which says nothing of the rate's stability;
// once its rate settled (throughput_settled); or at its time limit with the rate still
// changing: a figure to take with less confidence.
enum class PhaseEnd { kFixed, kSettled, kLimit };

// The phases as they ran: their lengths, how each ended, and the parallel streams.
struct PhasePlan {
  double download_s = 3.0;
  double upload_s = 3.2;
  int streams = 4;
  PhaseEnd download_end = PhaseEnd::kFixed;
  PhaseEnd upload_end = PhaseEnd::kFixed;
};

// Emits every figure the samples support; returns the outcome's warnings ("" when none).
std::string emit_network_figures(MeasurementList& out, const Samples& samples,
                                 const PhasePlan& plan);

}  // namespace examready::core::net
