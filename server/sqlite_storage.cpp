// SQLite backend. Writes are serialized on one connection (SQLite has one writer anyway;
// queuing in-process is cheaper than SQLITE_BUSY retries); reads use a pool of
// connections, which WAL lets run next to the writer.
#include "server/sqlite_storage.h"

#include <sqlite3.h>

#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>

#include "server/schema_sql.h"

namespace examready::server {
namespace {

class Connection {
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
  ~Connection() {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close(db_);
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void exec(const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      std::string message = error ? error : "unknown error";
      sqlite3_free(error);
      throw StorageError("sqlite: " + message);
    }
  }

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

  // Steps once; true when a row is available.
  bool step(sqlite3_stmt* stmt) {
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw StorageError(std::string("sqlite: ") + sqlite3_errmsg(db_));
  }

  int changes() const { return sqlite3_changes(db_); }

  // An unfinished statement keeps its read transaction (and an old snapshot) open.
  void reset_all() {
    for (auto& [sql, stmt] : statements_) sqlite3_reset(stmt);
  }

 private:
  sqlite3* db_ = nullptr;
  std::map<std::string, sqlite3_stmt*, std::less<>> statements_;
};

void bind_text(sqlite3_stmt* stmt, int index, const std::string& text) {
  sqlite3_bind_text(stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

std::string column_text(sqlite3_stmt* stmt, int index) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, index));
  return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt, index))) : "";
}

ReportColumns read_columns(sqlite3_stmt* stmt) {
  ReportColumns c;
  c.report_id = column_text(stmt, 0);
  c.code = column_text(stmt, 1);
  c.body_hash = column_text(stmt, 2);
  c.created_at = column_text(stmt, 3);
  c.received_at = column_text(stmt, 4);
  c.verdict = column_text(stmt, 5);
  c.brand = column_text(stmt, 6);
  c.model = column_text(stmt, 7);
  c.os_family = column_text(stmt, 8);
  c.os_version = column_text(stmt, 9);
  c.role = column_text(stmt, 10);
  c.pair_code = column_text(stmt, 11);
  c.failed_rules = split_rules(column_text(stmt, 12));
  return c;
}

class SqliteStorage final : public Storage {
 public:
  SqliteStorage(const std::string& path, int readers) : path_(path), writer_(path) {
    writer_.exec("BEGIN IMMEDIATE");
    try {
      writer_.exec(schema_sql("INTEGER PRIMARY KEY"));
      sqlite3_stmt* old = writer_.prepare(
          "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'report_stats'");
      const bool migrate = writer_.step(old) && sqlite3_column_int64(old, 0) > 0;
      sqlite3_reset(old);
      if (migrate) writer_.exec(std::string(kMigrateReportStatsSql));
      writer_.exec("COMMIT");
    } catch (...) {
      rollback();
      throw;
    }
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
    std::lock_guard lock(write_mutex_);
    writer_.exec("BEGIN IMMEDIATE");
    try {
      StatsDeltas deltas;
      for (const auto& report : reports) insert_locked(report, deltas);
      add_to_stats(deltas);
      writer_.exec("COMMIT");
    } catch (...) {
      rollback();
      throw;
    }
  }

  std::vector<StoredReport> find_by_code(const std::string& code) override {
    return find_full("SELECT " + std::string(kReportColumns) +
                         " FROM reports WHERE code = ? ORDER BY id DESC LIMIT 10",
                     code);
  }

  std::vector<StoredReport> find_paired(const std::string& primary_code) override {
    return find_full(
        "SELECT " + std::string(kReportColumns) +
            " FROM reports WHERE pair_code = ? AND pair_code <> '' ORDER BY id DESC LIMIT 10",
        primary_code);
  }

  ReportPage search(const ReportQuery& query) override {
    std::string sql = "SELECT " + std::string(kSummaryColumns) + " FROM reports WHERE 1=1";
    std::vector<std::string> params;
    auto filter = [&](const std::string& value, const char* condition) {
      if (value.empty()) return;
      sql += condition;
      params.push_back(value);
    };
    filter(query.verdict, " AND verdict = ?");
    filter(query.brand, " AND brand = ?");
    filter(query.model, " AND model = ?");
    filter(query.since, " AND received_at >= ?");
    sql += " ORDER BY id DESC LIMIT ? OFFSET ?";
    Lease lease(*this);
    sqlite3_stmt* stmt = lease->prepare(sql);
    int index = 1;
    for (const auto& p : params) bind_text(stmt, index++, p);
    sqlite3_bind_int64(stmt, index++, query.limit + 1);
    sqlite3_bind_int64(stmt, index++, static_cast<sqlite3_int64>(query.page - 1) * query.limit);
    ReportPage page;
    while (lease->step(stmt)) page.items.push_back(read_columns(stmt));
    if (static_cast<int>(page.items.size()) > query.limit) {
      page.items.pop_back();
      page.has_more = true;
    }
    return page;
  }

  StatsResult stats(StatsDimension dimension, std::int64_t min_group) override {
    Lease lease(*this);
    StatsResult result;
    sqlite3_stmt* total = lease->prepare(std::string(kStatsTotalSql));
    if (lease->step(total)) result.total_reports = sqlite3_column_int64(total, 0);
    sqlite3_stmt* stmt = lease->prepare(std::string(kStatsGroupsSql));
    bind_text(stmt, 1, std::string(to_string(dimension)));
    sqlite3_bind_int64(stmt, 2, min_group);
    while (lease->step(stmt)) {
      StatsRow row;
      row.key = column_text(stmt, 0);
      row.reports = sqlite3_column_int64(stmt, 1);
      row.ready = sqlite3_column_int64(stmt, 2);
      row.warnings = sqlite3_column_int64(stmt, 3);
      row.not_ready = sqlite3_column_int64(stmt, 4);
      row.incomplete = sqlite3_column_int64(stmt, 5);
      row.unevaluated = sqlite3_column_int64(stmt, 6);
      result.rows.push_back(std::move(row));
    }
    return result;
  }

  std::int64_t count() override {
    Lease lease(*this);
    sqlite3_stmt* stmt = lease->prepare(std::string(kStatsTotalSql));
    return lease->step(stmt) ? sqlite3_column_int64(stmt, 0) : 0;
  }

  std::string backend_name() const override { return "sqlite"; }

 private:
  // A reader connection borrowed from the pool for one call.
  class Lease {
   public:
    explicit Lease(SqliteStorage& owner) : owner_(owner) {
      std::unique_lock lock(owner_.pool_mutex_);
      owner_.pool_cv_.wait(lock, [&] { return !owner_.readers_.empty(); });
      connection_ = std::move(owner_.readers_.back());
      owner_.readers_.pop_back();
    }
    ~Lease() {
      connection_->reset_all();
      {
        std::lock_guard lock(owner_.pool_mutex_);
        owner_.readers_.push_back(std::move(connection_));
      }
      owner_.pool_cv_.notify_one();
    }
    Connection* operator->() { return connection_.get(); }

   private:
    SqliteStorage& owner_;
    std::unique_ptr<Connection> connection_;
  };

  struct PendingInsert {
    const StoredReport* report;
    InsertResult result;
    std::exception_ptr error;
    bool done;
  };

  // One transaction for the batch; a failure fails every insert in it (each answers 503
  // and the uploader retries), so nothing is acknowledged that was not committed.
  void commit_batch(const std::vector<PendingInsert*>& batch) noexcept {
    std::lock_guard lock(write_mutex_);
    try {
      writer_.exec("BEGIN IMMEDIATE");
      StatsDeltas deltas;
      for (PendingInsert* p : batch) p->result = insert_locked(*p->report, deltas);
      add_to_stats(deltas);
      writer_.exec("COMMIT");
    } catch (...) {
      rollback();
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

  // Inserts the row; a new one adds its counts to `deltas` (written by add_to_stats).
  InsertResult insert_locked(const StoredReport& report, StatsDeltas& deltas) {
    const ReportColumns& c = report.columns;
    sqlite3_stmt* insert = writer_.prepare(
        "INSERT INTO reports (" + std::string(kReportColumns) +
        ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (report_id) DO NOTHING");
    const std::string values[] = {c.report_id,
                                  c.code,
                                  c.body_hash,
                                  c.created_at,
                                  c.received_at,
                                  c.verdict,
                                  c.brand,
                                  c.model,
                                  c.os_family,
                                  c.os_version,
                                  c.role,
                                  c.pair_code,
                                  join_rules(c.failed_rules),
                                  report.body};
    for (int i = 0; i < 14; ++i) bind_text(insert, i + 1, values[i]);
    writer_.step(insert);
    if (writer_.changes() == 1) {
      add_stats_delta(deltas, c);
      return {InsertStatus::kCreated, c.code, c.verdict};
    }
    sqlite3_stmt* existing =
        writer_.prepare("SELECT body_hash, code, verdict FROM reports WHERE report_id = ?");
    bind_text(existing, 1, c.report_id);
    if (!writer_.step(existing)) throw StorageError("sqlite: conflicting row vanished");
    InsertResult result;
    result.status =
        column_text(existing, 0) == c.body_hash ? InsertStatus::kReplay : InsertStatus::kConflict;
    result.code = column_text(existing, 1);
    result.verdict = column_text(existing, 2);
    sqlite3_reset(existing);
    return result;
  }

  void add_to_stats(const StatsDeltas& deltas) {
    sqlite3_stmt* upsert = writer_.prepare(std::string(kStatsUpsertSql));
    for (const auto& [key, counts] : deltas) {
      sqlite3_reset(upsert);
      bind_text(upsert, 1, key.first);
      bind_text(upsert, 2, key.second);
      sqlite3_bind_int(upsert, 3, 0);  // one writer: one shard
      for (int i = 0; i < 6; ++i) sqlite3_bind_int64(upsert, 4 + i, counts[i]);
      writer_.step(upsert);
    }
  }

  std::vector<StoredReport> find_full(const std::string& sql, const std::string& param) {
    Lease lease(*this);
    sqlite3_stmt* stmt = lease->prepare(sql);
    bind_text(stmt, 1, param);
    std::vector<StoredReport> found;
    while (lease->step(stmt)) found.push_back({read_columns(stmt), column_text(stmt, 13)});
    return found;
  }

  std::string path_;
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
