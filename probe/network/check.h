// The `network` check on the machine examready runs on: latency, throughput, stability, loss
// and clock skew against the collector given by --server, plus the interface that carries
// the route to it (probe/network/: session, figures, rehearsal). Phones over adb:
// probe/android/network.cpp.
#pragma once

#include <chrono>

#include "probe/check.h"

namespace examready::probe {

Outcome run_network_check(CheckContext& ctx);
// The upload rehearsal's budget plus a margin when --rehearse-upload asks for one, else 0.
std::chrono::milliseconds network_deadline_extension(const ProbeOptions& options);

}  // namespace examready::probe
