// The bounded parse (schema_limits.h): nlohmann's DOM builder behind a SAX filter.
#include "reports/schema_limits.h"

#include <set>
#include <string>
#include <vector>

#include "reports/schema.h"

namespace examready::reports {
namespace {

using Json = nlohmann::json;

class BoundedSax {
 public:
  BoundedSax(const TextLimits& limits, Json& out) : limits_(limits), dom_(out, false) {}

  bool null() { return value() && dom_.null(); }
  bool boolean(bool v) { return value() && dom_.boolean(v); }
  bool number_integer(Json::number_integer_t v) { return value() && dom_.number_integer(v); }
  bool number_unsigned(Json::number_unsigned_t v) { return value() && dom_.number_unsigned(v); }
  bool number_float(Json::number_float_t v, const std::string& s) {
    return value() && dom_.number_float(v, s);
  }
  bool string(std::string& v) {
    if (!value()) return false;
    if (v.size() > limits_.max_string_bytes) {
      return fail("string longer than " + std::to_string(limits_.max_string_bytes) + " bytes");
    }
    return dom_.string(v);
  }
  bool binary(Json::binary_t&) { return fail("binary values are not JSON"); }
  bool start_object(std::size_t n) { return open(false) && dom_.start_object(n); }
  bool key(std::string& k) {
    Frame& f = frames_.back();
    f.in_value = false;  // a failure here is the object's, not its previous member's
    if (k.size() > limits_.max_key_bytes) {
      return fail("property name longer than " + std::to_string(limits_.max_key_bytes) + " bytes");
    }
    if (++f.count > limits_.max_members) {
      return fail("more than " + std::to_string(limits_.max_members) + " properties");
    }
    if (!f.keys.insert(k).second) return fail("duplicate property '" + k.substr(0, 64) + "'");
    f.key = k;
    f.in_value = true;
    return dom_.key(k);
  }
  bool end_object() { return close() && dom_.end_object(); }
  bool start_array(std::size_t n) { return open(true) && dom_.start_array(n); }
  bool end_array() { return close() && dom_.end_array(); }
  template <class Exception>
  bool parse_error(std::size_t, const std::string&, const Exception&) {
    if (error_.empty()) error_ = "body is not JSON";
    not_json_ = true;
    return false;
  }

  const std::string& error() const { return error_; }
  bool not_json() const { return not_json_; }
  std::string path() const { return error_path_; }

 private:
  struct Frame {
    bool array = false;
    std::size_t count = 0;  // items, or members
    std::string key;        // the current member (objects)
    bool in_value = false;
    std::set<std::string> keys;
  };

  // Every value: counted, and in an array it is the next item.
  bool value() {
    if (++values_ > limits_.max_values) {
      return fail("more than " + std::to_string(limits_.max_values) + " values");
    }
    if (!frames_.empty() && frames_.back().array) {
      if (++frames_.back().count > limits_.max_items) {
        return fail("more than " + std::to_string(limits_.max_items) + " items");
      }
    }
    return true;
  }
  bool open(bool array) {
    if (!value()) return false;
    if (frames_.size() >= limits_.max_depth) {
      return fail("nested deeper than " + std::to_string(limits_.max_depth) + " levels");
    }
    frames_.push_back({array, 0, {}, false, {}});
    return true;
  }
  bool close() {
    frames_.pop_back();
    return true;
  }
  bool fail(std::string message) {
    error_ = std::move(message);
    error_path_.clear();
    for (const Frame& f : frames_) {
      if (f.array && f.count > 0) {
        error_path_ += "/" + std::to_string(f.count - 1);
      } else if (!f.array && f.in_value) {
        error_path_ += "/" + f.key.substr(0, 64);
      }
    }
    if (error_path_.empty()) error_path_ = "/";
    return false;
  }

  const TextLimits& limits_;
  nlohmann::detail::json_sax_dom_parser<Json> dom_;
  std::vector<Frame> frames_;
  std::size_t values_ = 0;
  std::string error_, error_path_;
  bool not_json_ = false;
};

}  // namespace

std::optional<SchemaError> parse_bounded(std::string_view text, const TextLimits& limits,
                                         nlohmann::json& out) {
  out = nullptr;
  BoundedSax sax(limits, out);
  if (Json::sax_parse(text, &sax, Json::input_format_t::json, true, false)) {
    return std::nullopt;
  }
  out = nullptr;  // what was built so far goes at once
  if (sax.not_json()) return SchemaError{"", "body is not JSON"};
  return SchemaError{sax.path(), sax.error()};
}

}  // namespace examready::reports
