// The front without sockets: raw request bytes in, the response bytes out, through the same
// parser limits and Exchange rules as a network connection. Handlers run on the calling
// thread. For tests and the fuzz target (tests/fuzz/fuzz_server_request.cpp).
#pragma once

#include <string>
#include <string_view>

#include "server/http/limits.h"
#include "server/http/router.h"

namespace examready::server::http {

// Serves up to `max_requests` requests found one after the other in `input` (a kept-alive
// connection), stopping where the connection would close. Streamed response bodies are cut
// after 1 MiB (a measurement download asks for 512 MiB).
std::string handle_raw(const Router& router, const ServerLimits& limits, std::string_view input,
                       const std::string& peer = "127.0.0.1", int max_requests = 8);

}  // namespace examready::server::http
