// Internal to server.cpp and server_connection.h: the front's state shared by its
// connections. Not for other includes (it pulls in Asio and Beast).
#pragma once

#include <sys/resource.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <optional>

#include "server/http/connection_table.h"
#include "server/http/server.h"
#include "server/http/worker_pool.h"

namespace examready::server::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

struct HttpServer::Impl {
  Impl(const Router& router, ServerLimits limits, const TlsFiles& tls, RequestLogger logger);
  ~Impl();

  void accept();
  void on_accept(tcp::socket socket);
  void connection_closed(std::uint64_t id);
  void begin_stop();
  bool trusted_proxy(const std::string& peer) const;

  const Router& router;
  ServerLimits limits;
  RequestLogger logger;
  BodyBudget budget;
  std::optional<asio::ssl::context> tls;  // outlives every TLS stream (declared first)
  asio::io_context ioc;
  tcp::acceptor acceptor;
  asio::steady_timer grace;
  asio::steady_timer accept_retry;
  ConnectionTable table;
  WorkerPool workers;
  std::atomic<bool> running{false};
  std::atomic<bool> stopping{false};
};

}  // namespace examready::server::http
