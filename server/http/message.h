// The HTTP request and response the collector's handlers see: plain values, no sockets, so
// a handler runs the same behind the network front (server.h), in tests and in the fuzz
// target (raw_exchange.h).
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace examready::server::http {

struct Header {
  std::string name;
  std::string value;
};

struct Request {
  std::string method;                                      // "GET"
  std::string target;                                      // as sent: "/v1/stats?by=brand"
  std::string path;                                        // "/v1/stats"
  std::vector<std::pair<std::string, std::string>> query;  // percent-decoded, in order
  std::vector<Header> headers;
  std::vector<std::string> captures;  // the path segments a route's {} matched
  std::string body;                   // buffered routes: the body, Content-Encoding undone
  std::string client;                 // the client's address (see ServerLimits::trusted_proxies)

  // Case-insensitive; the first value, "" when absent.
  std::string_view header(std::string_view name) const;
  bool has_header(std::string_view name) const;
  // The first value of a query parameter, "" when absent.
  std::string_view param(std::string_view name) const;
  bool has_param(std::string_view name) const;
};

// A response body made on the fly: `length` bytes, asked for in pieces from an offset (a
// piece may be shorter than asked, never empty).
struct BodyStream {
  std::uint64_t length = 0;
  std::function<std::string_view(std::uint64_t offset, std::size_t max_bytes)> piece;
};

struct Response {
  int status = 200;
  std::vector<Header> headers;
  std::string content_type;  // empty: no Content-Type
  std::string body;
  std::optional<BodyStream> stream;  // instead of body
  bool close = false;                // close the connection after this response

  void set_header(std::string name, std::string value);
  bool has_header(std::string_view name) const;
  std::string_view header(std::string_view name) const;
};

// {"error": message[, "path": path]} with the status: every refusal has this shape.
Response error_response(int status, std::string_view message, std::string_view path = {});
Response json_response(int status, const nlohmann::json& body);

// Splits a request target into path and decoded query; false on a target that is not an
// origin-form path ("/…") or whose query does not decode.
bool parse_target(std::string_view target, std::string& path,
                  std::vector<std::pair<std::string, std::string>>& query);

}  // namespace examready::server::http
