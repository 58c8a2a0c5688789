// Internal to server.cpp: one connection's request cycle, the same for plain TCP and TLS.
// Exactly one operation is outstanding at a time (a read, a write, or a worker's handler),
// so the chain of handlers ends once, in close(), which gives the connection back.
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <limits>
#include <memory>

#include "server/http/exchange.h"
#include "server/http/server_impl.h"

namespace examready::server::http {

template <class Stream>
class Connection final : public ConnectionBase,
                         public std::enable_shared_from_this<Connection<Stream>> {
 public:
  static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;
  // One read or streamed write at a time. 16 KiB, not 64: glibc consolidates its free lists
  // whenever a chunk of 64 KiB or more is freed, and this buffer is freed after every request
  // (an idle connection holds none); at 64 KiB that cost 14 % of upload throughput.
  static constexpr std::size_t kChunkBytes = 16 << 10;
  using Clock = std::chrono::steady_clock;

  Connection(HttpServer::Impl& server, Stream&& stream, std::string peer)
      : server_(server), stream_(std::move(stream)), peer_(std::move(peer)) {}

  void start(std::uint64_t id) {
    id_ = id;
    // The handshake and the first request's header share this deadline.
    lowest().expires_after(server_.limits.header_deadline);
    if constexpr (kTls) {
      stream_.async_handshake(asio::ssl::stream_base::server,
                              [self = self()](beast::error_code ec) {
                                if (ec) return self->close();
                                self->read_header();
                              });
    } else {
      read_header();
    }
  }

  void abort() override {
    asio::post(lowest().get_executor(), [self = self()] {
      self->aborted_ = true;
      beast::error_code ignored;
      self->lowest().socket().close(ignored);  // the outstanding operation ends with an error
    });
  }

 private:
  std::shared_ptr<Connection> self() { return this->shared_from_this(); }
  beast::tcp_stream& lowest() { return beast::get_lowest_layer(stream_); }

  void read_header() {
    if (aborted_ || server_.stopping) return close();
    set_phase(Phase::kWaiting);
    exchange_.reset();
    body_parser_.reset();
    header_parser_.emplace();
    header_parser_->header_limit(static_cast<std::uint32_t>(server_.limits.header_bytes));
    // Beast refuses a Content-Length over its default 1 MB while reading the header; the
    // route's own limit is applied by the Exchange instead. (Not boost::none: Beast 1.74
    // compares the length with the empty optional and refuses every body.)
    header_parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    if (!first_request_) lowest().expires_after(server_.limits.keep_alive_idle);
    bhttp::async_read_header(
        stream_, buffer_, *header_parser_,
        [self = self()](beast::error_code ec, std::size_t) { self->on_header(ec); });
  }

  void on_header(beast::error_code ec) {
    if (ec) {
      if (ec == bhttp::error::header_limit) {
        return refuse(
            431, fmt::format("request header larger than {} bytes", server_.limits.header_bytes));
      }
      // The parser's own errors are a malformed request; anything else (the client went
      // away, never finished its header in time, was closed to make room) gets no answer.
      const bool malformed =
          ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category() &&
          ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message;
      if (!malformed || aborted_) return close();
      return refuse(400, "malformed request: " + ec.message());
    }
    set_phase(Phase::kBusy);
    started_ = Clock::now();
    exchange_ = std::make_unique<Exchange>(server_.router, server_.limits, server_.budget, peer_);
    auto& parser = *header_parser_;
    const auto length = parser.content_length();
    proceed(exchange_->on_header(parser.get().base(), parser.chunked(),
                                 length ? std::optional<std::uint64_t>(*length) : std::nullopt,
                                 parser.keep_alive()));
  }

  void refuse(int status, const std::string& message) {
    set_phase(Phase::kBusy);
    started_ = Clock::now();
    exchange_ = std::make_unique<Exchange>(server_.router, server_.limits, server_.budget, peer_);
    proceed(exchange_->refuse(error_response(status, message)));
  }

  void proceed(Exchange::Next next) {
    switch (next) {
      case Exchange::Next::kRespond:
        return respond();
      case Exchange::Next::kDispatch:
        return dispatch();
      case Exchange::Next::kReadBody:
        break;
    }
    body_parser_.emplace(std::move(*header_parser_));
    header_parser_.reset();
    body_parser_->body_limit(exchange_->body_limit());
    set_phase(Phase::kTransfer);
    // From here the whole body must arrive by this deadline (not per read: a trickle of a
    // byte a second would renew a per-read timeout for ever).
    lowest().expires_after(exchange_->body_deadline());
    if (!chunk_) chunk_ = std::make_unique<char[]>(kChunkBytes);
    if (!exchange_->wants_continue()) return read_body();
    static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
    asio::async_write(stream_, asio::buffer(kContinue.data(), kContinue.size()),
                      [self = self()](beast::error_code ec, std::size_t) {
                        if (ec) return self->close();
                        self->read_body();
                      });
  }

  void read_body() {
    auto& body = body_parser_->get().body();
    body.data = chunk_.get();
    body.size = kChunkBytes;
    bhttp::async_read_some(
        stream_, buffer_, *body_parser_,
        [self = self()](beast::error_code ec, std::size_t) { self->on_body(ec); });
  }

  // Bytes are handed on as they arrive (the upload measurement bins them by arrival time).
  void on_body(beast::error_code ec) {
    if (ec == bhttp::error::need_buffer) ec = {};
    const std::size_t got = kChunkBytes - body_parser_->get().body().size;
    moved(got);
    Exchange::Next next = Exchange::Next::kReadBody;
    if (got > 0) next = exchange_->on_body_data(chunk_.get(), got);
    if (next == Exchange::Next::kReadBody) {
      if (ec == bhttp::error::body_limit) {
        next = exchange_->on_body_failed(Exchange::BodyFailure::kTooLarge);
      } else if (ec == bhttp::error::bad_chunk || ec == bhttp::error::bad_chunk_extension) {
        next = exchange_->on_body_failed(Exchange::BodyFailure::kMalformed);
      } else if (ec) {
        next = exchange_->on_body_failed(Exchange::BodyFailure::kAborted);
      } else if (body_parser_->is_done()) {
        next = exchange_->on_body_complete();
      }
    }
    if (next == Exchange::Next::kReadBody) return read_body();
    proceed(next);
  }

  void dispatch() {
    set_phase(Phase::kBusy);
    if (exchange_->run_on() == Run::kInline) {
      exchange_->run_handler();
      return respond();
    }
    auto job = [self = self()] {
      self->exchange_->run_handler();
      asio::post(self->lowest().get_executor(), [self] { self->respond(); });
    };
    if (!server_.workers.try_post(std::move(job))) {
      Response busy = error_response(503, "server busy, retry shortly");
      busy.set_header("Retry-After", "2");
      exchange_->set_response(std::move(busy));
      respond();
    }
  }

  void respond() {
    set_phase(Phase::kTransfer);
    Response& r = exchange_->response();
    add_standard_headers(r);
    close_ = exchange_->close_after() || server_.stopping || aborted_;
    const std::uint64_t length = r.stream ? r.stream->length : r.body.size();
    head_ = serialize_head(r, length, close_);
    written_ = 0;
    lowest().expires_after(r.stream ? server_.limits.stream_deadline
                                    : server_.limits.write_deadline);
    auto done = [self = self()](beast::error_code ec, std::size_t n) {
      self->written_ += n;
      self->moved(n);
      self->on_written(ec);
    };
    if (exchange_->head_request() || length == 0) {
      return asio::async_write(stream_, asio::buffer(head_), std::move(done));
    }
    if (!r.stream) {
      if constexpr (!kTls) {
        const std::array<asio::const_buffer, 2> parts = {asio::buffer(head_), asio::buffer(r.body)};
        return asio::async_write(stream_, parts, std::move(done));
      }
      // Over TLS, a gather write of head and body stopped after the head once the two passed
      // 16 KiB (one TLS record): Boost 1.74's beast::ssl_stream completed it with no error and
      // the client saw a short body. The body goes out as a stream of pieces instead.
      r.stream =
          BodyStream{r.body.size(), [&body = r.body](std::uint64_t offset, std::size_t max) {
                       return std::string_view(body).substr(static_cast<std::size_t>(offset), max);
                     }};
    }
    stream_offset_ = 0;
    asio::async_write(stream_, asio::buffer(head_),
                      [self = self()](beast::error_code ec, std::size_t n) {
                        self->written_ += n;
                        self->moved(n);
                        if (ec) return self->on_written(ec);
                        self->write_piece();
                      });
  }

  void write_piece() {
    const BodyStream& s = *exchange_->response().stream;
    if (stream_offset_ >= s.length) return on_written({});
    const auto left =
        static_cast<std::size_t>(std::min<std::uint64_t>(s.length - stream_offset_, kChunkBytes));
    const std::string_view piece = s.piece(stream_offset_, left);
    if (piece.empty()) return on_written(asio::error::invalid_argument);
    asio::async_write(stream_, asio::buffer(piece.data(), piece.size()),
                      [self = self()](beast::error_code ec, std::size_t n) {
                        self->written_ += n;
                        self->moved(n);
                        self->stream_offset_ += n;
                        if (ec) return self->on_written(ec);
                        self->write_piece();
                      });
  }

  void on_written(beast::error_code ec) {
    if (server_.logger) {
      server_.logger({exchange_->label(), exchange_->request().client, exchange_->response().status,
                      std::chrono::duration<double>(Clock::now() - started_).count(), written_});
    }
    if (ec) return close();
    if (close_) return exchange_->body_unread() ? linger() : close();
    first_request_ = false;
    if (buffer_.size() == 0) buffer_.shrink_to_fit();  // an idle connection holds no buffer
    chunk_.reset();
    read_header();
  }

  // After refusing a body: stop sending, and read (and drop) what the client is still
  // sending for a moment, so it reads the answer instead of a connection reset.
  void linger() {
    set_phase(Phase::kClosing);
    exchange_.reset();
    beast::error_code ignored;
    lowest().socket().shutdown(tcp::socket::shutdown_send, ignored);
    lowest().expires_after(server_.limits.linger_time);
    linger_left_ = server_.limits.linger_bytes;
    if (!chunk_) chunk_ = std::make_unique<char[]>(kChunkBytes);
    drain();
  }

  void drain() {
    stream_.async_read_some(asio::buffer(chunk_.get(), kChunkBytes),
                            [self = self()](beast::error_code ec, std::size_t n) {
                              if (ec || n >= self->linger_left_) return self->close();
                              self->linger_left_ -= n;
                              self->drain();
                            });
  }

  void close() {
    if (closed_) return;
    closed_ = true;
    set_phase(Phase::kClosing);
    beast::error_code ignored;
    lowest().socket().shutdown(tcp::socket::shutdown_both, ignored);
    lowest().socket().close(ignored);
    exchange_.reset();
    server_.connection_closed(id_);
  }

  HttpServer::Impl& server_;
  Stream stream_;
  std::string peer_;
  std::uint64_t id_ = 0;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::empty_body>> header_parser_;
  std::optional<bhttp::request_parser<bhttp::buffer_body>> body_parser_;
  std::unique_ptr<Exchange> exchange_;
  std::unique_ptr<char[]> chunk_;
  std::string head_;
  std::uint64_t stream_offset_ = 0;
  std::uint64_t written_ = 0;
  std::uint64_t linger_left_ = 0;
  Clock::time_point started_ = Clock::now();
  bool first_request_ = true;
  bool close_ = false;
  bool closed_ = false;
  bool aborted_ = false;  // only touched on this connection's strand
};

}  // namespace examready::server::http
