// Backend selection from the --db URL, and the failed-rules column format.
#include "server/storage.h"

#include "server/pg_storage.h"
#include "server/sqlite_storage.h"

namespace examready::server {

std::unique_ptr<Storage> open_storage(const std::string& url, int connections) {
  if (url.rfind("sqlite:", 0) == 0) return open_sqlite_storage(url.substr(7), connections);
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    return open_pg_storage(url, connections);
  }
  throw StorageError("--db must be sqlite:PATH or postgresql://…, got '" + url + "'");
}

std::string join_rules(const std::vector<std::string>& rules) {
  std::string text;
  for (const auto& rule : rules) {
    if (!text.empty()) text += ',';
    text += rule;
  }
  return text;
}

std::vector<std::string> split_rules(std::string_view text) {
  std::vector<std::string> rules;
  while (!text.empty()) {
    const auto comma = text.find(',');
    rules.emplace_back(text.substr(0, comma));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return rules;
}

}  // namespace examready::server
