// exam.video_bytes = bitrate/8 x attempt length x attempts x subjects (what the phone stores);
// exam.upload_minutes[_worst] = submitted bytes / measured (conservative) upload rate.
#include "rules/derived.h"

#include <cmath>

namespace examready::rules {
namespace {

const core::Value* get(const MetricValues& values, core::MetricId id) {
  return values[static_cast<std::size_t>(id)];
}

double number(const core::Value* value) {
  if (!value) return 0;
  if (const auto* d = std::get_if<double>(value)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(value)) return static_cast<double>(*i);
  return 0;
}

}  // namespace

std::vector<core::Measurement> derive_exam_metrics(const RuleSet& rules,
                                                    const MetricValues& values) {
  std::vector<core::Measurement> derived;
  const ExamVolume& exam = rules.exam;
  if (!exam.declared) return derived;
  double bitrate_bps = number(get(values, core::MetricId::kEncoderBitrateBps));
  std::string source = "derived:encoder.bitrate_bps";
  if (!(bitrate_bps > 0)) {
    bitrate_bps = exam.assumed_bitrate_bps;
    source = "derived:exam.assumed_bitrate";
  }
  if (!(bitrate_bps > 0)) return derived;
  const double attempt_bytes = bitrate_bps / 8 * exam.attempt_seconds;
  const double stored_bytes = attempt_bytes * exam.attempts_per_subject * exam.subjects;
  const double submitted_bytes = attempt_bytes * exam.submitted_per_subject * exam.subjects;
  // The rates come from the report, that is from the client: a bit rate of 1e300 or an upload
  // rate of 1e-300 must not give a byte count beyond int64 or an infinite time, which the
  // evaluation's JSON cannot carry (the schema would refuse the stored report).
  constexpr double kInt64Limit = 9223372036854775808.0;  // 2^63
  if (!(stored_bytes < kInt64Limit)) return derived;
  derived.reserve(3);
  derived.push_back({core::MetricId::kExamVideoBytes,
                     static_cast<std::int64_t>(std::llround(stored_bytes)), source});
  auto upload = [&](core::MetricId rate_metric, core::MetricId out, std::string_view rate_name) {
    const double rate_bps = number(get(values, rate_metric));
    if (!(rate_bps > 0)) return;
    const double minutes = std::round(submitted_bytes * 8 / rate_bps / 60 * 100) / 100;
    if (!std::isfinite(minutes)) return;
    derived.push_back({out, minutes, "derived:" + std::string(rate_name)});
  };
  upload(core::MetricId::kNetworkUploadBps, core::MetricId::kExamUploadMinutes,
         "network.upload_bps");
  upload(core::MetricId::kNetworkUploadLowBps, core::MetricId::kExamUploadMinutesWorst,
         "network.upload_low_bps");
  return derived;
}

}  // namespace examready::rules
