// Fuzz target: what the web check's page hands to the WebAssembly core. The page runs on the
// candidate's phone, so every field is as hostile as any client's: "CHECK\nJSON" runs one
// check on that input, and the User-Agent parser reads the whole text. Whatever comes in,
// the session's report must stay a valid examready.report/1 document.
#include <cstdint>
#include <nlohmann/json.hpp>

#include "tests/fuzz/fuzz_support.h"
#include "webcheck/browser_identity.h"
#include "webcheck/web_session.h"

using namespace examready;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  webcheck::BrowserHints hints;
  hints.user_agent = std::string(text);
  hints.ch_model = std::string(text.substr(0, 64));
  webcheck::identify_browser(hints);
  (void)webcheck::android_model_from_user_agent(text);

  const auto newline = text.find('\n');
  const std::string check(text.substr(0, newline));
  const std::string_view body = newline == std::string_view::npos ? "" : text.substr(newline + 1);
  const nlohmann::json input = nlohmann::json::parse(body, nullptr, false);
  webcheck::WebSession session(input.is_discarded() ? nlohmann::json::object() : input);
  session.set_samples(std::vector<float>(size % 4096, 0.25f));
  std::vector<std::uint8_t> rgba(16 * 9 * 4, static_cast<std::uint8_t>(size));
  session.add_rgba_frame(rgba, 16, 9);
  session.run(check, input.is_discarded() ? nlohmann::json(std::string(body)) : input);
  const nlohmann::json report = session.report();
  if (report.contains("error")) fuzz::invariant_failed("an invalid report", report.dump());
  return 0;
}
