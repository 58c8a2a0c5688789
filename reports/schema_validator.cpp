// The first-error validator (schema_validator.h).
#include "reports/schema_validator.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "reports/schema.h"

namespace examready::reports {
namespace {

const std::set<std::string, std::less<>> kIgnoredKeywords = {"$schema", "$id", "title",
                                                             "description", "definitions"};

std::size_t code_points(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string escape_token(std::string_view token) {
  std::string out;
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string shown(const std::string& key) {
  return key.size() <= 64 ? key : key.substr(0, 61) + "...";
}

}  // namespace

// One validation: the path to where it is, and the first failure.
class CompiledSchema::Walk {
 public:
  std::string path;
  std::string message;

  bool fail(std::string text) {
    message = std::move(text);
    return false;
  }

  bool check(const Node& n, const nlohmann::json& v) {
    if (n.ref) return check(*n.ref, v);
    if (n.types != 0 && !type_ok(n.types, v)) return fail("expected " + type_names(n.types));
    if (n.constant && v != *n.constant) return fail("must be " + n.constant->dump());
    if (!n.enumeration.empty() &&
        std::find(n.enumeration.begin(), n.enumeration.end(), v) == n.enumeration.end()) {
      std::string allowed;
      for (const auto& e : n.enumeration) allowed += (allowed.empty() ? "" : ", ") + e.dump();
      return fail("must be one of " + allowed);
    }
    if (v.is_string() && !check_string(n, v.get_ref<const std::string&>())) return false;
    if (v.is_number() && n.minimum && v.get<double>() < *n.minimum) {
      return fail("must be at least " + nlohmann::json(*n.minimum).dump());
    }
    if (v.is_array() && !check_array(n, v)) return false;
    if (v.is_object() && !check_object(n, v)) return false;
    if (!n.one_of.empty()) return check_one_of(n, v);
    return true;
  }

 private:
  static bool type_ok(unsigned types, const nlohmann::json& v) {
    if ((types & kString) && v.is_string()) return true;
    if ((types & kNumber) && v.is_number()) return true;
    if ((types & kInteger) && v.is_number_integer()) return true;
    if ((types & kBoolean) && v.is_boolean()) return true;
    if ((types & kObject) && v.is_object()) return true;
    if ((types & kArray) && v.is_array()) return true;
    return (types & kNull) && v.is_null();
  }

  static std::string type_names(unsigned types) {
    static const std::pair<unsigned, const char*> kNames[] = {
        {kString, "a string"},    {kNumber, "a number"},
        {kInteger, "an integer"}, {kBoolean, "true or false"},
        {kObject, "an object"},   {kArray, "an array"},
        {kNull, "null"}};
    std::string out;
    for (const auto& [bit, name] : kNames) {
      if (types & bit) out += (out.empty() ? "" : " or ") + std::string(name);
    }
    return out;
  }

  bool check_string(const Node& n, const std::string& s) {
    // The length first: the regex (libstdc++ recurses once per character) only ever runs on
    // a string its schema allows in length.
    if (n.max_length && code_points(s) > *n.max_length) {
      return fail("longer than " + std::to_string(*n.max_length) + " characters");
    }
    if (n.pattern && !std::regex_search(s, *n.pattern)) {
      return fail("does not match " + n.pattern_text);
    }
    return true;
  }

  bool check_array(const Node& n, const nlohmann::json& v) {
    if (n.max_items && v.size() > *n.max_items) {
      return fail("more than " + std::to_string(*n.max_items) + " items");
    }
    if (n.items) {
      const std::size_t length = path.size();
      for (std::size_t i = 0; i < v.size(); ++i) {
        path += "/" + std::to_string(i);
        if (!check(*n.items, v[i])) return false;
        path.resize(length);
      }
    }
    if (n.unique_items) {
      for (std::size_t i = 0; i < v.size(); ++i) {
        for (std::size_t j = i + 1; j < v.size(); ++j) {
          if (v[i] == v[j]) return fail("items must be unique; " + v[i].dump() + " repeats");
        }
      }
    }
    return true;
  }

  bool check_object(const Node& n, const nlohmann::json& v) {
    if (n.max_properties && v.size() > *n.max_properties) {
      return fail("more than " + std::to_string(*n.max_properties) + " properties");
    }
    if (n.property_names) {
      for (const auto& [key, value] : v.items()) {
        if (!check(*n.property_names, nlohmann::json(key))) {
          return fail("property name '" + shown(key) + "': " + message);
        }
      }
    }
    for (const auto& key : n.required) {
      if (!v.contains(key)) return fail("missing required property '" + key + "'");
    }
    const std::size_t length = path.size();
    for (const auto& [key, value] : v.items()) {
      const Node* child = nullptr;
      if (auto it = n.properties.find(key); it != n.properties.end()) {
        child = it->second;
      } else if (!n.additional_allowed) {
        return fail("property '" + shown(key) + "' is not allowed");
      } else {
        child = n.additional;
      }
      if (!child) continue;
      path += "/" + escape_token(key);
      if (!check(*child, value)) return false;
      path.resize(length);
    }
    return true;
  }

  // Exactly one branch. When none matches, the branch for the value's type (if just one
  // takes that type) says what is wrong, deeper than "matches none".
  bool check_one_of(const Node& n, const nlohmann::json& v) {
    int matched = 0;
    const Node* typed = nullptr;
    int typed_count = 0;
    for (const Node* branch : n.one_of) {
      Walk trial{path, {}};
      if (trial.check(*branch, v)) ++matched;
      const Node& b = branch->ref ? *branch->ref : *branch;
      if (b.types == 0 || type_ok(b.types, v)) {
        typed = branch;
        ++typed_count;
      }
    }
    if (matched == 1) return true;
    if (matched > 1) return fail("matches more than one of the allowed forms");
    if (typed_count == 1) return check(*typed, v);
    return fail("matches none of the allowed forms");
  }
};

CompiledSchema::CompiledSchema(const nlohmann::json& schema) {
  // Definitions first (as placeholders), so a $ref may name one compiled later.
  if (auto it = schema.find("definitions"); it != schema.end()) {
    for (const auto& [name, definition] : it->items()) {
      definitions_[name] = &nodes_.emplace_back();
    }
    for (const auto& [name, definition] : it->items()) {
      Node* compiled = compile(definition);
      *definitions_[name] = *compiled;
    }
  }
  root_ = compile(schema);
}

const CompiledSchema::Node* CompiledSchema::resolve(const std::string& ref) {
  constexpr std::string_view kPrefix = "#/definitions/";
  if (ref.rfind(kPrefix, 0) == 0) {
    if (auto it = definitions_.find(ref.substr(kPrefix.size())); it != definitions_.end()) {
      return it->second;
    }
  }
  throw std::invalid_argument("report schema: cannot resolve $ref " + ref);
}

CompiledSchema::Node* CompiledSchema::compile(const nlohmann::json& s) {
  Node& n = nodes_.emplace_back();
  for (const auto& [keyword, value] : s.items()) {
    if (kIgnoredKeywords.count(keyword)) continue;
    if (keyword == "$ref") {
      n.ref = resolve(value.get<std::string>());
    } else if (keyword == "type") {
      static const std::map<std::string, unsigned, std::less<>> kTypes = {
          {"string", kString}, {"number", kNumber}, {"integer", kInteger}, {"boolean", kBoolean},
          {"object", kObject}, {"array", kArray},   {"null", kNull}};
      for (const auto& t : value.is_array() ? value : nlohmann::json::array({value})) {
        n.types |= kTypes.at(t.get<std::string>());
      }
    } else if (keyword == "const") {
      n.constant = value;
    } else if (keyword == "enum") {
      n.enumeration = value.get<std::vector<nlohmann::json>>();
    } else if (keyword == "maxLength") {
      n.max_length = value.get<std::size_t>();
      largest_max_length_ = std::max(largest_max_length_, *n.max_length);
    } else if (keyword == "pattern") {
      n.pattern_text = value.get<std::string>();
      n.pattern.emplace(n.pattern_text, std::regex::ECMAScript);
    } else if (keyword == "minimum") {
      n.minimum = value.get<double>();
    } else if (keyword == "maxItems") {
      n.max_items = value.get<std::size_t>();
      largest_max_items_ = std::max(largest_max_items_, *n.max_items);
    } else if (keyword == "items") {
      n.items = compile(value);
    } else if (keyword == "uniqueItems") {
      n.unique_items = value.get<bool>();
    } else if (keyword == "maxProperties") {
      n.max_properties = value.get<std::size_t>();
      largest_max_properties_ = std::max(largest_max_properties_, *n.max_properties);
    } else if (keyword == "propertyNames") {
      n.property_names = compile(value);
    } else if (keyword == "required") {
      n.required = value.get<std::vector<std::string>>();
    } else if (keyword == "properties") {
      for (const auto& [name, sub] : value.items()) n.properties[name] = compile(sub);
    } else if (keyword == "additionalProperties") {
      if (value.is_boolean()) {
        n.additional_allowed = value.get<bool>();
      } else {
        n.additional = compile(value);
      }
    } else if (keyword == "oneOf") {
      for (const auto& branch : value) n.one_of.push_back(compile(branch));
    } else {
      throw std::invalid_argument("report schema: keyword '" + keyword + "' is not supported");
    }
  }
  return &n;
}

std::optional<SchemaError> CompiledSchema::validate(const nlohmann::json& document) const {
  Walk walk;
  if (walk.check(*root_, document)) return std::nullopt;
  return SchemaError{walk.path.empty() ? "/" : walk.path, walk.message};
}

}  // namespace examready::reports
