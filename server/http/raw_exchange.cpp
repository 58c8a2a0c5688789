// handle_raw: Beast's parser fed from memory, the Exchange deciding as on a connection.
#include "server/http/raw_exchange.h"

#include <boost/beast/core/buffers_prefix.hpp>
#include <boost/beast/http.hpp>
#include <limits>

#include "server/http/exchange.h"

namespace examready::server::http {
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace {

constexpr std::size_t kChunkBytes = 64 << 10;
constexpr std::uint64_t kMaxStreamOut = 1 << 20;

// Feeds `input` to `parser` until it stops asking; returns false when the input ran out.
template <class Parser>
bool feed(Parser& parser, std::string_view& input, beast::error_code& ec) {
  while (!input.empty()) {
    const std::size_t used = parser.put(boost::asio::buffer(input.data(), input.size()), ec);
    input.remove_prefix(used);
    if (ec == bhttp::error::need_more) {
      ec = {};
      if (used == 0) return false;
      continue;
    }
    return true;
  }
  return false;
}

void append_response(Exchange& exchange, std::string& out, bool close) {
  Response& r = exchange.response();
  add_standard_headers(r);
  const std::uint64_t length = r.stream ? r.stream->length : r.body.size();
  out += serialize_head(r, length, close);
  if (exchange.head_request()) return;
  if (!r.stream) {
    out += r.body;
    return;
  }
  for (std::uint64_t offset = 0; offset < std::min(length, kMaxStreamOut);) {
    const std::string_view piece = r.stream->piece(offset, kChunkBytes);
    if (piece.empty()) break;
    out += piece;
    offset += piece.size();
  }
}

// Reads the body from `input` as the connection would; returns what comes next.
Exchange::Next read_body(Exchange& exchange, bhttp::request_parser<bhttp::empty_body>& header,
                         std::string_view& input) {
  bhttp::request_parser<bhttp::buffer_body> parser(std::move(header));
  parser.body_limit(exchange.body_limit());
  std::string chunk(kChunkBytes, '\0');
  for (;;) {
    auto& body = parser.get().body();
    body.data = chunk.data();
    body.size = chunk.size();
    beast::error_code ec;
    const bool more_input = feed(parser, input, ec);
    if (ec == bhttp::error::need_buffer) ec = {};
    const std::size_t got = chunk.size() - body.size;
    if (got > 0) {
      const auto next = exchange.on_body_data(chunk.data(), got);
      if (next != Exchange::Next::kReadBody) return next;
    }
    if (ec == bhttp::error::body_limit) {
      return exchange.on_body_failed(Exchange::BodyFailure::kTooLarge);
    }
    if (ec) return exchange.on_body_failed(Exchange::BodyFailure::kMalformed);
    if (parser.is_done()) return exchange.on_body_complete();
    if (!more_input && got == 0) return exchange.on_body_failed(Exchange::BodyFailure::kAborted);
  }
}

}  // namespace

std::string handle_raw(const Router& router, const ServerLimits& limits, std::string_view input,
                       const std::string& peer, int max_requests) {
  BodyBudget budget(limits.buffered_bytes_budget, limits.buffered_bytes_per_client);
  std::string out;
  for (int n = 0; n < max_requests && !input.empty(); ++n) {
    bhttp::request_parser<bhttp::empty_body> header;
    header.header_limit(static_cast<std::uint32_t>(limits.header_bytes));
    header.eager(false);
    header.body_limit(std::numeric_limits<std::uint64_t>::max());  // the route's limit applies
                                                                   // (Exchange), not Beast's 1 MB
    beast::error_code ec;
    Exchange exchange(router, limits, budget, peer);
    Exchange::Next next;
    const bool complete = feed(header, input, ec) || header.is_header_done();
    if (ec == bhttp::error::header_limit) {
      next = exchange.refuse(error_response(431, "request header too large"));
    } else if (ec) {
      next = exchange.refuse(error_response(400, "malformed request: " + ec.message()));
    } else if (!complete || !header.is_header_done()) {
      break;  // the client never finished its header: no answer
    } else {
      const auto length = header.content_length();
      next = exchange.on_header(header.get().base(), header.chunked(),
                                length ? std::optional<std::uint64_t>(*length) : std::nullopt,
                                header.keep_alive());
      if (next == Exchange::Next::kReadBody) next = read_body(exchange, header, input);
    }
    if (next == Exchange::Next::kDispatch) exchange.run_handler();
    const bool close = exchange.close_after();
    append_response(exchange, out, close);
    if (close) break;
  }
  return out;
}

}  // namespace examready::server::http
