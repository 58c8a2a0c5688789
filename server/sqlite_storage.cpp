// SQLite backend. Writes are serialized on one connection (SQLite has one writer anyway;
// queuing in-process is cheaper than SQLITE_BUSY retries); reads use a pool of
// connections, which WAL lets run next to the writer.
#include "server/sqlite_storage.h"

#include <sqlite3.h>

#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <type_traits>

#include "server/sql_storage.h"

namespace examready::server {
namespace {

class Connection final : public SqlConnection {
 public:
  explicit Connection(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
      std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw StorageError("sqlite: cannot open " + path + ": " + message);
    }
    sqlite3_busy_timeout(db_, 5000);
    exec(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF; "
        "PRAGMA cache_size=-8000;");
  }
  ~Connection() override {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close(db_);
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void exec(const std::string& sql) override {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      std::string message = error ? error : "unknown error";
      sqlite3_free(error);
      throw StorageError("sqlite: " + message);
    }
  }

  SqlResult run(const std::string& sql, const std::vector<std::string>& params) override {
    sqlite3_stmt* stmt = prepare(sql);
    for (std::size_t i = 0; i < params.size(); ++i) {
      sqlite3_bind_text(stmt, static_cast<int>(i + 1), params[i].data(),
                        static_cast<int>(params[i].size()), SQLITE_TRANSIENT);
    }
    SqlResult result;
    const int columns = sqlite3_column_count(stmt);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      auto& row = result.rows.emplace_back();
      for (int c = 0; c < columns; ++c) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
        if (text) {
          row.emplace_back(
              std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt, c))));
        } else {
          row.emplace_back(std::nullopt);
        }
      }
    }
    // Reset now: an unfinished statement keeps its read transaction (an old snapshot) open.
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE) throw StorageError(std::string("sqlite: ") + sqlite3_errmsg(db_));
    result.changed = sqlite3_changes(db_);
    return result;
  }

 private:
  // A cached prepared statement, reset and with its bindings cleared.
  sqlite3_stmt* prepare(const std::string& sql) {
    auto it = statements_.find(sql);
    if (it == statements_.end()) {
      sqlite3_stmt* stmt = nullptr;
      if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) !=
          SQLITE_OK) {
        throw StorageError(std::string("sqlite: prepare: ") + sqlite3_errmsg(db_));
      }
      it = statements_.emplace(sql, stmt).first;
    }
    sqlite3_reset(it->second);
    sqlite3_clear_bindings(it->second);
    return it->second;
  }

  sqlite3* db_ = nullptr;
  std::map<std::string, sqlite3_stmt*, std::less<>> statements_;
};

class SqliteStorage final : public Storage {
 public:
  SqliteStorage(const std::string& path, int readers) : writer_(path) {
    in_write_transaction([&] { sql::ensure_schema(writer_, "INTEGER PRIMARY KEY"); });
    for (int i = 0; i < std::max(1, readers); ++i)
      readers_.push_back(std::make_unique<Connection>(path));
  }

  // Group commit: the first waiting thread becomes the writer and commits every insert
  // queued so far in one transaction (one WAL append instead of one per report); the
  // others wait for their result. Nobody is answered before the commit that holds it.
  InsertResult insert(const StoredReport& report) override {
    PendingInsert mine{&report, {}, nullptr, false};
    std::unique_lock lock(queue_mutex_);
    pending_.push_back(&mine);
    queue_cv_.wait(lock, [&] { return mine.done || !writer_busy_; });
    if (!mine.done) {
      std::vector<PendingInsert*> batch;
      batch.swap(pending_);
      writer_busy_ = true;
      lock.unlock();
      commit_batch(batch);
      lock.lock();
      for (PendingInsert* p : batch) p->done = true;
      writer_busy_ = false;
      queue_cv_.notify_all();
    }
    if (mine.error) std::rethrow_exception(mine.error);
    return mine.result;
  }

  void insert_bulk(const std::vector<StoredReport>& reports) override {
    in_write_transaction([&] {
      StatsDeltas deltas;
      for (const auto& report : reports) sql::insert_report(writer_, report, deltas);
      sql::write_stats(writer_, deltas, 0);
    });
  }

  std::vector<StoredReport> find_by_code(const std::string& code) override {
    return read([&](Connection& c) { return sql::find_reports(c, "code", code); });
  }
  std::vector<StoredReport> find_paired(const std::string& primary_code,
                                        const std::string& proof) override {
    return read([&](Connection& c) {
      return sql::find_reports(c, "pair_code", primary_code, sql::pair_proof_field(proof));
    });
  }
  ReportPage search(const ReportQuery& query) override {
    return read([&](Connection& c) { return sql::search(c, query); });
  }
  StatsResult stats(StatsDimension dimension, std::int64_t min_group) override {
    return read([&](Connection& c) { return sql::stats(c, dimension, min_group); });
  }
  StorageUsage usage() override {
    return read([&](Connection& c) { return sql::usage(c); });
  }
  std::int64_t count() override { return usage().reports; }
  std::string backend_name() const override { return "sqlite"; }

 private:
  struct PendingInsert {
    const StoredReport* report;
    InsertResult result;
    std::exception_ptr error;
    bool done;
  };

  // Runs `body` on a reader connection borrowed from the pool.
  template <typename F>
  std::invoke_result_t<F, Connection&> read(F&& body) {
    std::unique_ptr<Connection> conn;
    {
      std::unique_lock lock(pool_mutex_);
      pool_cv_.wait(lock, [&] { return !readers_.empty(); });
      conn = std::move(readers_.back());
      readers_.pop_back();
    }
    struct GiveBack {
      SqliteStorage& owner;
      std::unique_ptr<Connection>& conn;
      ~GiveBack() {
        {
          std::lock_guard lock(owner.pool_mutex_);
          owner.readers_.push_back(std::move(conn));
        }
        owner.pool_cv_.notify_one();
      }
    } give_back{*this, conn};
    return body(*conn);
  }

  template <typename F>
  void in_write_transaction(F&& body) {
    std::lock_guard lock(write_mutex_);
    writer_.exec("BEGIN IMMEDIATE");
    try {
      body();
      writer_.exec("COMMIT");
    } catch (...) {
      rollback();
      throw;
    }
  }

  // One transaction for the batch; a failure fails every insert in it (each answers 503
  // and the uploader retries), so nothing is acknowledged that was not committed.
  void commit_batch(const std::vector<PendingInsert*>& batch) noexcept {
    try {
      in_write_transaction([&] {
        StatsDeltas deltas;
        for (PendingInsert* p : batch) p->result = sql::insert_report(writer_, *p->report, deltas);
        sql::write_stats(writer_, deltas, 0);  // one writer: one shard
      });
    } catch (...) {
      const auto error = std::current_exception();
      for (PendingInsert* p : batch) p->error = error;
    }
  }

  void rollback() noexcept {
    try {
      writer_.exec("ROLLBACK");
    } catch (...) {  // the transaction may already be gone; nothing else to undo
    }
  }

  std::mutex queue_mutex_;
  std::condition_variable queue_cv_;
  std::vector<PendingInsert*> pending_;
  bool writer_busy_ = false;
  std::mutex write_mutex_;
  Connection writer_;
  std::mutex pool_mutex_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<Connection>> readers_;
};

}  // namespace

std::unique_ptr<Storage> open_sqlite_storage(const std::string& path, int readers) {
  return std::make_unique<SqliteStorage>(path, readers);
}

}  // namespace examready::server
