// The collector's network-measurement endpoints (/v1/probe/*), as routes of its HTTP front.
#pragma once

#include <chrono>
#include <cstdint>

#include "server/http/router.h"

namespace examready::server {

struct ProbeEndpointOptions {
  std::uint64_t max_download_bytes = 512ull << 20;  // per request
  std::uint64_t max_upload_bytes = 1ull << 30;      // per request; reading stops beyond it
  std::chrono::seconds upload_deadline{60};         // one upload request, start to end
  std::chrono::milliseconds bin_width{50};          // upload arrival series resolution
  std::chrono::seconds max_series{30};              // binned span per session
  std::size_t max_sessions = 4096;                  // upload sessions, all clients
  std::size_t max_sessions_per_client = 64;
  std::chrono::seconds session_ttl{120};
  std::uint64_t max_rehearsal_bytes = 4ull << 30;      // per rehearsal: a large exam video
  std::uint64_t rehearsal_chunk_bytes = 8ull << 20;    // advised to clients; larger PUTs: 413
  std::chrono::seconds rehearsal_chunk_deadline{300};  // one chunk (8 MiB at 0.25 Mbit/s)
  std::size_t max_rehearsals = 256;
  std::size_t max_rehearsals_per_client = 16;
  std::chrono::seconds rehearsal_ttl{600};  // idle rehearsals are forgotten
  std::uint16_t udp_echo_port = 0;          // advertised to clients in ping responses when nonzero
};

// GET  /v1/probe/ping            empty body; headers X-Examready-Server-Time-Us (unix µs) and
//                                X-Examready-Udp-Echo (port). Header-only, so one write.
// GET  /v1/probe/download?bytes=N  N (capped) bytes of incompressible data, streamed.
// POST /v1/probe/upload?session=S  counts the body as it arrives, stores none of it; answers
//                                {"bytes","duration_ms"} and bins arrivals into session S
//                                (opened by the first upload naming it, owned by its address).
// GET  /v1/probe/session?id=S    the session's arrival series {"bin_ms","bins","total_bytes"}.
// POST /v1/probe/rehearsal?bytes=N  starts an upload rehearsal of N bytes (1..4 GiB):
//                                {"id","chunk_bytes","expected_bytes"}.
// PUT  /v1/probe/rehearsal/{id}?offset=O  a chunk (Content-Length required, ≤ chunk_bytes)
//                                at O, which must equal the bytes received so far (else 409
//                                with the status). Counted and discarded; answers the status.
// GET  /v1/probe/rehearsal/{id}  {"received_bytes","expected_bytes","done"}: where to resume.
// All run on the network threads (they never block). Full session tables answer 503, a
// client at its own cap 429; nothing a stranger sends ends another client's session.
void add_probe_routes(http::Router& router, const ProbeEndpointOptions& options = {});

}  // namespace examready::server
