// Storage backends directly: concurrent idempotent inserts, aggregates, bulk loads.
#include <catch2/catch.hpp>
#include <thread>

#include "reports/ids.h"
#include "server/intake.h"
#include "tests/server/live_server.h"
#include "tests/server/report_factory.h"

using namespace examready::server;
using examready::test::ScratchDir;

namespace {

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
    StoredReport r =
        stored(examready::test::make_report({i % 3 ? "xiaomi" : "oppo", "X", "android", "13"}));
    r.columns.verdict = i % 2 ? "ready" : "not_ready";
    if (i % 2 == 0) r.columns.failed_rules = {"camera.resolution", "storage.free"};
    batch.push_back(std::move(r));
  }
  storage->insert_bulk(batch);
  storage->insert_bulk(batch);  // existing ids are skipped
  CHECK(storage->count() == 300);
  const auto brands = storage->stats(StatsDimension::kBrand, 5);
  REQUIRE(brands.rows.size() == 2);
  CHECK(brands.rows[0].key == "xiaomi");
  CHECK(brands.rows[0].reports == 200);
  CHECK(brands.rows[0].ready + brands.rows[0].not_ready == 200);
  const auto rules = storage->stats(StatsDimension::kRule, 5);
  REQUIRE(rules.rows.size() == 2);
  CHECK(rules.rows[0].reports == 150);
  CHECK(rules.rows[0].not_ready == 150);
  CHECK(stats_keys(batch[0].columns).front().first == "all");
}
