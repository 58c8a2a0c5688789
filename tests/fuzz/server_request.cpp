// Fuzz target: raw bytes as the collector's HTTP front receives them on a connection, in
// process (server/http/raw_exchange.h): the same parser limits and per-request rules as the
// network front, then the real routes (uploads into a SQLite file, helpdesk lookups, stats,
// pages, the measurement endpoints) run on this thread. Every answer must be a well-formed
// HTTP/1.1 response; limits that hold on the network must hold here too.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "server/collector_server.h"
#include "server/http/raw_exchange.h"
#include "server/measure/probe_endpoints.h"
#include "tests/fuzz/fuzz_support.h"

using namespace examready::server;

namespace {

struct Target {
  std::unique_ptr<Storage> storage;
  std::unique_ptr<CollectorServer> collector;
  http::ServerLimits limits = [] {
    http::ServerLimits l;
    l.workers = 1;  // the front is only built to own the routes: handle_raw runs them here
    l.io_threads = 1;
    return l;
  }();

  std::filesystem::path dir;

  Target() {
    char name[] = "/tmp/fuzz-server.XXXXXX";
    if (!::mkdtemp(name)) std::abort();
    dir = name;
    storage = open_storage("sqlite:" + (dir / "c.db").string(), 1);
    TokenStore tokens;
    tokens.add(TokenRole::kHelpdesk, "fuzz-helpdesk-token-0001");
    CollectorOptions options;
    options.access_log = false;
    options.limits.max_stored_reports = 5000;  // a long run must not fill the disk
    collector = std::make_unique<CollectorServer>(options, limits, http::TlsFiles{}, *storage,
                                                  std::move(tokens), Evaluator{});
    ProbeEndpointOptions probe;
    probe.max_download_bytes = 1 << 20;
    add_probe_routes(collector->router(), probe);
  }
  ~Target() {
    collector.reset();
    storage.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Target target;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string out = http::handle_raw(target.collector->router(), target.limits, input);
  // Every response in `out` starts with a status line and has a Content-Length.
  if (!out.empty() && out.rfind("HTTP/1.1 ", 0) != 0)
    examready::fuzz::invariant_failed("answer is not an HTTP/1.1 response");
  if (!out.empty() && out.find("\r\nContent-Length: ") == std::string::npos &&
      out.find(" 204 ") == std::string::npos) {
    examready::fuzz::invariant_failed("answer without Content-Length");
  }
  return 0;
}
