// The front's per-request rules (exchange.h).
#include "server/http/exchange.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/beast/http/status.hpp>
#include <cstdio>

#include "core/text.h"
#include "server/http/client_address.h"
#include "server/http/content_coding.h"

namespace examready::server::http {
namespace beast_http = boost::beast::http;
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Only the methods HTTP defines reach labels and metrics: a made-up method must not grow
// the metrics table.
std::string_view method_label(std::string_view method) {
  for (std::string_view known : {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"}) {
    if (method == known) return known;
  }
  return "OTHER";
}

std::string media_type(std::string_view content_type) {
  return core::text::lower(trim(content_type.substr(0, content_type.find(';'))));
}

}  // namespace

Exchange::Exchange(const Router& router, const ServerLimits& limits, BodyBudget& budget,
                   std::string peer)
    : router_(router), limits_(limits), budget_(budget), peer_(std::move(peer)) {}

Exchange::~Exchange() { release_body(); }

void Exchange::release_body() {
  if (reserved_ > 0) budget_.release(request_.client, reserved_);
  reserved_ = 0;
}

void Exchange::drop_body() {
  raw_body_.clear();
  raw_body_.shrink_to_fit();
  request_.body.clear();
  request_.body.shrink_to_fit();
  release_body();
}

bool Exchange::hold(std::uint64_t bytes) {
  if (!budget_.reserve(request_.client, bytes)) return false;
  reserved_ += bytes;
  return true;
}

Exchange::Next Exchange::busy() {
  Response busy = error_response(503, "server busy, retry shortly");
  busy.set_header("Retry-After", "5");
  return respond(std::move(busy), true);
}

Exchange::Next Exchange::respond(Response response, bool close) {
  response_ = std::move(response);
  if (close) response_.close = true;
  if (sink_ && response_.close) sink_.reset();
  // No handler will read the body: its memory and its share of the budget go now, not when
  // the connection ends (a refused body held them while its response was written and the
  // socket lingered, and the client's or everyone's next bodies were refused in a cascade).
  drop_body();
  return Next::kRespond;
}

std::string Exchange::client_address(const beast_http::request_header<>& header) const {
  if (std::find(limits_.trusted_proxies.begin(), limits_.trusted_proxies.end(), peer_) ==
      limits_.trusted_proxies.end()) {
    return peer_;
  }
  std::vector<std::string_view> lines;
  for (auto [it, end] = header.equal_range("X-Forwarded-For"); it != end; ++it) {
    lines.push_back(it->value());
  }
  const std::string forwarded = forwarded_client(lines);
  return forwarded.empty() ? peer_ : forwarded;
}

std::optional<Response> Exchange::check_body_rules(bool chunked,
                                                   std::optional<std::uint64_t> length) {
  const BodyRules& rules = route_->body;
  const bool has_body = chunked || (length && *length > 0);
  if (!has_body) return std::nullopt;
  if (rules.max_bytes == 0) return error_response(413, "this endpoint takes no request body");
  if (chunked && rules.needs_length) return error_response(411, "Content-Length required");
  if (length && *length > rules.max_bytes) {
    return error_response(413, fmt::format("body larger than {} bytes", rules.max_bytes));
  }
  const Coding coding = parse_coding(request_.header("Content-Encoding"));
  if (coding != Coding::kIdentity &&
      (coding == Coding::kUnsupported || rules.max_decoded_bytes == 0)) {
    return error_response(415, "unsupported Content-Encoding (gzip or deflate, where allowed)");
  }
  if (!rules.content_types.empty()) {
    const std::string type = media_type(request_.header("Content-Type"));
    if (std::find(rules.content_types.begin(), rules.content_types.end(), type) ==
        rules.content_types.end()) {
      return error_response(415, "Content-Type must be " + rules.content_types.front());
    }
  }
  return std::nullopt;
}

Exchange::Next Exchange::on_header(const beast_http::request_header<>& header, bool chunked,
                                   std::optional<std::uint64_t> length, bool keep_alive) {
  keep_alive_ = keep_alive;
  request_.method = std::string(header.method_string());
  request_.target = std::string(header.target());
  for (const auto& field : header) {
    request_.headers.push_back({std::string(field.name_string()), std::string(field.value())});
  }
  request_.client = client_key(client_address(header));
  const bool has_body = chunked || (length && *length > 0);
  body_unread_ = has_body;
  if (!parse_target(request_.target, request_.path, request_.query)) {
    return respond(error_response(400, "malformed request target"), has_body);
  }
  const std::string_view transfer = header[beast_http::field::transfer_encoding];
  if (!transfer.empty() && !core::text::equals_ignoring_case(trim(transfer), "chunked")) {
    return respond(error_response(501, "only the chunked Transfer-Encoding is supported"), true);
  }
  if (!transfer.empty() && header.count(beast_http::field::content_length) > 0) {
    return respond(error_response(400, "both Content-Length and Transfer-Encoding"), true);
  }
  auto match = router_.find(request_.method, request_.path);
  if (!match.route) {
    if (match.allow.empty()) return respond(error_response(404, "no such endpoint"), has_body);
    Response r = error_response(405, "method not allowed");
    r.set_header("Allow", match.allow);
    return respond(std::move(r), has_body);
  }
  route_ = match.route;
  request_.captures = std::move(match.captures);
  if (auto refusal = check_body_rules(chunked, length)) return respond(std::move(*refusal), true);
  expect_continue_ =
      has_body && core::text::equals_ignoring_case(request_.header("Expect"), "100-continue");
  if (route_->stream) {
    StreamStart start = route_->stream(request_);
    if (auto* refused = std::get_if<Response>(&start))
      return respond(std::move(*refused), has_body);
    sink_ = std::move(std::get<std::unique_ptr<BodySink>>(start));
    return has_body ? Next::kReadBody : respond(sink_->finish(true));
  }
  // The body is counted against the budget as it arrives (on_body_data), not as announced.
  return has_body ? Next::kReadBody : Next::kDispatch;
}

Exchange::Next Exchange::refuse(Response response) {
  body_unread_ = true;  // whatever the client sent after a bad header is not a request
  return respond(std::move(response), true);
}

std::uint64_t Exchange::body_limit() const { return route_ ? route_->body.max_bytes : 0; }

std::chrono::seconds Exchange::body_deadline() const {
  return route_ ? route_->body.deadline : std::chrono::seconds(1);
}

Exchange::Next Exchange::on_body_data(const char* data, std::size_t size) {
  if (sink_) {
    if (!sink_->on_data(data, size)) return respond(sink_->finish(false), true);
    return Next::kReadBody;
  }
  if (raw_body_.size() + size > route_->body.max_bytes) {  // the parser enforces it too
    return on_body_failed(BodyFailure::kTooLarge);
  }
  if (!hold(size)) return busy();
  raw_body_.append(data, size);
  return Next::kReadBody;
}

Exchange::Next Exchange::on_body_complete() {
  body_unread_ = false;
  if (sink_) return respond(sink_->finish(true));
  const Coding coding = parse_coding(request_.header("Content-Encoding"));
  const std::uint64_t limit =
      coding == Coding::kIdentity ? route_->body.max_bytes : route_->body.max_decoded_bytes;
  // The decoded copy may take up to its limit while it is made; then the body holds its size.
  if (coding != Coding::kIdentity && !hold(limit)) return busy();
  const DecodeStatus status = decode_body(coding, raw_body_, limit, request_.body);
  raw_body_.clear();
  raw_body_.shrink_to_fit();
  release_body();
  if (!hold(request_.body.size())) return busy();
  if (status == DecodeStatus::kTooLarge) {
    return respond(
        error_response(413, fmt::format("body larger than {} bytes once decompressed", limit)));
  }
  if (status == DecodeStatus::kCorrupt) {
    return respond(error_response(400, "could not read the body (bad Content-Encoding?)"));
  }
  return Next::kDispatch;
}

Exchange::Next Exchange::on_body_failed(BodyFailure why) {
  switch (why) {
    case BodyFailure::kTooLarge:
      return respond(error_response(413, fmt::format("body larger than {} bytes", body_limit())),
                     true);
    case BodyFailure::kMalformed:
      return respond(error_response(400, "malformed request body (chunked encoding)"), true);
    case BodyFailure::kAborted:
      break;
  }
  if (sink_) return respond(sink_->finish(false), true);
  return respond(error_response(408, "the request body did not arrive in time"), true);
}

void Exchange::run_handler() {
  try {
    response_ = route_->handler(request_);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "examready-server: %s failed: %s\n", label().c_str(), e.what());
    response_ = error_response(500, "internal error");
  }
  drop_body();
}

bool Exchange::close_after() const { return response_.close || !keep_alive_ || body_unread_; }

std::string Exchange::label() const {
  return std::string(method_label(request_.method)) + " " + (route_ ? route_->label : "other");
}

void add_standard_headers(Response& r) {
  r.set_header("X-Content-Type-Options", "nosniff");
  r.set_header("X-Frame-Options", "DENY");
  r.set_header("Referrer-Policy", "no-referrer");
  if (!r.has_header("Content-Security-Policy")) {
    r.set_header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  }
  if (!r.has_header("Cache-Control")) r.set_header("Cache-Control", "no-store");
}

std::string serialize_head(const Response& r, std::uint64_t content_length, bool close) {
  const auto status = static_cast<beast_http::status>(r.status);
  std::string head = fmt::format("HTTP/1.1 {} {}\r\n", r.status,
                                 std::string_view(beast_http::obsolete_reason(status)));
  auto clean = [](std::string_view text) {  // no header may end early (response splitting)
    std::string out(text);
    std::replace_if(
        out.begin(), out.end(), [](char c) { return c == '\r' || c == '\n'; }, ' ');
    return out;
  };
  for (const auto& h : r.headers) head += clean(h.name) + ": " + clean(h.value) + "\r\n";
  if (!r.content_type.empty()) head += "Content-Type: " + clean(r.content_type) + "\r\n";
  if (r.status >= 200 && r.status != 204 && r.status != 304) {
    head += fmt::format("Content-Length: {}\r\n", content_length);
  }
  if (close) head += "Connection: close\r\n";
  head += "\r\n";
  return head;
}

}  // namespace examready::server::http
