// The route table: which handler serves a method and path, where it runs, and what body it
// takes. The front (exchange.h) checks a request against its route before reading a byte
// of the body, so a route's limits are the only way a body gets into memory.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "server/http/message.h"

namespace examready::server::http {

// Where a handler runs. Inline: on the network threads, for handlers that never block
// (pings, counters, embedded pages). Worker: on the bounded worker pool (the database,
// validation, evaluation); a full queue is a 503, never an unbounded wait.
enum class Run { kInline, kWorker };

// What body a route accepts. max_bytes 0: none (any body is a 413).
struct BodyRules {
  std::uint64_t max_bytes = 0;               // on the wire (compressed), Content-Length or chunked
  std::uint64_t max_decoded_bytes = 0;       // after Content-Encoding; 0: encodings refused
  bool needs_length = false;                 // chunked bodies refused with 411
  std::vector<std::string> content_types{};  // accepted media types; empty: any
  // The whole body must arrive within this (from the end of the header): a client that
  // trickles a body holds a connection this long at most.
  std::chrono::seconds deadline{30};
};

// A consumer of a streamed body: bytes as they arrive, never stored by the front.
class BodySink {
 public:
  virtual ~BodySink() = default;
  // False: stop reading (the front answers finish(false) and closes the connection).
  virtual bool on_data(const char* data, std::size_t size) = 0;
  // complete: the whole body arrived. Otherwise it ended early (stopped by on_data, the
  // client went away or its deadline passed); the response is sent when still possible.
  virtual Response finish(bool complete) = 0;
};

using Handler = std::function<Response(Request& request)>;
// A streamed route looks at the header and answers at once, or returns its sink.
using StreamStart = std::variant<Response, std::unique_ptr<BodySink>>;
using StreamHandler = std::function<StreamStart(const Request& request)>;

struct Route {
  // {} everywhere: routes are written with designated initializers, naming only what differs.
  std::string method{};   // GET, POST, PUT
  std::string pattern{};  // "/v1/reports/{}": each {} matches one non-empty segment (no '/')
  std::string label{};    // metrics and access log: fixed text, never a code or query
  Run run = Run::kInline;
  BodyRules body{};
  Handler handler{};       // buffered body (or none)
  StreamHandler stream{};  // streamed body (set instead of handler)
};

class Router {
 public:
  void add(Route route);

  struct Match {
    const Route* route = nullptr;
    std::vector<std::string> captures;
    std::string allow;  // methods the path has, when route is null but the path exists
  };
  // HEAD is served by the GET route (without the body).
  Match find(std::string_view method, std::string_view path) const;

 private:
  static bool matches(std::string_view pattern, std::string_view path,
                      std::vector<std::string>& captures);
  std::vector<Route> routes_;
};

}  // namespace examready::server::http
