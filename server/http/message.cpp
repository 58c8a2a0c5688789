// Request and response helpers.
#include "server/http/message.h"

#include "core/text.h"

#include <algorithm>

namespace examready::server::http {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decoding with '+' as a space (form encoding, what browsers send in a query).
bool decode_component(std::string_view in, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '+') {
      out += ' ';
    } else if (c == '%') {
      if (i + 2 >= in.size()) return false;
      const int hi = hex_value(in[i + 1]), lo = hex_value(in[i + 2]);
      if (hi < 0 || lo < 0) return false;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += c;
    }
  }
  return true;
}

}  // namespace

std::string_view Request::header(std::string_view name) const {
  for (const auto& h : headers) {
    if (core::text::equals_ignoring_case(h.name, name)) return h.value;
  }
  return {};
}

bool Request::has_header(std::string_view name) const {
  return std::any_of(headers.begin(), headers.end(), [&](const Header& h) {
    return core::text::equals_ignoring_case(h.name, name);
  });
}

std::string_view Request::param(std::string_view name) const {
  for (const auto& [key, value] : query) {
    if (key == name) return value;
  }
  return {};
}

bool Request::has_param(std::string_view name) const {
  return std::any_of(query.begin(), query.end(), [&](const auto& p) { return p.first == name; });
}

void Response::set_header(std::string name, std::string value) {
  for (auto& h : headers) {
    if (core::text::equals_ignoring_case(h.name, name)) {
      h.value = std::move(value);
      return;
    }
  }
  headers.push_back({std::move(name), std::move(value)});
}

bool Response::has_header(std::string_view name) const {
  return std::any_of(headers.begin(), headers.end(), [&](const Header& h) {
    return core::text::equals_ignoring_case(h.name, name);
  });
}

std::string_view Response::header(std::string_view name) const {
  for (const auto& h : headers) {
    if (core::text::equals_ignoring_case(h.name, name)) return h.value;
  }
  return {};
}

Response json_response(int status, const nlohmann::json& body) {
  Response r;
  r.status = status;
  r.content_type = "application/json";
  // Replace: a handler's text is bounded, but not necessarily valid UTF-8 (a client's query).
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Response error_response(int status, std::string_view message, std::string_view path) {
  nlohmann::json body = {{"error", message}};
  if (!path.empty()) body["path"] = path;
  return json_response(status, body);
}

bool parse_target(std::string_view target, std::string& path,
                  std::vector<std::pair<std::string, std::string>>& query) {
  if (target.empty() || target.front() != '/') return false;
  const auto question = target.find('?');
  path = std::string(target.substr(0, question));
  query.clear();
  if (question == std::string_view::npos) return true;
  std::string_view rest = target.substr(question + 1);
  std::string key, value;
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    if (!decode_component(pair.substr(0, eq), key)) return false;
    if (!decode_component(eq == std::string_view::npos ? "" : pair.substr(eq + 1), value)) {
      return false;
    }
    query.emplace_back(key, value);
  }
  return true;
}

}  // namespace examready::server::http
