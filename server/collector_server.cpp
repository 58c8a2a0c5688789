// CollectorServer (collector_server.h).
#include "server/collector_server.h"

namespace examready::server {

CollectorServer::CollectorServer(CollectorOptions options, const http::ServerLimits& limits,
                                 const http::TlsFiles& tls, Storage& storage, TokenStore tokens,
                                 Evaluator evaluate, std::function<void(nlohmann::json&)> restore)
    : collector_(std::move(options), storage, std::move(tokens), std::move(evaluate),
                 std::move(restore)) {
  collector_.add_routes(router_);
  http_ = std::make_unique<http::HttpServer>(
      router_, limits, tls,
      [this](const http::RequestRecord& record) { collector_.log_request(record); });
}

}  // namespace examready::server
