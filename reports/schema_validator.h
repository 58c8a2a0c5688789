// A first-error JSON Schema validator for the keywords report.schema.json uses (draft-07:
// type, const, enum, maxLength, pattern, minimum, maxItems, items, uniqueItems,
// maxProperties, propertyNames, required, properties, additionalProperties, oneOf, $ref to
// #/definitions). It stops at the first failure, never collects errors, and checks sizes
// before anything else: a string's length before its pattern, an array's length before its
// items, an object's size before its members. So the regex only ever sees strings within
// their schema's maxLength, and a rejected document costs one walk of its valid prefix.
#pragma once

#include <deque>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace examready::reports {

struct SchemaError;

class CompiledSchema {
 public:
  // Throws std::invalid_argument on a keyword it does not implement (so the schema cannot
  // gain a rule that would silently go unchecked) or a $ref it cannot resolve.
  explicit CompiledSchema(const nlohmann::json& schema);

  // The first failure, or nullopt when `document` is valid.
  std::optional<SchemaError> validate(const nlohmann::json& document) const;

  // The largest maxLength, maxItems and maxProperties anywhere in the schema: the text
  // pre-pass (schema_limits.h) bounds a document with them before it is even built.
  std::size_t largest_max_length() const { return largest_max_length_; }
  std::size_t largest_max_items() const { return largest_max_items_; }
  std::size_t largest_max_properties() const { return largest_max_properties_; }

 private:
  enum TypeBit : unsigned {
    kString = 1,
    kNumber = 2,
    kInteger = 4,
    kBoolean = 8,
    kObject = 16,
    kArray = 32,
    kNull = 64
  };
  struct Node {
    unsigned types = 0;  // 0: any type
    std::optional<nlohmann::json> constant;
    std::vector<nlohmann::json> enumeration;
    std::optional<std::size_t> max_length;
    std::optional<std::regex> pattern;
    std::string pattern_text;
    std::optional<double> minimum;
    std::optional<std::size_t> max_items;
    const Node* items = nullptr;
    bool unique_items = false;
    std::optional<std::size_t> max_properties;
    const Node* property_names = nullptr;
    std::vector<std::string> required;
    std::map<std::string, const Node*, std::less<>> properties;
    bool additional_allowed = true;
    const Node* additional = nullptr;
    std::vector<const Node*> one_of;
    const Node* ref = nullptr;
  };
  class Walk;

  Node* compile(const nlohmann::json& schema);
  const Node* resolve(const std::string& ref);

  std::deque<Node> nodes_;  // stable addresses
  std::map<std::string, Node*, std::less<>> definitions_;
  const Node* root_ = nullptr;
  std::size_t largest_max_length_ = 0;
  std::size_t largest_max_items_ = 0;
  std::size_t largest_max_properties_ = 0;
};

}  // namespace examready::reports
