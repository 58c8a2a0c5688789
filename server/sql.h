// The little the shared storage code (sql_storage.h) needs from a database connection: run a
// statement with text parameters, get its rows as text. SQLite and libpq each implement it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace examready::server {

using SqlValue = std::optional<std::string>;  // nullopt: SQL NULL

struct SqlResult {
  std::vector<std::vector<SqlValue>> rows;
  std::int64_t changed = 0;  // rows an INSERT/UPDATE/DELETE changed
};

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;
  // Statements without parameters or rows (schema, BEGIN/COMMIT); several may be given.
  virtual void exec(const std::string& sql) = 0;
  // One statement, parameters as text ($1, $2… in order), prepared once per connection.
  // Throws StorageError.
  virtual SqlResult run(const std::string& sql, const std::vector<std::string>& params) = 0;
};

inline std::string text(const SqlValue& value) { return value.value_or(""); }
inline std::int64_t integer(const SqlValue& value) {
  return value && !value->empty() ? std::stoll(*value) : 0;
}

}  // namespace examready::server
