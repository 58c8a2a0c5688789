// Report ids, short codes, device-id hashes and timestamps.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "core/sha256.h"
#include "reports/ids.h"

using namespace examready;
using namespace examready::reports;

TEST_CASE("report ids are 128 random bits in 22 URL-safe characters") {
  std::set<std::string> seen;
  const std::regex url_safe("^[A-Za-z0-9_-]{22}$");
  for (int i = 0; i < 1000; ++i) {
    auto id = new_report_id();
    CHECK(std::regex_match(id, url_safe));
    seen.insert(id);
  }
  CHECK(seen.size() == 1000);
}

TEST_CASE("short codes are stable, unambiguous and tolerant when typed") {
  const std::string id = "q0Jx3bYwq1mPZ7d9Vh2s4A";
  const std::string code = short_code(id);
  CHECK(code == short_code(id));
  CHECK(std::regex_match(code, std::regex("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")));
  CHECK(normalize_code(code) == code);

  std::string typed = code;
  typed.erase(4, 1);
  for (auto& c : typed) c = static_cast<char>(std::tolower(c));
  CHECK(normalize_code(typed) == code);
  CHECK(normalize_code("oIL2-m9xd") == "0112-M9XD");
  CHECK_FALSE(normalize_code("7KQ2-M9X"));    // too short
  CHECK_FALSE(normalize_code("7KQ2-M9XU"));   // U is not in the alphabet
  CHECK_FALSE(normalize_code("7KQ2-M9XD1"));  // too long
}

TEST_CASE("codes of different ids differ (40 bits: no collision among 10,000)") {
  std::set<std::string> codes;
  for (int i = 0; i < 10000; ++i) codes.insert(short_code(new_report_id()));
  CHECK(codes.size() == 10000);
}

TEST_CASE("device ids are salted hashes, never the raw id") {
  const std::string machine_id = "4f1c2e0d9b8a4c3e8f7a6b5c4d3e2f10";
  const std::string secret = new_installation_secret();
  CHECK(secret.size() == 64);
  CHECK(secret != new_installation_secret());
  auto hashed = device_id_hash(machine_id, secret);
  CHECK(hashed.size() == 32);
  CHECK(hashed != machine_id);
  CHECK(hashed != core::sha256_hex(machine_id).substr(0, 32));  // salted
  CHECK(hashed == device_id_hash(machine_id, secret));
  // Someone who knows the serial but not this installation's secret cannot find it.
  CHECK(hashed != device_id_hash(machine_id, new_installation_secret()));
  CHECK(core::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("UTC timestamps round-trip") {
  auto parsed = parse_utc("2026-11-24T08:30:05Z");
  REQUIRE(parsed);
  CHECK(format_utc(*parsed) == "2026-11-24T08:30:05Z");
  CHECK_FALSE(parse_utc("2026-11-24 08:30:05"));
  CHECK_FALSE(parse_utc("2026-11-24T08:30:05+08:00"));
  CHECK(format_utc(*parse_utc("2026-11-24T08:30:05.123456789Z")) == "2026-11-24T08:30:05Z");
  CHECK_FALSE(parse_utc("2026-11-24T08:30:05.Z"));
  CHECK_FALSE(parse_utc("2026-11-24T08:30:05.1234567890Z"));
  CHECK_FALSE(parse_utc("2026-11-24T08:30:05 garbage Z"));
  CHECK_FALSE(parse_utc("2026-11-24T08:30:05"));
}

// Found by fuzzing: year 226 overflowed system_clock's 64-bit nanoseconds (undefined behaviour
// in std::chrono, reachable from /v1/stats?since=).
TEST_CASE("UTC timestamps outside 1970-2200 are refused") {
  CHECK_FALSE(parse_utc("0226-11-24T08:30:00Z"));
  CHECK_FALSE(parse_utc("9999-12-31T23:59:59Z"));
  CHECK_FALSE(parse_utc("1969-12-31T23:59:59Z"));
  CHECK(parse_utc("1970-01-01T00:00:00Z") == std::chrono::system_clock::time_point{});
  CHECK(format_utc(*parse_utc("2200-12-31T23:59:59Z")) == "2200-12-31T23:59:59Z");
}
