// examready-bulkload: writes N stored reports straight into a collector database (in
// batches, one transaction each) for benchmarks that need millions of rows, e.g.
// GET /v1/stats over 1,000,000 reports. Goes through Storage::insert_bulk, so the
// aggregate tables are maintained exactly as by uploads.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <random>

#include "core/sha256.h"
#include "reports/ids.h"
#include "rules/devices/device_db.h"
#include "server/intake.h"
#include "server/storage.h"
#include "tests/server/report_factory.h"

int main(int argc, char** argv) {
  CLI::App app{"Bulk-loads reports into a collector database", "examready-bulkload"};
  std::string db;
  int count = 1000000;
  int batch = 10000;
  app.add_option("--db", db)->required();
  app.add_option("--count", count)->check(CLI::Range(1, 100000000));
  app.add_option("--batch", batch)->check(CLI::Range(1, 1000000));
  CLI11_PARSE(app, argc, argv);

  using namespace examready;
  auto storage = server::open_storage(db, 1);
  std::mt19937 random(42);
  // Real models of the device database: /v1/stats groups by its canonical names.
  std::vector<const examready::devices::DeviceRecord*> devices;
  for (const auto& record : examready::devices::DeviceDb::shipped().records()) {
    if (!record.model_codes.empty()) devices.push_back(&record);  // some rows know codenames only
  }
  const char* verdicts[] = {"ready",    "ready",     "ready",     "warnings",
                            "warnings", "not_ready", "incomplete"};
  const char* rules[] = {
      "xyb.os-version", "xyb.recent-model", "storage.free", "battery.charged",
      "network.stable", "xyb.price-tier",   "xyb.camera"};  // ids from rules/sets
  // One template report; only ids and the indexed facts vary (the body is a real report).
  const auto start = std::chrono::steady_clock::now();
  std::vector<server::StoredReport> rows;
  for (int i = 0; i < count; ++i) {
    // Half the reports come from 20 popular models, as in a real intake (and so that the
    // stats page has model x rule clusters of at least 5 devices to show).
    const std::size_t pick = random() % 2 ? random() % 20 : random() % devices.size();
    const auto& device = *devices[pick * 7919 % devices.size()];
    const std::string os_version =
        std::to_string(10 + random() % 5) + "." + std::to_string(random() % 2);
    auto doc = test::make_report({device.brand, device.model_codes.front(),
                                  device.brand == "apple" ? "ios" : "android", os_version});
    // Straight to the stored form (the factory's reports are valid; validating a million
    // of them would measure valijson, not the database).
    server::StoredReport row;
    row.body = doc.dump();
    row.columns = server::index_columns(doc);
    row.columns.body_hash = core::sha256_hex(row.body);
    row.stats = server::stats_facts(doc);
    row.columns.received_at = reports::utc_now();
    row.columns.verdict = verdicts[random() % std::size(verdicts)];
    if (row.columns.verdict != "ready") {
      row.columns.failed_rules.push_back(rules[random() % std::size(rules)]);
      if (random() % 3 == 0) row.columns.failed_rules.push_back(rules[random() % std::size(rules)]);
      std::sort(row.columns.failed_rules.begin(), row.columns.failed_rules.end());
      row.columns.failed_rules.erase(
          std::unique(row.columns.failed_rules.begin(), row.columns.failed_rules.end()),
          row.columns.failed_rules.end());
    }
    rows.push_back(std::move(row));
    if (static_cast<int>(rows.size()) == batch || i + 1 == count) {
      storage->insert_bulk(rows);
      rows.clear();
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("bulk-loaded %d reports in %.1f s (%.0f rows/s); stored now: %lld\n", count, seconds,
              count / seconds, static_cast<long long>(storage->count()));
  return 0;
}
