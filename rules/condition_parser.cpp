// Parsing and checking one `when`/`require` condition: the metric must be catalogued,
// the operator must fit its type, quantities must carry the metric's unit.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <span>
#include <sstream>
#include <utility>

#include "core/text.h"
#include "rules/quantity.h"
#include "rules/toml_located.h"

namespace examready::rules {

namespace {

// Facts whose values are a closed list: a string outside it can never match, so it is a
// typo ("phablet", "tertiary") that would make a rule silently never apply.
std::span<const std::string_view> closed_values(std::string_view subject) {
  static constexpr std::string_view kClass[] = {"phone", "tablet", "laptop", "desktop"};
  static constexpr std::string_view kOsFamily[] = {"linux",   "windows",   "macos",
                                                   "android", "harmonyos", "ios"};
  static constexpr std::string_view kRole[] = {"primary", "secondary"};
  static constexpr std::string_view kTransport[] = {"local", "adb", "ios", "getprop-text",
                                                    "browser"};
  if (subject == "device.class") return kClass;
  if (subject == "os.family") return kOsFamily;
  if (subject == "report.role") return kRole;
  if (subject == "report.transport") return kTransport;
  return {};
}

struct OpName {
  Op op;
  std::string_view name;
  std::string_view symbol;  // alias, "" if none
};

constexpr std::array<OpName, 21> kOps = {{
    {Op::kEquals, "equals", "="},
    {Op::kNotEquals, "not_equals", "!="},
    {Op::kLess, "less_than", "<"},
    {Op::kLessEqual, "at_most", "<="},
    {Op::kGreater, "greater_than", ">"},
    {Op::kGreaterEqual, "at_least", ">="},
    {Op::kIn, "in", ""},
    {Op::kNotIn, "not_in", ""},
    {Op::kVersionAtLeast, "version_at_least", ""},
    {Op::kVersionAtMost, "version_at_most", ""},
    {Op::kVersionAbove, "version_above", ""},
    {Op::kVersionBelow, "version_below", ""},
    {Op::kVersionEquals, "version_equals", ""},
    {Op::kGlob, "glob", ""},
    {Op::kRegex, "regex", ""},
    {Op::kContainsAny, "contains_any", ""},
    {Op::kContainsAll, "contains_all", ""},
    {Op::kContainsNone, "contains_none", ""},
    {Op::kIsEmpty, "is_empty", ""},
    {Op::kWithinYears, "within_years", ""},
    {Op::kMeasured, "measured", ""},
}};

const OpName* find_op(std::string_view key) {
  for (const auto& op : kOps) {
    if (op.name == key || (!op.symbol.empty() && op.symbol == key)) return &op;
  }
  return nullptr;
}

std::optional<Subject> resolve_subject(std::string_view name) {
  Subject subject;
  subject.name = std::string(name);
  if (auto id = core::find_metric(name)) {
    const auto& info = core::metric_info(*id);
    subject.metric = *id;
    subject.type = info.type;
    subject.unit = info.unit;
    return subject;
  }
  static constexpr std::pair<std::string_view, Pseudo> kPseudo[] = {
      {"report.role", Pseudo::kReportRole},
      {"report.transport", Pseudo::kReportTransport},
      {"report.platform", Pseudo::kReportPlatform},
  };
  for (const auto& [pseudo_name, pseudo] : kPseudo) {
    if (pseudo_name == name) {
      subject.pseudo = pseudo;
      subject.type = core::MetricType::kString;
      return subject;
    }
  }
  return std::nullopt;
}

class LeafParser {
 public:
  LeafParser(const std::string& file, Condition& leaf, const OpName& op, const toml::node& operand)
      : file_(file), leaf_(leaf), op_(op), operand_(operand) {}

  void parse() {
    using core::MetricType;
    const MetricType type = leaf_.subject.type;
    leaf_.written = written();
    switch (op_.op) {
      case Op::kEquals:
      case Op::kNotEquals:
        if (type == MetricType::kBoolean) return boolean();
        if (type == MetricType::kString) return string();
        if (type == MetricType::kInteger || type == MetricType::kNumber) return number();
        if (type == MetricType::kVersion) return wrong_type("version_equals");
        return wrong_type("contains_any / is_empty");
      case Op::kLess:
      case Op::kLessEqual:
      case Op::kGreater:
      case Op::kGreaterEqual:
        if (type == MetricType::kInteger || type == MetricType::kNumber) return number();
        if (type == MetricType::kVersion) return wrong_type("version_at_least / version_below");
        return wrong_type("");
      case Op::kIn:
      case Op::kNotIn:
        if (type == MetricType::kString) return string_list(false);
        if (type == MetricType::kInteger) return number_list();
        if (type == MetricType::kStringList) return wrong_type("contains_any / contains_none");
        return wrong_type("");
      case Op::kVersionAtLeast:
      case Op::kVersionAtMost:
      case Op::kVersionAbove:
      case Op::kVersionBelow:
      case Op::kVersionEquals:
        if (type != MetricType::kVersion) return wrong_type("");
        return version();
      case Op::kGlob:
      case Op::kRegex:
        if (type != MetricType::kString) return wrong_type("");
        return pattern();
      case Op::kContainsAny:
      case Op::kContainsAll:
      case Op::kContainsNone:
        if (type != MetricType::kStringList)
          return wrong_type(type == MetricType::kString ? "in / not_in" : "");
        return string_list(true);
      case Op::kIsEmpty:
        if (type != MetricType::kStringList) return wrong_type("");
        return boolean();
      case Op::kWithinYears:
        if (leaf_.subject.unit != core::Unit::kYear) return wrong_type("");
        return years();
      case Op::kMeasured:
        if (leaf_.subject.pseudo != Pseudo::kNone) {
          detail::fail(
              file_, operand_.source(),
              fmt::format("'{}' is always known: 'measured' does not apply", leaf_.subject.name));
        }
        return boolean();
    }
  }

 private:
  [[noreturn]] void fail(std::string message) {
    detail::fail(file_, operand_.source(), std::move(message));
  }

  [[noreturn]] void wrong_type(std::string_view hint) {
    const std::string_view type = core::to_string(leaf_.subject.type);
    std::string message = fmt::format("operator '{}' does not apply to {} ({} {} metric)", op_.name,
                                      leaf_.subject.name, type == "integer" ? "an" : "a", type);
    if (!hint.empty()) message += fmt::format("; use {}", hint);
    fail(std::move(message));
  }

  // The operand for details: quantities and versions bare ("20 GB", 7.0), list items quoted.
  std::string written() const {
    if (const auto* s = operand_.as_string()) return s->get();
    if (const auto* array = operand_.as_array()) {
      std::string out = "[";
      for (const auto& item : *array) {
        if (out.size() > 1) out += ", ";
        if (const auto* s = item.as_string())
          out += fmt::format("\"{}\"", s->get());
        else {
          std::ostringstream text;
          item.visit([&](const auto& value) { text << value; });
          out += text.str();
        }
      }
      return out + "]";
    }
    std::ostringstream out;
    operand_.visit([&](const auto& value) { out << value; });
    return out.str();
  }

  void boolean() {
    const auto* b = operand_.as_boolean();
    if (!b)
      fail(fmt::format("'{}' on {} needs true or false, not {}", op_.name, leaf_.subject.name,
                       detail::type_name(operand_)));
    leaf_.flag = b->get();
  }

  void string() {
    const auto* s = operand_.as_string();
    if (!s)
      fail(fmt::format("'{}' on {} needs a string, not {}", op_.name, leaf_.subject.name,
                       detail::type_name(operand_)));
    leaf_.text = core::text::lower(s->get());
    leaf_.written = fmt::format("\"{}\"", s->get());
    check_closed(*s, leaf_.text);
  }

  void check_closed(const toml::node& node, const std::string& value) {
    const auto values = closed_values(leaf_.subject.name);
    if (values.empty() || std::find(values.begin(), values.end(), value) != values.end()) return;
    std::string known;
    for (std::string_view v : values) known += (known.empty() ? "" : ", ") + std::string(v);
    detail::fail(
        file_, node.source(),
        fmt::format("{} is never \"{}\": it is one of {}", leaf_.subject.name, value, known));
  }

  double numeric(const toml::node& node) {
    if (const auto* i = node.as_integer()) return plain(node, static_cast<double>(i->get()));
    if (const auto* f = node.as_floating_point()) return plain(node, f->get());
    if (const auto* s = node.as_string()) {
      auto parsed = parse_quantity(s->get(), leaf_.subject.unit);
      if (auto* error = std::get_if<QuantityError>(&parsed)) {
        detail::fail(file_, node.source(),
                     fmt::format("{}: {}", leaf_.subject.name, error->message));
      }
      return std::get<double>(parsed);
    }
    detail::fail(file_, node.source(),
                 fmt::format("'{}' on {} needs a number or a quantity such as \"20 GB\", not {}",
                             op_.name, leaf_.subject.name, detail::type_name(node)));
  }

  double plain(const toml::node& node, double value) {
    if (!unit_allows_plain_number(leaf_.subject.unit)) {
      detail::fail(file_, node.source(),
                   fmt::format("{} is measured in {}: write the unit, e.g. \"{} {}\"",
                               leaf_.subject.name, core::to_string(leaf_.subject.unit), value,
                               leaf_.subject.unit == core::Unit::kBytes
                                   ? "GB"
                                   : core::to_string(leaf_.subject.unit)));
    }
    // TOML has inf and nan, and a count can be written below zero: neither is a threshold.
    std::ostringstream written;
    node.visit([&](const auto& v) { written << v; });
    if (auto error = quantity_range_error(value, leaf_.subject.unit, written.str())) {
      detail::fail(file_, node.source(), fmt::format("{}: {}", leaf_.subject.name, error->message));
    }
    return value;
  }

  void number() { leaf_.number = numeric(operand_); }

  const toml::array& nonempty_array() {
    const auto* array = operand_.as_array();
    if (!array)
      fail(fmt::format("'{}' needs an array, not {}", op_.name, detail::type_name(operand_)));
    if (array->empty()) fail(fmt::format("'{}' needs at least one value", op_.name));
    return *array;
  }

  void string_list(bool) {
    for (const auto& item : nonempty_array()) {
      const auto* s = item.as_string();
      if (!s)
        detail::fail(file_, item.source(),
                     fmt::format("'{}' on {} needs strings, not {}", op_.name, leaf_.subject.name,
                                 detail::type_name(item)));
      leaf_.texts.push_back(core::text::lower(s->get()));
      check_closed(*s, leaf_.texts.back());
    }
  }

  void number_list() {
    for (const auto& item : nonempty_array()) leaf_.numbers.push_back(numeric(item));
  }

  void version() {
    const auto* s = operand_.as_string();
    if (!s)
      fail(fmt::format("'{}' needs a version string such as \"7.0\", not {}", op_.name,
                       detail::type_name(operand_)));
    auto parsed = parse_version_strict(s->get());
    if (!parsed)
      fail(fmt::format("bad version \"{}\": expected numbers separated by dots, e.g. \"7.0\"",
                       s->get()));
    leaf_.version = std::move(*parsed);
  }

  void pattern() {
    const auto* s = operand_.as_string();
    if (!s)
      fail(fmt::format("'{}' needs a string pattern, not {}", op_.name,
                       detail::type_name(operand_)));
    if (op_.op == Op::kGlob) {
      leaf_.text = core::text::lower(s->get());  // glob_match: no regex, no backtracking
      return;
    }
    check_regex_size(s->get());
    try {
      leaf_.regex = std::make_shared<const std::regex>(
          s->get(), std::regex::ECMAScript | std::regex::icase | std::regex::optimize);
    } catch (const std::regex_error& e) {
      fail(fmt::format("bad regex \"{}\": {}", s->get(), e.what()));
    }
    leaf_.text = s->get();
  }

  // std::regex compiles by recursion, one level per nested group: a group nested 20,000 deep
  // crashed `rules lint` with a stack overflow. Rules need short, flat patterns.
  void check_regex_size(const std::string& pattern) {
    constexpr std::size_t kMaxLength = 256;
    constexpr int kMaxDepth = 8;
    if (pattern.size() > kMaxLength) {
      fail(fmt::format("regex is longer than {} characters", kMaxLength));
    }
    int depth = 0;
    bool in_class = false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
      const char c = pattern[i];
      if (c == '\\') {
        ++i;  // an escaped character is a literal
      } else if (in_class) {
        in_class = c != ']';
      } else if (c == '[') {
        in_class = true;
      } else if (c == '(' && ++depth > kMaxDepth) {
        fail(fmt::format("regex nests groups deeper than {}", kMaxDepth));
      } else if (c == ')') {
        --depth;
      }
    }
  }

  void years() {
    const auto* i = operand_.as_integer();
    if (!i || i->get() < 0 || i->get() > 100) {
      fail(fmt::format("'within_years' needs a whole number of years between 0 and 100, not {}",
                       written()));
    }
    leaf_.number = static_cast<double>(i->get());
  }

  const std::string& file_;
  Condition& leaf_;
  const OpName& op_;
  const toml::node& operand_;
};

std::string operator_list() {
  std::string list;
  for (const auto& op : kOps) list += (list.empty() ? "" : ", ") + std::string(op.name);
  return list;
}

}  // namespace

std::string_view op_name(Op op) {
  for (const auto& entry : kOps) {
    if (entry.op == op) return entry.name;
  }
  return "?";
}

namespace detail {

namespace {

// all = [...], any = [...] or not = {...}: alone in their table. nullopt when the table is
// a leaf condition instead.
std::optional<Condition> parse_combination(const std::string& file, const toml::table& table) {
  for (const auto& [kind_name, kind] : {std::pair{"all", Condition::Kind::kAll},
                                        {"any", Condition::Kind::kAny},
                                        {"not", Condition::Kind::kNot}}) {
    const toml::node* child = table.get(kind_name);
    if (!child) continue;
    for (const auto& [key, value] : table) {
      if (key.str() != kind_name) {
        fail(file, key.source(),
             fmt::format("'{}' cannot share a condition with '{}': nest it inside", key.str(),
                         kind_name));
      }
    }
    Condition condition;
    condition.kind = kind;
    if (kind == Condition::Kind::kNot) {
      condition.children.push_back(parse_condition(file, *child));
      return condition;
    }
    const toml::array* array = child->as_array();
    if (!array)
      fail(file, child->source(),
           fmt::format("'{}' needs an array of conditions, not {}", kind_name, type_name(*child)));
    if (array->empty())
      fail(file, child->source(), fmt::format("'{}' needs at least one condition", kind_name));
    for (const auto& item : *array) condition.children.push_back(parse_condition(file, item));
    return condition;
  }
  return std::nullopt;
}

// The one operator key of a leaf condition besides `metric`, with its operand.
std::pair<const OpName*, const toml::node*> find_operator(const std::string& file,
                                                          const toml::table& table,
                                                          const toml::node& node,
                                                          const std::string& metric) {
  const OpName* op = nullptr;
  const toml::node* operand = nullptr;
  std::string_view op_key;
  for (const auto& [key, value] : table) {
    if (key.str() == "metric") continue;
    const OpName* found = find_op(key.str());
    if (!found) {
      fail(
          file, key.source(),
          fmt::format("unknown key '{}' in condition (operators: {})", key.str(), operator_list()));
    }
    if (op) {
      fail(file, key.source(),
           fmt::format(
               "a condition has one operator, found '{}' and '{}': combine them with all = [...]",
               op_key, key.str()));
    }
    op = found;
    op_key = key.str();
    operand = &value;
  }
  if (!op) fail(file, node.source(), fmt::format("condition on '{}' has no operator", metric));
  return {op, operand};
}

}  // namespace

Condition parse_condition(const std::string& file, const toml::node& node) {
  const toml::table* table = node.as_table();
  if (!table) {
    fail(file, node.source(),
         fmt::format("a condition must be a table such as {{ metric = \"device.class\", equals = "
                     "\"phone\" }}, not {}",
                     type_name(node)));
  }
  if (table->empty()) fail(file, node.source(), "empty condition");
  if (auto combination = parse_combination(file, *table)) return std::move(*combination);

  const toml::node* metric = table->get("metric");
  if (!metric) fail(file, node.source(), "condition has no 'metric' (or 'all', 'any', 'not')");
  const auto* metric_name = metric->as_string();
  if (!metric_name)
    fail(file, metric->source(),
         fmt::format("'metric' must be a string, not {}", type_name(*metric)));
  auto subject = resolve_subject(metric_name->get());
  if (!subject) {
    fail(file, metric->source(),
         fmt::format("unknown metric '{}' (see `examready checks` for the catalog)",
                     metric_name->get()));
  }
  Condition condition;
  condition.subject = std::move(*subject);
  const auto [op, operand] = find_operator(file, *table, node, condition.subject.name);
  condition.op = op->op;
  LeafParser(file, condition, *op, *operand).parse();
  return condition;
}

}  // namespace detail
}  // namespace examready::rules
