// The WebAssembly module's interface (embind): WebSession with JSON text in and out, and the
// captured media as typed arrays. The page (server/web/check.js) is its only user.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <exception>

#include "webcheck/web_session.h"

namespace {

using examready::webcheck::WebSession;
using nlohmann::json;

std::string dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string error_text(const std::exception& e) { return dump({{"error", e.what()}}); }

// The page's start parameters, parsed once; text that is not JSON starts a default session.
json object_or_empty(const std::string& text) {
  json parsed = json::parse(text, nullptr, false);
  return parsed.is_discarded() ? json::object() : parsed;
}

// A malformed argument from the page is an {"error"} answer, never an abort of the module.
class JsWebSession {
 public:
  explicit JsWebSession(const std::string& start) : session_(object_or_empty(start)) {}

  std::string run(const std::string& check, const std::string& input) {
    try {
      return dump(session_.run(check, json::parse(input)));
    } catch (const std::exception& e) {
      return error_text(e);
    }
  }
  void add_rgba_frame(const emscripten::val& rgba, int width, int height) {
    const auto bytes = emscripten::convertJSArrayToNumberVector<std::uint8_t>(rgba);
    session_.add_rgba_frame(bytes, width, height);
  }
  void set_samples(const emscripten::val& samples) {
    session_.set_samples(emscripten::convertJSArrayToNumberVector<float>(samples));
  }
  std::string report() const { return dump(session_.report()); }
  std::string evaluate(const std::string& rules_bundle, const std::string& now_utc) {
    try {
      return dump(session_.evaluate(json::parse(rules_bundle), now_utc));
    } catch (const std::exception& e) {
      return error_text(e);
    }
  }

 private:
  WebSession session_;
};

std::string core_version() { return EXAMREADY_VERSION; }

}  // namespace

EMSCRIPTEN_BINDINGS(examready_web) {
  emscripten::class_<JsWebSession>("WebSession")
      .constructor<const std::string&>()
      .function("run", &JsWebSession::run)
      .function("addRgbaFrame", &JsWebSession::add_rgba_frame)
      .function("setSamples", &JsWebSession::set_samples)
      .function("report", &JsWebSession::report)
      .function("evaluate", &JsWebSession::evaluate);
  emscripten::function("coreVersion", &core_version);
}
