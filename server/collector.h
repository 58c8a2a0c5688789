// The collector's endpoints: uploads, helpdesk lookups, public statistics, pages, health and
// metrics, as routes of the HTTP front (server/http/). Per-client rate limits, the disk
// budget and the pairing check live here; the front owns connections and bodies.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "server/devices_route.h"
#include "server/http/router.h"
#include "server/http/server.h"
#include "server/intake.h"
#include "server/metrics.h"
#include "server/rate_limiter.h"
#include "server/storage.h"
#include "server/storage_budget.h"
#include "server/tokens.h"
#include "server/web_routes.h"

namespace examready::server {

// Per client address (a whole classroom behind NAT is one address: generous on purpose).
// Values and reasons: docs/SECURITY.md.
struct UploadLimits {
  double reports_burst = 120;  // uploads at once
  double reports_per_second = 1;
  double stored_bytes_burst = 32 << 20;  // bytes of stored reports at once
  double stored_bytes_per_second = (32 << 20) / 3600.0;
  double auth_failures_burst = 20;  // wrong helpdesk tokens before 429
  double auth_failures_per_second = 1.0 / 3;
  std::int64_t max_stored_reports = 10'000'000;  // the disk budget; 0: none
  std::int64_t max_stored_bytes = 20ll << 30;
};

struct CollectorOptions {
  std::size_t max_body_bytes = 1 << 20;      // the compressed body and the decompressed report
  std::chrono::seconds report_deadline{30};  // the whole upload body
  std::int64_t min_group = 5;                // k-anonymity of /v1/stats, in distinct devices
  bool access_log = true;                    // one JSON line per request on stderr
  std::string rules_id;  // shown by /healthz; empty when the server has no rules
  WebCheckRules web_check;  // the sets the web check may evaluate with
  std::shared_ptr<const ServedDevices> devices;  // GET /v1/devices; null: not served
  UploadLimits limits;
};

class Collector {
 public:
  // `restore` puts back the rule texts the evaluator left out of stored reports (may be empty).
  Collector(CollectorOptions options, Storage& storage, TokenStore tokens, Evaluator evaluate,
            std::function<void(nlohmann::json& evaluation)> restore = {});
  Collector(const Collector&) = delete;
  Collector& operator=(const Collector&) = delete;

  void add_routes(http::Router& router);
  // The front's per-request record: metrics, and the access log line.
  void log_request(const http::RequestRecord& record);

 private:
  http::Response post_report(http::Request& req);
  http::Response get_report(const http::Request& req);
  http::Response search_reports(const http::Request& req);
  http::Response get_stats(const http::Request& req);
  http::Response healthz();
  http::Response metrics();
  // A report and its pair as the helpdesk reads them.
  nlohmann::json full_json(const StoredReport& report) const;
  nlohmann::json pair_json(const StoredReport& report, const nlohmann::json& document) const;
  // A refusal (401, 403, 429) or nullopt when the request carries a helpdesk token.
  std::optional<http::Response> authorize_helpdesk(const http::Request& req);
  // 403 when the primary is stored and the proof does not match it.
  std::optional<http::Response> check_pair(const StoredReport& report);
  // The answer (200 or 409) when a report with this id is already stored, else nullopt.
  std::optional<http::Response> answer_replay(const StoredReport& report);
  // 201, 200 or 409 for what storing `report` did.
  static http::Response insert_answer(const StoredReport& report, const InsertResult& result);

  CollectorOptions options_;
  Storage& storage_;
  TokenStore tokens_;
  Evaluator evaluate_;
  std::function<void(nlohmann::json& evaluation)> restore_;
  Metrics metrics_;
  RateLimiter report_rate_, stored_bytes_rate_, auth_failures_;
  StorageBudget budget_;
};

// "Retry-After" with the client's wait, and the JSON error.
http::Response too_many_requests(RateLimiter& limiter, const std::string& client,
                                 std::string_view message, double cost = 1);

}  // namespace examready::server
