// The collector's network-measurement endpoints (/v1/probe/*), registered on its httplib server.
#pragma once

#include <chrono>
#include <cstdint>

namespace httplib {
class Server;
}

namespace examready::server {

struct ProbeEndpointOptions {
  std::uint64_t max_download_bytes = 512ull << 20;  // per request
  std::uint64_t max_upload_bytes = 1ull << 30;      // per request; reading stops beyond it
  std::chrono::milliseconds bin_width{50};          // upload arrival series resolution
  std::chrono::seconds max_series{30};              // binned span per session
  std::size_t max_sessions = 256;
  std::chrono::seconds session_ttl{120};
  std::uint64_t max_rehearsal_bytes = 4ull << 30;    // per rehearsal: a large exam video
  std::uint64_t rehearsal_chunk_bytes = 8ull << 20;  // advised to clients
  std::size_t max_rehearsals = 32;
  std::chrono::seconds rehearsal_ttl{600};  // idle rehearsals are forgotten
  std::uint16_t udp_echo_port = 0;  // advertised to clients in ping responses when nonzero
};

// GET  /v1/probe/ping            empty body; headers X-Examready-Server-Time-Us (unix µs) and
//                                X-Examready-Udp-Echo (port). Header-only, so one write.
// GET  /v1/probe/download?bytes=N  N (capped) bytes of incompressible data.
// POST /v1/probe/upload?session=S  discards the body; answers {"bytes","duration_ms"} and
//                                bins arrivals into session S.
// GET  /v1/probe/session?id=S    the session's arrival series {"bin_ms","bins","total_bytes"}.
// POST /v1/probe/rehearsal?bytes=N  starts an upload rehearsal of N bytes (1..4 GiB):
//                                {"id","chunk_bytes","expected_bytes"}.
// PUT  /v1/probe/rehearsal/{id}?offset=O  a chunk (Content-Length required, ≤ chunk_bytes)
//                                at O, which must equal the bytes received so far (else 409
//                                with the status). Counted and discarded; answers the status.
// GET  /v1/probe/rehearsal/{id}  {"received_bytes","expected_bytes","done"}: where to resume.
//
// Also switches the server to TCP_NODELAY: without it Nagle plus delayed ACKs add
// ~100 ms to RTTs measured under load. What the server owner must provide: a thread pool
// that holds the parallel streams of several clients (the network check keeps 6 connections
// open: 32+ threads), keep-alive for at least ~60 requests per connection (the pings must
// stay on one warm connection; httplib's default closes after 5) and a payload limit that
// admits the upload's 1 GiB Content-Length (reading stops at max_upload_bytes).
void register_probe_endpoints(httplib::Server& server, const ProbeEndpointOptions& options = {});

}  // namespace examready::server
