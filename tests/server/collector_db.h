// The collector's SQLite database read behind the server's back (read-only), to see what a
// request stored or did not.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>

namespace examready::test {

// The one integer `sql` selects from `dir`/collector.db; -1 when it cannot be read.
inline std::int64_t collector_db_integer(const std::filesystem::path& dir, const char* sql) {
  sqlite3* db = nullptr;
  std::int64_t value = -1;
  if (sqlite3_open_v2((dir / "collector.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr) ==
      SQLITE_OK) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW) {
      value = sqlite3_column_int64(stmt, 0);
    }
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
  return value;
}

inline std::int64_t stored_rows(const std::filesystem::path& dir) {
  return collector_db_integer(dir, "SELECT COUNT(*) FROM reports");
}

inline std::int64_t stored_body_bytes(const std::filesystem::path& dir) {
  return collector_db_integer(dir, "SELECT COALESCE(SUM(LENGTH(body)), 0) FROM reports");
}

}  // namespace examready::test
