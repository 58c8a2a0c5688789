// PostgreSQL backend. Each pooled connection prepares a statement the first time it runs a
// given SQL text; a broken connection is reset and its statements re-prepared. Several
// server instances may share one database: the schema is created under an advisory lock and
// aggregate rows are locked in a fixed order (StatsDeltas'), each connection in its own
// counter shard.
#include "server/pg_storage.h"

#include <libpq-fe.h>

#include <condition_variable>
#include <map>
#include <mutex>
#include <type_traits>

#include "core/entropy.h"
#include "server/schema_sql.h"
#include "server/sql_storage.h"

namespace examready::server {
namespace {

using ResultPtr = std::unique_ptr<PGresult, decltype(&PQclear)>;

class PgConnection final : public SqlConnection {
 public:
  explicit PgConnection(const std::string& conninfo) : conn_(PQconnectdb(conninfo.c_str())) {
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string message = PQerrorMessage(conn_);
      PQfinish(conn_);
      throw StorageError("postgresql: cannot connect: " + message);
    }
    // "relation already exists, skipping" on every start is not worth a line on stderr.
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
  }
  ~PgConnection() override { PQfinish(conn_); }
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  int shard = 0;  // this connection's stats counter shard

  void exec(const std::string& sql) override {
    check(ResultPtr(PQexec(conn_, sql.c_str()), PQclear), sql);
  }

  SqlResult run(const std::string& sql, const std::vector<std::string>& params) override {
    auto it = prepared_.find(sql);
    if (it == prepared_.end()) {
      const std::string name = "s" + std::to_string(prepared_.size());
      check(ResultPtr(PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr), PQclear), sql);
      it = prepared_.emplace(sql, name).first;
    }
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p.c_str());
    ResultPtr r(PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(values.size()),
                               values.data(), nullptr, nullptr, 0),
                PQclear);
    check(r, sql);
    SqlResult result;
    const int rows = PQntuples(r.get()), columns = PQnfields(r.get());
    for (int row = 0; row < rows; ++row) {
      auto& out = result.rows.emplace_back();
      for (int c = 0; c < columns; ++c) {
        if (PQgetisnull(r.get(), row, c)) {
          out.emplace_back(std::nullopt);
        } else {
          out.emplace_back(std::string(PQgetvalue(r.get(), row, c),
                                       static_cast<std::size_t>(PQgetlength(r.get(), row, c))));
        }
      }
    }
    const char* changed = PQcmdTuples(r.get());
    result.changed = changed && *changed ? std::stoll(changed) : 0;
    return result;
  }

  // After a failure: a dead connection is reset (its prepared statements are gone),
  // a live one may be inside an aborted transaction.
  void recover() noexcept {
    if (PQstatus(conn_) == CONNECTION_BAD) {
      PQreset(conn_);
      prepared_.clear();
      return;
    }
    if (PQtransactionStatus(conn_) != PQTRANS_IDLE) PQclear(PQexec(conn_, "ROLLBACK"));
  }

 private:
  void check(const ResultPtr& result, const std::string& sql) {
    const auto status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
    throw StorageError("postgresql: " + std::string(PQerrorMessage(conn_)) +
                       " in: " + sql.substr(0, 80));
  }

  PGconn* conn_;
  std::map<std::string, std::string, std::less<>> prepared_;
};

class PgStorage final : public Storage {
 public:
  PgStorage(const std::string& conninfo, int connections) {
    // Each connection adds to its own counter shard (schema_sql.h); instances behind one
    // load balancer start at random offsets, so their connections mostly differ too.
    const int base = static_cast<int>(core::random_word() % kStatsShards);
    for (int i = 0; i < std::max(1, connections); ++i) {
      pool_.push_back(std::make_unique<PgConnection>(conninfo));
      pool_.back()->shard = (base + i) % kStatsShards;
    }
    PgConnection& first = *pool_.front();
    // Instances behind a load balancer may start together: one creates the schema.
    first.exec("SELECT pg_advisory_lock(7275001)");
    try {
      first.exec("BEGIN");
      sql::ensure_schema(first, "BIGSERIAL PRIMARY KEY");
      first.exec("COMMIT");
    } catch (...) {
      first.recover();
      first.exec("SELECT pg_advisory_unlock(7275001)");
      throw;
    }
    first.exec("SELECT pg_advisory_unlock(7275001)");
  }

  InsertResult insert(const StoredReport& report) override {
    return in_transaction([&](PgConnection& conn) {
      StatsDeltas deltas;
      InsertResult result = sql::insert_report(conn, report, deltas);
      sql::write_stats(conn, deltas, conn.shard);
      return result;
    });
  }

  void insert_bulk(const std::vector<StoredReport>& reports) override {
    in_transaction([&](PgConnection& conn) {
      StatsDeltas deltas;
      for (const auto& report : reports) sql::insert_report(conn, report, deltas);
      sql::write_stats(conn, deltas, conn.shard);
      return 0;
    });
  }

  std::vector<StoredReport> find_by_code(const std::string& code) override {
    return with_connection([&](PgConnection& c) { return sql::find_reports(c, "code", code); });
  }
  std::vector<StoredReport> find_paired(const std::string& primary_code,
                                        const std::string& proof) override {
    return with_connection([&](PgConnection& c) {
      return sql::find_reports(c, "pair_code", primary_code, sql::pair_proof_field(proof));
    });
  }
  ReportPage search(const ReportQuery& query) override {
    return with_connection([&](PgConnection& c) { return sql::search(c, query); });
  }
  StatsResult stats(StatsDimension dimension, std::int64_t min_group) override {
    return with_connection([&](PgConnection& c) { return sql::stats(c, dimension, min_group); });
  }
  StorageUsage usage() override {
    return with_connection([&](PgConnection& c) { return sql::usage(c); });
  }
  std::int64_t count() override { return usage().reports; }
  std::string backend_name() const override { return "postgresql"; }

 private:
  template <typename F>
  std::invoke_result_t<F, PgConnection&> with_connection(F&& body) {
    std::unique_ptr<PgConnection> conn;
    {
      std::unique_lock lock(mutex_);
      cv_.wait(lock, [&] { return !pool_.empty(); });
      conn = std::move(pool_.back());
      pool_.pop_back();
    }
    auto give_back = [&] {
      {
        std::lock_guard lock(mutex_);
        pool_.push_back(std::move(conn));
      }
      cv_.notify_one();
    };
    try {
      auto result = body(*conn);
      give_back();
      return result;
    } catch (...) {
      conn->recover();
      give_back();
      throw;
    }
  }

  template <typename F>
  std::invoke_result_t<F, PgConnection&> in_transaction(F&& body) {
    return with_connection([&](PgConnection& conn) {
      conn.exec("BEGIN");
      auto result = body(conn);
      conn.exec("COMMIT");
      return result;
    });
  }

  std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<PgConnection>> pool_;
};

}  // namespace

std::unique_ptr<Storage> open_pg_storage(const std::string& conninfo, int connections) {
  return std::make_unique<PgStorage>(conninfo, connections);
}

}  // namespace examready::server
