// One request's way through the front, without I/O: the checks between the header and the
// body, reading (or streaming) the body within its route's limits, and the handler. The
// network connection (connection.h) and the in-process entry for tests and fuzzing
// (raw_exchange.h) both drive it, so both apply exactly the same rules.
#pragma once

#include <boost/beast/http/fields.hpp>
#include <boost/beast/http/message.hpp>
#include <memory>
#include <string>

#include "server/http/limits.h"
#include "server/http/router.h"

namespace examready::server::http {

class Exchange {
 public:
  Exchange(const Router& router, const ServerLimits& limits, BodyBudget& budget, std::string peer);
  ~Exchange();
  Exchange(const Exchange&) = delete;
  Exchange& operator=(const Exchange&) = delete;

  enum class Next { kReadBody, kRespond, kDispatch };

  // The parsed header. chunked / content_length as the parser saw them.
  Next on_header(const boost::beast::http::request_header<>& header, bool chunked,
                 std::optional<std::uint64_t> content_length, bool keep_alive);

  // While kReadBody: the parser's body limit, the body's deadline, 100-continue.
  std::uint64_t body_limit() const;
  std::chrono::seconds body_deadline() const;
  bool wants_continue() const { return expect_continue_; }
  Next on_body_data(const char* data, std::size_t size);
  Next on_body_complete();
  enum class BodyFailure { kTooLarge, kMalformed, kAborted };
  // The body could not be read to its end: 413, 400, or (client gone, deadline) whatever a
  // streamed route makes of what arrived. Always kRespond, and the connection closes.
  Next on_body_failed(BodyFailure why);

  // After kDispatch.
  Run run_on() const { return route_ ? route_->run : Run::kInline; }
  void run_handler();

  // The front's own answers: a header it could not parse (the connection closes), a full
  // worker queue.
  Next refuse(Response response);
  void set_response(Response response) { response_ = std::move(response); }

  // After kRespond, or after run_handler().
  Response& response() { return response_; }
  bool close_after() const;
  bool head_request() const { return request_.method == "HEAD"; }
  bool body_unread() const { return body_unread_; }
  const Request& request() const { return request_; }
  std::string label() const;

 private:
  Next respond(Response response, bool close = false);
  // The body budget: `bytes` more held by this request's client (false when over a limit),
  // all of it given back, and the 503 an exhausted budget gets.
  bool hold(std::uint64_t bytes);
  void release_body();
  Next busy();
  // The body's memory (raw and decoded) freed and its budget given back: no handler (or no
  // more handler) will read it.
  void drop_body();
  std::optional<Response> check_body_rules(bool chunked, std::optional<std::uint64_t> length);
  std::string client_address(const boost::beast::http::request_header<>& header) const;

  const Router& router_;
  const ServerLimits& limits_;
  BodyBudget& budget_;
  std::string peer_;
  Request request_;
  const Route* route_ = nullptr;
  std::unique_ptr<BodySink> sink_;
  std::string raw_body_;
  std::uint64_t reserved_ = 0;
  bool keep_alive_ = true;
  bool body_unread_ = false;  // the client sent (or announced) body bytes we did not read
  bool expect_continue_ = false;
  Response response_;
};

// The headers every response carries, and the status line and headers in wire form.
void add_standard_headers(Response& response);
std::string serialize_head(const Response& response, std::uint64_t content_length, bool close);

}  // namespace examready::server::http
