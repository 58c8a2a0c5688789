// PostgreSQL backend. Each pooled connection prepares a statement the first time it
// runs a given SQL text; a broken connection is reset and its statements re-prepared.
// Several server instances may share one database: the schema is created under an
// advisory lock and aggregate rows are locked in a fixed order (StatsDeltas'), each
// connection in its own counter shard.
#include "server/pg_storage.h"

#include <libpq-fe.h>

#include <condition_variable>
#include <map>
#include <mutex>
#include <random>
#include <type_traits>

#include "server/schema_sql.h"

namespace examready::server {
namespace {

using ResultPtr = std::unique_ptr<PGresult, decltype(&PQclear)>;

class PgConnection {
 public:
  explicit PgConnection(const std::string& conninfo) : conn_(PQconnectdb(conninfo.c_str())) {
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string message = PQerrorMessage(conn_);
      PQfinish(conn_);
      throw StorageError("postgresql: cannot connect: " + message);
    }
  }
  ~PgConnection() { PQfinish(conn_); }

  int shard = 0;  // this connection's stats counter shard
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  void exec(const std::string& sql) { check(ResultPtr(PQexec(conn_, sql.c_str()), PQclear), sql); }

  // Runs a statement prepared on this connection (prepared on first use).
  ResultPtr run(const std::string& sql, const std::vector<std::string>& params) {
    auto it = prepared_.find(sql);
    if (it == prepared_.end()) {
      const std::string name = "s" + std::to_string(prepared_.size());
      check(ResultPtr(PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr), PQclear), sql);
      it = prepared_.emplace(sql, name).first;
    }
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p.c_str());
    ResultPtr result(PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(values.size()),
                                    values.data(), nullptr, nullptr, 0),
                     PQclear);
    check(result, sql);
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
    if (PQtransactionStatus(conn_) != PQTRANS_IDLE) {
      PQclear(PQexec(conn_, "ROLLBACK"));
    }
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

std::string value(const ResultPtr& r, int row, int column) {
  return PQgetisnull(r.get(), row, column)
             ? ""
             : std::string(PQgetvalue(r.get(), row, column),
                           static_cast<std::size_t>(PQgetlength(r.get(), row, column)));
}

std::int64_t int_value(const ResultPtr& r, int row, int column) {
  return std::stoll(value(r, row, column));
}

ReportColumns read_columns(const ResultPtr& r, int row) {
  ReportColumns c;
  c.report_id = value(r, row, 0);
  c.code = value(r, row, 1);
  c.body_hash = value(r, row, 2);
  c.created_at = value(r, row, 3);
  c.received_at = value(r, row, 4);
  c.verdict = value(r, row, 5);
  c.brand = value(r, row, 6);
  c.model = value(r, row, 7);
  c.os_family = value(r, row, 8);
  c.os_version = value(r, row, 9);
  c.role = value(r, row, 10);
  c.pair_code = value(r, row, 11);
  c.failed_rules = split_rules(value(r, row, 12));
  return c;
}

const std::string kInsertSql = "INSERT INTO reports (" + std::string(kReportColumns) +
                               ") VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14) "
                               "ON CONFLICT (report_id) DO NOTHING RETURNING id";

class PgStorage final : public Storage {
 public:
  PgStorage(const std::string& conninfo, int connections) {
    // Each connection adds to its own counter shard (schema_sql.h); instances behind one
    // load balancer start at random offsets, so their connections mostly differ too.
    const int base = static_cast<int>(std::random_device{}() % kStatsShards);
    for (int i = 0; i < std::max(1, connections); ++i) {
      pool_.push_back(std::make_unique<PgConnection>(conninfo));
      pool_.back()->shard = (base + i) % kStatsShards;
    }
    PgConnection& first = *pool_.front();
    // Instances behind a load balancer may start together: one creates the schema.
    first.exec("SELECT pg_advisory_lock(7275001)");
    try {
      first.exec("BEGIN");
      first.exec(schema_sql("BIGSERIAL PRIMARY KEY"));
      ResultPtr old = first.run("SELECT to_regclass('report_stats') IS NOT NULL", {});
      if (value(old, 0, 0) == "t") first.exec(std::string(kMigrateReportStatsSql));
      first.exec("COMMIT");
    } catch (...) {
      first.recover();
      first.exec("SELECT pg_advisory_unlock(7275001)");
      throw;
    }
    first.exec("SELECT pg_advisory_unlock(7275001)");
  }

  InsertResult insert(const StoredReport& report) override {
    return with_connection([&](PgConnection& conn) {
      StatsDeltas deltas;
      conn.exec("BEGIN");
      InsertResult result = insert_in(conn, report, deltas);
      add_to_stats(conn, deltas);
      conn.exec("COMMIT");
      return result;
    });
  }

  void insert_bulk(const std::vector<StoredReport>& reports) override {
    with_connection([&](PgConnection& conn) {
      StatsDeltas deltas;
      conn.exec("BEGIN");
      for (const auto& report : reports) insert_in(conn, report, deltas);
      add_to_stats(conn, deltas);
      conn.exec("COMMIT");
      return 0;
    });
  }

  std::vector<StoredReport> find_by_code(const std::string& code) override {
    return find_full("SELECT " + std::string(kReportColumns) +
                         " FROM reports WHERE code = $1 ORDER BY id DESC LIMIT 10",
                     code);
  }

  std::vector<StoredReport> find_paired(const std::string& primary_code) override {
    return find_full(
        "SELECT " + std::string(kReportColumns) +
            " FROM reports WHERE pair_code = $1 AND pair_code <> '' ORDER BY id DESC LIMIT 10",
        primary_code);
  }

  ReportPage search(const ReportQuery& query) override {
    std::string sql = "SELECT " + std::string(kSummaryColumns) + " FROM reports WHERE TRUE";
    std::vector<std::string> params;
    auto filter = [&](const std::string& v, const char* column, const char* op) {
      if (v.empty()) return;
      params.push_back(v);
      sql += std::string(" AND ") + column + op + "$" + std::to_string(params.size());
    };
    filter(query.verdict, "verdict", " = ");
    filter(query.brand, "brand", " = ");
    filter(query.model, "model", " = ");
    filter(query.since, "received_at", " >= ");
    params.push_back(std::to_string(query.limit + 1));
    sql += " ORDER BY id DESC LIMIT $" + std::to_string(params.size());
    params.push_back(std::to_string(static_cast<std::int64_t>(query.page - 1) * query.limit));
    sql += " OFFSET $" + std::to_string(params.size());
    return with_connection([&](PgConnection& conn) {
      ResultPtr r = conn.run(sql, params);
      ReportPage page;
      for (int row = 0; row < PQntuples(r.get()); ++row) page.items.push_back(read_columns(r, row));
      if (static_cast<int>(page.items.size()) > query.limit) {
        page.items.pop_back();
        page.has_more = true;
      }
      return page;
    });
  }

  StatsResult stats(StatsDimension dimension, std::int64_t min_group) override {
    return with_connection([&](PgConnection& conn) {
      StatsResult result;
      ResultPtr total = conn.run(std::string(kStatsTotalSql), {});
      if (PQntuples(total.get()) == 1) result.total_reports = int_value(total, 0, 0);
      ResultPtr r = conn.run(std::string(kStatsGroupsSql),
                             {std::string(to_string(dimension)), std::to_string(min_group)});
      for (int row = 0; row < PQntuples(r.get()); ++row) {
        StatsRow s;
        s.key = value(r, row, 0);
        s.reports = int_value(r, row, 1);
        s.ready = int_value(r, row, 2);
        s.warnings = int_value(r, row, 3);
        s.not_ready = int_value(r, row, 4);
        s.incomplete = int_value(r, row, 5);
        s.unevaluated = int_value(r, row, 6);
        result.rows.push_back(std::move(s));
      }
      return result;
    });
  }

  std::int64_t count() override {
    return with_connection([&](PgConnection& conn) -> std::int64_t {
      ResultPtr r = conn.run(std::string(kStatsTotalSql), {});
      return PQntuples(r.get()) == 1 ? int_value(r, 0, 0) : 0;
    });
  }

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

  // Inserts the row; a new one adds its counts to `deltas` (written by add_to_stats).
  InsertResult insert_in(PgConnection& conn, const StoredReport& report, StatsDeltas& deltas) {
    const ReportColumns& c = report.columns;
    ResultPtr inserted =
        conn.run(kInsertSql, {c.report_id, c.code, c.body_hash, c.created_at, c.received_at,
                              c.verdict, c.brand, c.model, c.os_family, c.os_version, c.role,
                              c.pair_code, join_rules(c.failed_rules), report.body});
    if (PQntuples(inserted.get()) == 1) {
      add_stats_delta(deltas, c);
      return {InsertStatus::kCreated, c.code, c.verdict};
    }
    ResultPtr existing = conn.run(
        "SELECT body_hash, code, verdict FROM reports WHERE report_id = $1", {c.report_id});
    if (PQntuples(existing.get()) != 1) throw StorageError("postgresql: conflicting row vanished");
    InsertResult result;
    result.status =
        value(existing, 0, 0) == c.body_hash ? InsertStatus::kReplay : InsertStatus::kConflict;
    result.code = value(existing, 0, 1);
    result.verdict = value(existing, 0, 2);
    return result;
  }

  // In the connection's own shard, in the map's order (the same for every transaction).
  void add_to_stats(PgConnection& conn, const StatsDeltas& deltas) {
    for (const auto& [key, counts] : deltas) {
      std::vector<std::string> params = {key.first, key.second, std::to_string(conn.shard)};
      for (std::int64_t n : counts) params.push_back(std::to_string(n));
      conn.run(std::string(kStatsUpsertSql), params);
    }
  }

  std::vector<StoredReport> find_full(const std::string& sql, const std::string& param) {
    return with_connection([&](PgConnection& conn) {
      ResultPtr r = conn.run(sql, {param});
      std::vector<StoredReport> found;
      for (int row = 0; row < PQntuples(r.get()); ++row)
        found.push_back({read_columns(r, row), value(r, row, 13)});
      return found;
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
