// The network front (server.h): the accept loop, the connection budget and the shutdown.
// One connection's request cycle is server_connection.h.
#include "server/http/server.h"

#include <fmt/format.h>
#include <openssl/ssl.h>

#include <optional>
#include <thread>

#include "server/http/client_address.h"
#include "server/http/server_connection.h"

namespace examready::server::http {
namespace {

// Connections need a descriptor each: stay below the process's limit, with room for the
// database, the log and the UDP echo.
std::size_t connection_cap(std::size_t wanted) {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return wanted;
  const auto available = static_cast<std::size_t>(limit.rlim_cur);
  return std::max<std::size_t>(16, std::min(wanted, available > 128 ? available - 128 : 16));
}

std::string address_text(const asio::ip::address& address) {
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    return asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6()).to_string();
  }
  return address.to_string();
}

asio::ssl::context make_tls_context(const TlsFiles& files) {
  if (files.cert_file.empty() || files.key_file.empty()) {
    throw TlsSetupError("TLS needs both a certificate and a key file");
  }
  asio::ssl::context context(asio::ssl::context::tls_server);
  context.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                      asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                      asio::ssl::context::no_tlsv1_1);
  try {
    context.use_certificate_chain_file(files.cert_file);
    context.use_private_key_file(files.key_file, asio::ssl::context::pem);
  } catch (const boost::system::system_error&) {
    throw TlsSetupError(fmt::format(
        "cannot load the TLS certificate {} with the key {} (PEM files that belong together)",
        files.cert_file, files.key_file));
  }
  if (SSL_CTX_check_private_key(context.native_handle()) != 1) {
    throw TlsSetupError(fmt::format("the TLS key {} does not belong to the certificate {}",
                                    files.key_file, files.cert_file));
  }
  return context;
}

// What a client beyond every cap gets before the connection closes (plain HTTP only).
constexpr std::string_view kFullResponse =
    "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 5\r\n"
    "Connection: close\r\nContent-Length: 33\r\n\r\n{\"error\":\"too many connections\"}\n";

}  // namespace

HttpServer::Impl::Impl(const Router& r, ServerLimits l, const TlsFiles& files, RequestLogger log)
    : router(r),
      limits(std::move(l)),
      logger(std::move(log)),
      budget(limits.buffered_bytes_budget, limits.buffered_bytes_per_client),
      ioc(static_cast<int>(std::max<std::size_t>(1, limits.io_threads))),
      acceptor(ioc),
      grace(ioc),
      accept_retry(ioc),
      table(connection_cap(limits.max_connections), limits.max_connections_per_client),
      workers(limits.workers, limits.worker_queue) {
  if (!files.cert_file.empty() || !files.key_file.empty()) tls.emplace(make_tls_context(files));
}

HttpServer::Impl::~Impl() {
  workers.stop();
  table.clear();  // while the event loop (and the sockets' services) still exist
}

bool HttpServer::Impl::trusted_proxy(const std::string& peer) const {
  return std::find(limits.trusted_proxies.begin(), limits.trusted_proxies.end(), peer) !=
         limits.trusted_proxies.end();
}

void HttpServer::Impl::accept() {
  acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (!acceptor.is_open() || stopping) return;
    if (ec) {
      // Out of descriptors (or memory): wait instead of spinning on the same error.
      accept_retry.expires_after(std::chrono::milliseconds(100));
      accept_retry.async_wait([this](beast::error_code) {
        if (!stopping) accept();
      });
      return;
    }
    on_accept(std::move(socket));
    accept();
  });
}

void HttpServer::Impl::on_accept(tcp::socket socket) {
  beast::error_code ec;
  const auto remote = socket.remote_endpoint(ec);
  if (ec) return;
  // Headers and body go out in separate writes: with Nagle on, a client's delayed ACK
  // stalls every response by ~40 ms (and the measured RTTs with it).
  socket.set_option(tcp::no_delay(true), ec);
  const std::string peer = address_text(remote.address());
  const std::string client = client_key(peer);
  if (!table.admit(client, trusted_proxy(peer))) {
    if (!tls) {
      socket.non_blocking(true, ec);
      socket.write_some(asio::buffer(kFullResponse.data(), kFullResponse.size()), ec);
    }
    return;  // closed as `socket` goes
  }
  if (tls) {
    auto c = std::make_shared<Connection<TlsStream>>(
        *this, TlsStream(beast::tcp_stream(std::move(socket)), *tls), peer);
    c->start(table.add(client, c));
  } else {
    auto c = std::make_shared<Connection<PlainStream>>(*this, PlainStream(std::move(socket)), peer);
    c->start(table.add(client, c));
  }
}

void HttpServer::Impl::connection_closed(std::uint64_t id) {
  if (table.remove(id) == 0 && stopping) {
    asio::post(ioc, [this] { ioc.stop(); });
  }
}

void HttpServer::Impl::begin_stop() {
  if (stopping.exchange(true)) return;
  beast::error_code ec;
  acceptor.close(ec);
  accept_retry.cancel();
  table.abort_waiting();
  if (table.size() == 0) return ioc.stop();
  grace.expires_after(limits.shutdown_grace);
  grace.async_wait([this](beast::error_code ec) {
    if (ec) return;
    table.abort_all();
    // The aborted connections finish within a few handler runs; do not wait for stragglers.
    grace.expires_after(std::chrono::milliseconds(500));
    grace.async_wait([this](beast::error_code) { ioc.stop(); });
  });
}

HttpServer::HttpServer(const Router& router, ServerLimits limits, TlsFiles tls,
                       RequestLogger logger)
    : impl_(std::make_unique<Impl>(router, std::move(limits), tls, std::move(logger))) {}

HttpServer::~HttpServer() = default;

int HttpServer::bind(const std::string& host, int port) {
  beast::error_code ec;
  tcp::resolver resolver(impl_->ioc);
  const auto results = resolver.resolve(
      host, std::to_string(port), tcp::resolver::passive | tcp::resolver::numeric_service, ec);
  if (ec || results.empty()) return -1;
  const tcp::endpoint endpoint = results.begin()->endpoint();
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (ec) return -1;
  acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  acceptor.bind(endpoint, ec);
  // A classroom of probes reconnecting after an outage arrives at once: a long backlog keeps
  // their SYNs from being dropped (1 s retransmits).
  if (!ec) acceptor.listen(1024, ec);
  if (ec) {
    acceptor.close(ec);
    return -1;
  }
  return acceptor.local_endpoint().port();
}

void HttpServer::run() {
  Impl& s = *impl_;
  if (!s.acceptor.is_open()) return;
  s.accept();
  s.running = true;
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < s.limits.io_threads; ++i) threads.emplace_back([&s] { s.ioc.run(); });
  s.ioc.run();
  for (auto& t : threads) t.join();
  s.running = false;
  s.workers.stop();  // handlers still running finish (their answers are dropped)
}

void HttpServer::stop() {
  asio::post(impl_->ioc, [this] { impl_->begin_stop(); });
}

bool HttpServer::running() const { return impl_->running; }
std::size_t HttpServer::connections() const { return impl_->table.size(); }
std::size_t HttpServer::evictions() const { return impl_->table.evictions(); }

}  // namespace examready::server::http
