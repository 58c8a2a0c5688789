// A rules set (rules/sets/*.toml) loaded and checked against the metric catalog. The
// language is documented in rules/README.md.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "rules/condition.h"

namespace examready::rules {

enum class Severity { kInvalid, kBlock, kWarn, kInfo };
std::string_view to_string(Severity severity);

struct Localized {
  std::string zh;  // zh-CN
  std::string en;
};

struct Rule {
  std::string id;
  Severity severity = Severity::kInvalid;
  std::string source;  // requirement id(s), e.g. "XYB-5"
  std::optional<Condition> when;
  std::optional<Condition> require;  // absent only for info advice no device can measure
  Localized message;      // what failed, in the candidate's words; for advice, the advice
  Localized requirement;  // what is required, neutral: shown when it could not be checked
  Localized fix;
  std::string origin;  // "common.toml:12:1", where the rule was defined
};

// The exam's recording volume, from the manuals (XYB-13): what storage and upload must carry.
struct ExamVolume {
  bool declared = false;
  double attempt_seconds = 0;     // length of one recording
  int attempts_per_subject = 0;   // recordings kept on the phone per subject
  int submitted_per_subject = 0;  // recordings uploaded per subject
  int subjects = 0;
  double assumed_bitrate_bps = 0;  // used when the encoder check did not measure a bitrate
  double window_seconds = 0;       // time allowed to record and submit
  double upload_deadline_seconds = 0;
};

struct WatchedApp {
  std::string package;  // com.tencent.mm
  std::string name;     // 微信 WeChat
};

struct RuleSet {
  std::string id;
  Localized title;
  std::string cites;  // requirement-id prefix this set reports ("XYB"); empty: all
  std::filesystem::path path;
  ExamVolume exam;
  std::vector<WatchedApp> watch;
  std::vector<WatchedApp> exam_apps;  // [[exam_app]]: the platform's own apps
  std::vector<Rule> rules;            // parent's rules first, in file order

  // Package ids for ProbeOptions::watched_apps and ProbeOptions::exam_apps.
  std::vector<std::string> watched_apps() const;
  std::vector<std::string> exam_app_packages() const;
  const Rule* find_rule(std::string_view id) const;
};

// Where and why a rules file is invalid.
struct RulesError {
  std::string file;
  int line = 0;  // 1-based; 0 when the error concerns the whole file
  int column = 0;
  std::string message;
  std::string to_string() const;  // "file:line:col: message"
};

class RulesLoadError : public std::runtime_error {
 public:
  explicit RulesLoadError(RulesError error);
  const RulesError& error() const { return error_; }

 private:
  RulesError error_;
};

// How the loader reads the files it is given and the ones they extend: from disk
// (rules/files.h), from texts embedded in the page (the browser), from memory (tests).
// nullopt: no such file, or it cannot be read.
using SourceReader = std::function<std::optional<std::string>(const std::filesystem::path&)>;

// An `extends` chain longer than this is an error (it also ends cycles through links).
inline constexpr std::size_t kMaxExtendsDepth = 16;

// The report schema's limits on an evaluation (reports/schema/report.schema.json): a set beyond
// them would produce evaluations the collector refuses to store, so loading refuses it.
inline constexpr std::size_t kMaxRules = 1000;
inline constexpr std::size_t kMaxTextCharacters = 2000;  // a title, message or fix, per language

// Loads and checks a rules file and what it extends (paths relative to the file that
// names them). Throws RulesLoadError.
RuleSet load_rule_set(const std::filesystem::path& path, const SourceReader& read);

}  // namespace examready::rules
