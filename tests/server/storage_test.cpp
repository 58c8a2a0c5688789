// Storage backends directly: concurrent idempotent inserts, aggregates, bulk loads.
#include <libpq-fe.h>
#include <sqlite3.h>
#include <catch2/catch.hpp>

#include <thread>

#include "reports/ids.h"
#include "server/intake.h"
#include "tests/server/live_server.h"
#include "tests/server/report_factory.h"

using namespace examready::server;
using examready::test::ScratchDir;

namespace {

// Runs SQL on a backend's database behind the storage's back (a database as an older
// version of the collector left it).
void exec_sql(const std::string& url, const std::string& sql) {
  if (url.rfind("sqlite:", 0) == 0) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(url.substr(7).c_str(), &db) == SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    INFO((error ? error : ""));
    sqlite3_free(error);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
    return;
  }
  PGconn* conn = PQconnectdb(url.c_str());
  PGresult* result = PQexec(conn, sql.c_str());
  const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
  INFO(PQerrorMessage(conn));
  PQclear(result);
  PQfinish(conn);
  REQUIRE(ok);
}

StoredReport stored(const nlohmann::json& doc) {
  auto intake = intake_report(doc.dump(), Evaluator{}, "2026-11-24T08:00:00Z");
  REQUIRE(std::holds_alternative<StoredReport>(intake));
  return std::get<StoredReport>(intake);
}

}  // namespace

TEST_CASE("concurrent uploads of the same report store one row") {
  const std::string backend = GENERATE(as<std::string>{}, "sqlite", "postgresql");
  ScratchDir scratch;
  const std::string url = examready::test::backend_url(backend, scratch.path());
  if (url.empty()) return;
  auto storage = open_storage(url, 4);
  const StoredReport report = stored(examready::test::make_report());
  std::atomic<int> created{0}, replays{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 10; ++i) {
        const auto r = storage->insert(report);
        (r.status == InsertStatus::kCreated ? created : replays)++;
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(created == 1);
  CHECK(replays == 39);
  CHECK(storage->count() == 1);
  CHECK(storage->stats(StatsDimension::kBrand, 1).rows.at(0).reports == 1);
}

TEST_CASE("bulk load and the aggregate tables agree") {
  const std::string backend = GENERATE(as<std::string>{}, "sqlite", "postgresql");
  ScratchDir scratch;
  const std::string url = examready::test::backend_url(backend, scratch.path());
  if (url.empty()) return;
  auto storage = open_storage(url, 2);
  std::vector<StoredReport> batch;
  for (int i = 0; i < 300; ++i) {
    // M2003J15SC is a Redmi 10X 4G in the device database, PFFM10 an OPPO Find X5.
    StoredReport r = stored(examready::test::make_report(
        {i % 3 ? "xiaomi" : "oppo", i % 3 ? "M2003J15SC" : "PFFM10", "android", "13"}));
    r.columns.verdict = i % 2 ? "ready" : "not_ready";
    if (i % 2 == 0) r.columns.failed_rules = {"camera.resolution", "storage.free"};
    batch.push_back(std::move(r));
  }
  storage->insert_bulk(batch);
  storage->insert_bulk(batch);  // existing ids are skipped
  CHECK(storage->count() == 300);
  const auto brands = storage->stats(StatsDimension::kBrand, 5);
  REQUIRE(brands.rows.size() == 2);
  CHECK(brands.rows[0].key == "redmi");
  CHECK(brands.rows[0].reports == 200);
  CHECK(brands.rows[1].key == "oppo");
  CHECK(brands.rows[0].ready + brands.rows[0].not_ready == 200);
  const auto rules = storage->stats(StatsDimension::kRule, 5);
  REQUIRE(rules.rows.size() == 2);
  CHECK(rules.rows[0].reports == 150);
  CHECK(rules.rows[0].not_ready == 150);
  CHECK(stats_keys(batch[0].columns, batch[0].stats).front().first == "all");
  // Failure clusters: model x failed rule. Reports 2, 4, 8, 10... are Redmi 10X 4G failures
  // (100), 0, 6, 12... OPPO Find X5 ones (50).
  const auto clusters = storage->stats(StatsDimension::kModelRule, 5);
  REQUIRE(clusters.rows.size() == 4);
  CHECK(clusters.rows[0].reports == 100);
  CHECK(split_cluster_key(*clusters.rows[0].key).first == "Redmi 10X 4G");
  CHECK(clusters.rows[2].reports == 50);
  CHECK(split_cluster_key(*clusters.rows[2].key) ==
        std::pair<std::string, std::string>("OPPO Find X5", "camera.resolution"));
}

TEST_CASE("counters written from many connections add up across their shards") {
  const std::string backend = GENERATE(as<std::string>{}, "sqlite", "postgresql");
  ScratchDir scratch;
  const std::string url = examready::test::backend_url(backend, scratch.path());
  if (url.empty()) return;
  auto storage = open_storage(url, 6);
  std::vector<StoredReport> reports;
  for (int i = 0; i < 120; ++i) {
    StoredReport r =
        stored(examready::test::make_report({"xiaomi", "M2003J15SC", "android", "13"}));
    r.columns.verdict = i % 3 ? "ready" : "not_ready";
    reports.push_back(std::move(r));
  }
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&, t] {
      for (std::size_t i = static_cast<std::size_t>(t); i < reports.size(); i += 6)
        storage->insert(reports[i]);
    });
  }
  for (auto& t : threads) t.join();
  CHECK(storage->count() == 120);
  const auto brands = storage->stats(StatsDimension::kBrand, 5);
  REQUIRE(brands.rows.size() == 1);
  CHECK(brands.total_reports == 120);
  CHECK(brands.rows[0].reports == 120);
  CHECK(brands.rows[0].ready == 80);
  CHECK(brands.rows[0].not_ready == 40);
  // The smallest group is judged on the sum of distinct devices over the shards, not on any
  // one shard's share (no shard holds more than ~20 of them here). Devices are tracked up to
  // kMaxTrackedDevices = 100 per group: concurrent PostgreSQL writers may count a few past
  // it, which no --min-group (at most 100) can tell apart.
  CHECK(storage->stats(StatsDimension::kBrand, 100).rows.size() == 1);
}

TEST_CASE("statistics of an older layout are rebuilt from the stored reports") {
  const std::string backend = GENERATE(as<std::string>{}, "sqlite", "postgresql");
  ScratchDir scratch;
  const std::string url = examready::test::backend_url(backend, scratch.path());
  if (url.empty()) return;
  // A database as the collector before canonical statistics left it: free-text keys in
  // report_stats (or stats_counters without device counts), reports in their table.
  {
    auto storage = open_storage(url, 1);
    for (int i = 0; i < 6; ++i) {
      storage->insert(stored(examready::test::make_report({"oppo", "PFFM10", "android", "13"})));
    }
  }
  exec_sql(url,
           "DROP TABLE stats_counters; DROP TABLE stats_devices; DELETE FROM collector_meta; "
           "CREATE TABLE report_stats (dim TEXT NOT NULL, key TEXT NOT NULL, reports BIGINT NOT "
           "NULL, ready BIGINT NOT NULL, warnings BIGINT NOT NULL, not_ready BIGINT NOT NULL, "
           "incomplete BIGINT NOT NULL, unevaluated BIGINT NOT NULL, PRIMARY KEY (dim, key)); "
           "INSERT INTO report_stats VALUES ('all', '', 7, 4, 0, 3, 0, 0), "
           "('brand', '=HYPERLINK(\"x\")', 7, 4, 0, 3, 0, 0)");
  {
    auto storage = open_storage(url, 2);
    CHECK(storage->count() == 6);  // the reports, not the old table's claim
    storage->insert(stored(examready::test::make_report({"oppo", "PFFM10", "android", "13"})));
    const auto brands = storage->stats(StatsDimension::kBrand, 5);
    REQUIRE(brands.rows.size() == 1);
    CHECK(brands.rows[0].key == "oppo");
    CHECK(brands.rows[0].reports == 7);
  }
  // Rebuilt once: opening again changes nothing.
  auto again = open_storage(url, 2);
  CHECK(again->count() == 7);
  CHECK(again->stats(StatsDimension::kBrand, 5).rows.at(0).reports == 7);
}
