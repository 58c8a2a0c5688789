// Loading a rules file: top-level keys, [exam], [[watch]], [[exam_app]], [[rule]], and
// `extends`.
#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "rules/app_lists.h"
#include "rules/quantity.h"
#include "rules/toml_located.h"

namespace examready::rules {
namespace detail {

void fail(const std::string& file, const toml::source_region& where, std::string message) {
  throw RulesLoadError(RulesError{file, static_cast<int>(where.begin.line),
                                  static_cast<int>(where.begin.column), std::move(message)});
}

void check_keys(const std::string& file, const toml::table& table,
                std::initializer_list<std::string_view> allowed, std::string_view what) {
  for (const auto& [key, value] : table) {
    bool known = false;
    for (auto name : allowed) known = known || key.str() == name;
    if (known) continue;
    std::string list;
    for (auto name : allowed) list += (list.empty() ? "" : ", ") + std::string(name);
    fail(file, key.source(),
         fmt::format("unknown key '{}' in {} (allowed: {})", key.str(), what, list));
  }
}

const toml::key* find_key(const toml::table& table, std::string_view name) {
  for (const auto& [key, value] : table) {
    if (key.str() == name) return &key;
  }
  return nullptr;
}

std::string_view type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a float";
    case toml::node_type::boolean:
      return "a boolean";
    default:
      return "a date or time";
  }
}

// toml++'s message, where it garbles: for a key given twice it echoes a quoted key of an
// inline table doubled and half-quoted ("cannot redefine existing string '"r1r1" '").
std::string parse_message(std::string_view description) {
  if (description.find("cannot redefine existing") != std::string_view::npos) {
    return "this key is already given above in the same table";
  }
  return std::string(description);
}

toml::table parse_toml(const std::string& file, std::string_view text) {
  try {
    return toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    throw RulesLoadError(RulesError{file, static_cast<int>(e.source().begin.line),
                                    static_cast<int>(e.source().begin.column),
                                    parse_message(e.description())});
  }
}

}  // namespace detail

namespace {

using detail::fail;
using detail::type_name;

std::string region_text(const std::string& file, const toml::source_region& where) {
  return fmt::format("{}:{}:{}", file, where.begin.line, where.begin.column);
}

class FileLoader {
 public:
  FileLoader(std::filesystem::path path, const SourceReader& read,
             std::vector<std::filesystem::path>& stack)
      : path_(std::move(path)), file_(path_.string()), read_(read), stack_(stack) {}

  // `text`: the file's contents, read by the caller; nullopt when it could not be read.
  RuleSet load(const std::optional<std::string>& text) {
    if (!text) throw RulesLoadError(RulesError{file_, 0, 0, "no such file"});
    return from_table(detail::parse_toml(file_, *text));
  }

 private:
  RuleSet from_table(const toml::table& root) {
    detail::check_keys(file_, root,
                       {"id", "title", "extends", "cites", "exam", "watch", "exam_app", "rule"},
                       "the rules file");
    RuleSet set;
    if (const toml::node* extends = root.get("extends")) set = load_parent(*extends);
    set.path = path_;

    set.id = required_string(root, "id", "the rules file", root.source());
    static const std::regex kIdPattern("^[a-z0-9_-]{1,64}$");
    if (!std::regex_match(set.id, kIdPattern)) {
      fail(file_, root.get("id")->source(),
           fmt::format("bad rules id \"{}\": use 1-64 of a-z 0-9 _ -", set.id));
    }
    set.title = localized(root, "title", root.source());
    if (const toml::node* cites = root.get("cites")) {
      const auto* s = cites->as_string();
      static const std::regex kPrefix("^[A-Z]{1,16}$");
      if (!s || !std::regex_match(s->get(), kPrefix)) {
        fail(file_, cites->source(), "'cites' must be a requirement-id prefix such as \"XYB\"");
      }
      set.cites = s->get();
    }
    if (const toml::node* exam = root.get("exam")) set.exam = parse_exam(*exam);
    if (const toml::node* watch = root.get("watch")) parse_apps(*watch, "watch", set.watch);
    if (const toml::node* exam_apps = root.get("exam_app")) {
      parse_apps(*exam_apps, "exam_app", set.exam_apps);
    }
    if (const toml::node* rules = root.get("rule")) parse_rules(*rules, set);
    return set;
  }

  RuleSet load_parent(const toml::node& node) {
    const auto* name = node.as_string();
    if (!name || name->get().empty())
      fail(file_, node.source(), "'extends' must name a rules file, e.g. \"common.toml\"");
    const std::filesystem::path parent = (path_.parent_path() / name->get()).lexically_normal();
    // Paths are compared as written: a cycle through symbolic links still ends at the depth limit.
    if (stack_.size() >= kMaxExtendsDepth) {
      fail(file_, node.source(), fmt::format("extends nests deeper than {} files", kMaxExtendsDepth));
    }
    for (const auto& seen : stack_) {
      if (seen == parent) {
        std::string chain;
        for (const auto& p : stack_) chain += p.filename().string() + " -> ";
        fail(file_, node.source(),
             fmt::format("extends cycle: {}{}", chain, parent.filename().string()));
      }
    }
    const std::optional<std::string> text = read_(parent);
    if (!text) {
      fail(file_, node.source(),
           fmt::format("extends \"{}\": no such file ({})", name->get(), parent.string()));
    }
    stack_.push_back(parent);
    RuleSet set = FileLoader(parent, read_, stack_).load(text);
    stack_.pop_back();
    return set;
  }

  std::string required_string(const toml::table& table, std::string_view key, std::string_view what,
                              const toml::source_region& where) {
    const toml::node* node = table.get(key);
    if (!node) fail(file_, where, fmt::format("{} has no '{}'", what, key));
    const auto* s = node->as_string();
    if (!s)
      fail(file_, node->source(),
           fmt::format("'{}' must be a string, not {}", key, type_name(*node)));
    if (s->get().empty()) fail(file_, node->source(), fmt::format("'{}' must not be empty", key));
    return s->get();
  }

  Localized localized(const toml::table& table, std::string_view key,
                      const toml::source_region& where) {
    const toml::node* node = table.get(key);
    if (!node) fail(file_, where, fmt::format("missing '{}' (a table with zh-CN and en)", key));
    const toml::table* t = node->as_table();
    if (!t)
      fail(file_, node->source(),
           fmt::format("'{}' must be a table {{ zh-CN = \"…\", en = \"…\" }}", key));
    detail::check_keys(file_, *t, {"zh-CN", "en"}, fmt::format("'{}'", key));
    Localized text;
    text.zh = required_string(*t, "zh-CN", fmt::format("'{}'", key), node->source());
    text.en = required_string(*t, "en", fmt::format("'{}'", key), node->source());
    for (const auto& [language, value] : {std::pair{"zh-CN", &text.zh}, {"en", &text.en}}) {
      if (characters(*value) > kMaxTextCharacters) {
        fail(
            file_, t->get(language)->source(),
            fmt::format("'{}.{}' is longer than {} characters", key, language, kMaxTextCharacters));
      }
    }
    return text;
  }

  // Code points of UTF-8 text (toml++ has validated it), as the schema's maxLength counts.
  static std::size_t characters(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
      return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
  }

  double quantity(const toml::table& table, std::string_view key, core::Unit unit, bool required) {
    const toml::node* node = table.get(key);
    if (!node) {
      if (required) fail(file_, table.source(), fmt::format("[exam] has no '{}'", key));
      return 0;
    }
    const auto* s = node->as_string();
    if (!s)
      fail(file_, node->source(),
           fmt::format("'{}' must be a quantity string such as \"10 min\"", key));
    auto parsed = parse_quantity(s->get(), unit);
    if (auto* error = std::get_if<QuantityError>(&parsed))
      fail(file_, node->source(), fmt::format("{}: {}", key, error->message));
    const double value = std::get<double>(parsed);
    if (value <= 0) fail(file_, node->source(), fmt::format("'{}' must be positive", key));
    return value;
  }

  int count(const toml::table& table, std::string_view key, int fallback) {
    const toml::node* node = table.get(key);
    if (!node) {
      if (fallback > 0) return fallback;
      fail(file_, table.source(), fmt::format("[exam] has no '{}'", key));
    }
    const auto* i = node->as_integer();
    if (!i || i->get() < 1 || i->get() > 100)
      fail(file_, node->source(), fmt::format("'{}' must be a whole number from 1 to 100", key));
    return static_cast<int>(i->get());
  }

  ExamVolume parse_exam(const toml::node& node) {
    const toml::table* t = node.as_table();
    if (!t) fail(file_, node.source(), "'exam' must be a table");
    detail::check_keys(file_, *t,
                       {"attempt_duration", "attempts_per_subject", "submitted_per_subject",
                        "subjects", "assumed_bitrate", "window", "upload_deadline"},
                       "[exam]");
    ExamVolume exam;
    exam.declared = true;
    exam.attempt_seconds = quantity(*t, "attempt_duration", core::Unit::kSeconds, true);
    exam.attempts_per_subject = count(*t, "attempts_per_subject", 0);
    exam.submitted_per_subject = count(*t, "submitted_per_subject", 1);
    if (exam.submitted_per_subject > exam.attempts_per_subject) {
      fail(file_, t->get("submitted_per_subject")->source(),
           "'submitted_per_subject' exceeds 'attempts_per_subject'");
    }
    exam.subjects = count(*t, "subjects", 0);
    exam.assumed_bitrate_bps = quantity(*t, "assumed_bitrate", core::Unit::kBitsPerSecond, false);
    exam.window_seconds = quantity(*t, "window", core::Unit::kSeconds, false);
    exam.upload_deadline_seconds = quantity(*t, "upload_deadline", core::Unit::kSeconds, false);
    return exam;
  }

  // [[watch]] or [[exam_app]]: `app` (a package id) and `name`, each app once per list (a
  // child set adds to its parent's list).
  void parse_apps(const toml::node& node, std::string_view key, std::vector<WatchedApp>& list) {
    const std::string table = fmt::format("[[{}]]", key);
    const toml::array* array = node.as_array();
    if (!array)
      fail(file_, node.source(), fmt::format("'{}' must be an array of tables: {}", key, table));
    static const std::regex kPackage("^[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)+$");
    for (const auto& item : *array) {
      const toml::table* t = item.as_table();
      if (!t) fail(file_, item.source(), fmt::format("each {} entry must be a table", table));
      detail::check_keys(file_, *t, {"app", "name"}, table);
      WatchedApp app{required_string(*t, "app", table, t->source()),
                     required_string(*t, "name", table, t->source())};
      if (app.package.size() > kMaxPackageBytes || !std::regex_match(app.package, kPackage)) {
        fail(file_, t->get("app")->source(),
             fmt::format("\"{}\" is not a package id such as \"com.tencent.mm\"", app.package));
      }
      if (lists_app(list, app.package)) {
        fail(file_, t->get("app")->source(),
             fmt::format("app \"{}\" is already listed in {}", app.package, table));
      }
      if (list.size() == kMaxListedApps) {
        fail(file_, t->source(),
             fmt::format("more than {} apps in {} (with what this file extends)", kMaxListedApps,
                         table));
      }
      list.push_back(std::move(app));
    }
  }

  // A condition on an app list may name only apps of the set's list: the probe looks for no
  // other, so any other would never be found (a typo in a package id, most likely).
  void check_listed_apps(const Condition& c, const RuleSet& set, const toml::node& node,
                         std::string_view rule_id) {
    for (const auto& child : c.children) check_listed_apps(child, set, node, rule_id);
    if (c.kind != Condition::Kind::kLeaf || c.subject.pseudo != Pseudo::kNone) return;
    const auto scope = app_list_scope(c.subject.metric, set);
    if (!scope) return;
    if (scope->listed->empty()) {
      fail(file_, node.source(),
           fmt::format("rule '{}' tests {}, but the set lists no apps in {}: the probe would "
                       "look for none",
                       rule_id, c.subject.name, scope->table));
    }
    for (const auto& app : c.texts) {
      if (!lists_app(*scope->listed, app)) {
        fail(file_, node.source(),
             fmt::format("rule '{}': \"{}\" is not in {}: {} holds only the apps listed there",
                         rule_id, app, scope->table, c.subject.name));
      }
    }
  }

  void parse_rules(const toml::node& node, RuleSet& set) {
    const toml::array* array = node.as_array();
    if (!array) fail(file_, node.source(), "'rule' must be an array of tables: [[rule]]");
    for (const auto& item : *array) {
      const toml::table* t = item.as_table();
      if (!t) fail(file_, item.source(), "each [[rule]] must be a table");
      Rule rule = parse_rule(*t);
      if (rule.when) check_listed_apps(*rule.when, set, *t->get("when"), rule.id);
      if (rule.require) check_listed_apps(*rule.require, set, *t->get("require"), rule.id);
      for (const auto& existing : set.rules) {
        if (existing.id == rule.id) {
          fail(file_, t->get("id")->source(),
               fmt::format("duplicate rule id '{}' (first defined at {})", rule.id,
                           existing.origin));
        }
      }
      if (set.rules.size() == kMaxRules) {
        fail(file_, t->source(), fmt::format("more than {} rules", kMaxRules));
      }
      set.rules.push_back(std::move(rule));
    }
  }

  Rule parse_rule(const toml::table& t) {
    detail::check_keys(
        file_, t, {"id", "severity", "source", "when", "require", "message", "requirement", "fix"},
        "[[rule]]");
    Rule rule;
    rule.origin = region_text(file_, t.source());
    rule.id = required_string(t, "id", "[[rule]]", t.source());
    static const std::regex kRuleId("^[a-z0-9_.-]{1,64}$");
    if (!std::regex_match(rule.id, kRuleId)) {
      fail(file_, t.get("id")->source(),
           fmt::format("bad rule id \"{}\": use 1-64 of a-z 0-9 _ . -", rule.id));
    }
    const std::string severity =
        required_string(t, "severity", fmt::format("rule '{}'", rule.id), t.source());
    if (severity == "block")
      rule.severity = Severity::kBlock;
    else if (severity == "warn")
      rule.severity = Severity::kWarn;
    else if (severity == "info")
      rule.severity = Severity::kInfo;
    else
      fail(file_, t.get("severity")->source(),
           fmt::format("severity must be block, warn or info, not \"{}\"", severity));
    rule.source = required_string(t, "source", fmt::format("rule '{}'", rule.id), t.source());
    static const std::regex kSource("^[A-Z]+-[0-9]+(, [A-Z]+-[0-9]+)*$");
    if (rule.source.size() > 32 || !std::regex_match(rule.source, kSource)) {
      fail(
          file_, t.get("source")->source(),
          fmt::format("source \"{}\" must be requirement ids such as \"XYB-5\" or \"XYB-5, YSS-2\"",
                      rule.source));
    }
    if (const toml::node* when = t.get("when")) rule.when = detail::parse_condition(file_, *when);
    if (const toml::node* require = t.get("require")) {
      rule.require = detail::parse_condition(file_, *require);
    } else if (rule.severity != Severity::kInfo) {
      fail(file_, t.source(),
           fmt::format("rule '{}' has no 'require' (only info advice may omit it)", rule.id));
    }
    rule.message = localized(t, "message", t.source());
    // An outcome that could not be decided prints the requirement, never the failure text:
    // "launched within two years; not determined", not "this phone is old; not determined".
    if (t.get("requirement")) {
      rule.requirement = localized(t, "requirement", t.source());
    } else if (rule.require) {
      fail(file_, t.source(),
           fmt::format("rule '{}' has no 'requirement': a rule that can be undecided says what it "
                       "requires in neutral words",
                       rule.id));
    }
    if (t.get("fix")) {
      rule.fix = localized(t, "fix", t.source());
    } else if (rule.severity != Severity::kInfo) {
      fail(file_, t.source(),
           fmt::format("rule '{}' has no 'fix': block and warn rules tell the candidate what to do",
                       rule.id));
    }
    return rule;
  }

  std::filesystem::path path_;
  std::string file_;
  const SourceReader& read_;
  std::vector<std::filesystem::path>& stack_;
};

}  // namespace

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::kBlock:
      return "block";
    case Severity::kWarn:
      return "warn";
    case Severity::kInfo:
      return "info";
    case Severity::kInvalid:
      break;
  }
  return "invalid";
}

std::vector<std::string> RuleSet::watched_apps() const { return packages_of(watch); }

std::vector<std::string> RuleSet::exam_app_packages() const { return packages_of(exam_apps); }

const Rule* RuleSet::find_rule(std::string_view rule_id) const {
  for (const auto& rule : rules) {
    if (rule.id == rule_id) return &rule;
  }
  return nullptr;
}

std::string RulesError::to_string() const {
  if (line == 0) return fmt::format("{}: {}", file, message);
  return fmt::format("{}:{}:{}: {}", file, line, column, message);
}

RulesLoadError::RulesLoadError(RulesError error)
    : std::runtime_error(error.to_string()), error_(std::move(error)) {}

RuleSet load_rule_set(const std::filesystem::path& path, const SourceReader& read) {
  std::vector<std::filesystem::path> stack{path.lexically_normal()};
  return FileLoader(path, read, stack).load(read(path));
}

}  // namespace examready::rules
