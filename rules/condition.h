// The condition tree of a rule (`when`, `require`), as the loader builds it and the
// evaluator walks it. Operands are checked and converted to the metric's unit at load time.
#pragma once

#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "core/metric.h"
#include "rules/version.h"

namespace examready::rules {

// Facts about the report itself that rules may test like metrics (report.role…).
enum class Pseudo { kNone, kReportRole, kReportTransport, kReportPlatform };

struct Subject {
  std::string name;  // "storage.free_bytes" or "report.role"
  core::MetricId metric = core::MetricId::kCount_;
  Pseudo pseudo = Pseudo::kNone;
  core::MetricType type = core::MetricType::kInvalid;
  core::Unit unit = core::Unit::kNone;
};

enum class Op {
  kEquals,
  kNotEquals,
  kLess,
  kLessEqual,
  kGreater,
  kGreaterEqual,
  kIn,
  kNotIn,
  kVersionAtLeast,
  kVersionAtMost,
  kVersionAbove,
  kVersionBelow,
  kVersionEquals,
  kGlob,
  kRegex,
  kContainsAny,
  kContainsAll,
  kContainsNone,
  kIsEmpty,
  kWithinYears,
  kMeasured,
};

// The canonical key of an operator in rules files ("at_least", "version_at_least"…).
std::string_view op_name(Op op);

struct Condition {
  enum class Kind { kLeaf, kAll, kAny, kNot };
  Kind kind = Kind::kLeaf;

  // Leaf.
  Subject subject;
  Op op = Op::kEquals;
  bool flag = false;               // boolean operand (equals on booleans, is_empty, measured)
  double number = 0;               // numeric operand in the metric's unit; years for within_years
  std::string text;                // string operand (lower case for comparisons and globs)
  std::vector<std::string> texts;  // list operand (lower case)
  std::vector<double> numbers;     // list operand for integer metrics
  Version version;                 // version operand
  std::shared_ptr<const std::regex> regex;  // compiled regex (a glob is matched from `text`)
  std::string written;                      // the operand as written in the file, for details

  // all / any / not.
  std::vector<Condition> children;
};

}  // namespace examready::rules
