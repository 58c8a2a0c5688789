// The network check's measurement against the collector: one libcurl multi loop running
// the phases (connect, idle pings + UDP echo, download, upload + loaded pings), each bounded
// in time, the transfers as long as their rates need to settle, returning raw samples.
// network_analysis turns them into figures.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis/network_figures.h"

namespace examready::probe::net {

struct MeasurePlan {
  std::string server_url;  // collector base URL, http:// or https://
  std::string ca_file;     // extra CA bundle; TLS is always verified
  double connect_timeout_s = 1.5;
  // Each transfer stream's own connection: on a lossy link its SYN or SYN-ACK may be lost twice
  // (Linux sends the SYN again after 1 s, then 2 s later), and one stream that cannot connect
  // within 1.5 s failed the whole phase ("upload test failed: Timeout was reached", 2 % loss
  // each way under ASan, 7 Dec). The phase's own limit still bounds the phase.
  double stream_connect_timeout_s = 3.5;
  double idle_min_s = 1.5, idle_max_s = 2.2;  // idle pings: at least min_pings, within these
  int min_pings = 20;
  // Each transfer phase ends once its rate settled (core::net::throughput_settled), no
  // sooner than min_s and no later than max_s. Without the kernel's live counts (a platform
  // that has no TCP_INFO) it runs the fixed length: its rate cannot be watched as it goes.
  struct TransferPhase {
    double min_s, max_s, fixed_s;
  };
  TransferPhase download{2.0, 4.0, 3.0};
  TransferPhase upload{2.0, 4.0, 3.2};
  int streams = 4;
  double udp_packets_per_s = 600;  // ~900 packets in the idle phase: ±1 point at 2 % loss
  double ping_timeout_s = 1.0;
  double stall_s = 2.0;  // no byte and no answer for this long: the link stalled
  std::function<void(double)> progress;
};

using core::net::Samples;

struct MeasureResult {
  std::optional<Samples> samples;
  core::net::PhasePlan phases;  // as they ran
  std::string error;  // set when samples is nullopt
};

MeasureResult measure_network(const MeasurePlan& plan);

}  // namespace examready::probe::net
