// Route matching: literal patterns with {} segments, first match wins.
#include "server/http/router.h"

namespace examready::server::http {

void Router::add(Route route) { routes_.push_back(std::move(route)); }

bool Router::matches(std::string_view pattern, std::string_view path,
                     std::vector<std::string>& captures) {
  captures.clear();
  while (!pattern.empty()) {
    const auto brace = pattern.find("{}");
    const std::string_view literal = pattern.substr(0, brace);
    if (path.substr(0, literal.size()) != literal) return false;
    path.remove_prefix(literal.size());
    if (brace == std::string_view::npos) return path.empty();
    pattern.remove_prefix(brace + 2);
    const auto slash = path.find('/');
    const std::string_view segment = path.substr(0, slash);
    if (segment.empty()) return false;
    captures.emplace_back(segment);
    path.remove_prefix(segment.size());
  }
  return path.empty();
}

Router::Match Router::find(std::string_view method, std::string_view path) const {
  Match match;
  const std::string_view wanted = method == "HEAD" ? std::string_view("GET") : method;
  std::vector<std::string> captures;
  for (const auto& route : routes_) {
    if (!matches(route.pattern, path, captures)) continue;
    if (route.method == wanted) {
      match.route = &route;
      match.captures = std::move(captures);
      return match;
    }
    if (match.allow.find(route.method) == std::string::npos) {
      if (!match.allow.empty()) match.allow += ", ";
      match.allow += route.method;
    }
  }
  return match;
}

}  // namespace examready::server::http
