// The network check's measurement against the collector: one libcurl multi loop running
// the phases (connect, idle pings + UDP echo, download, upload + loaded pings) on a fixed
// time budget, returning raw samples. network_analysis turns them into figures.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis/network_analysis.h"

namespace examready::probe::net {

struct MeasurePlan {
  std::string server_url;  // collector base URL, http:// or https://
  std::string ca_file;     // extra CA bundle; TLS is always verified
  double connect_timeout_s = 1.5;
  double idle_min_s = 1.5, idle_max_s = 2.2;  // idle pings: at least min_pings, within these
  int min_pings = 20;
  double download_s = 3.0;
  double upload_s = 3.2;
  int streams = 4;
  double udp_packets_per_s = 600;  // ~900 packets in the idle phase: ±1 point at 2 % loss
  double ping_timeout_s = 1.0;
  double stall_s = 2.0;  // no byte and no answer for this long: the link stalled
  std::function<void(double)> progress;
};

struct Samples {
  std::string server_ip;
  std::string http_version;  // "1.1" or "2"
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
  std::optional<core::net::EchoCounts> echo;  // nullopt: the server offers no UDP echo or none came back
  std::uint64_t upload_segs_out = 0, upload_retrans = 0;  // TCP_INFO, fallback loss estimate
  // The whole capped volume moved before the phase ended: the link outran the test
  // (a collector on the LAN or loopback), so the series may be shorter than a steady window.
  bool download_outran = false, upload_outran = false;
};

struct MeasureResult {
  std::optional<Samples> samples;
  std::string error;  // set when samples is nullopt
};

MeasureResult measure_network(const MeasurePlan& plan);

}  // namespace examready::probe::net
