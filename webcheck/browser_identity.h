// What a phone's browser says about the device it runs on: the User-Agent string, User-Agent
// Client Hints and the screen. Pure parsing, so the page (through WebAssembly) and the tests
// read the same strings the same way. Nothing here guesses: a field nobody stated stays empty.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace examready::webcheck {

// What the page collects before any permission prompt (webcheck/web_session.h reads it from
// JSON). Screen sizes are CSS pixels, which on phones are density-independent (Android dp,
// iOS points: ~160 per inch).
struct BrowserHints {
  std::string user_agent;
  std::string ch_model;           // getHighEntropyValues: "M2003J15SC"; "" on desktops
  std::string ch_platform;        // "Android", "iOS", "Windows", "macOS", "Linux"…
  std::string ch_platform_version;
  std::optional<bool> ch_mobile;
  int screen_width = 0;  // screen.width / screen.height, CSS px
  int screen_height = 0;
  int max_touch_points = 0;
};

struct SourcedText {
  std::string value;
  std::string source;  // "ua-ch", "user-agent", "screen"…
};

// Where the page runs. An in-app browser (WeChat, QQ) often has no camera or microphone for
// pages: the page must say how to open the link in the system browser.
enum class InAppBrowser { kNone, kWechat, kQq };
std::string_view to_string(InAppBrowser app);  // "none", "wechat", "qq"

struct BrowserIdentity {
  std::optional<SourcedText> os_family;  // android, harmonyos, ios, windows, macos, linux
  std::optional<SourcedText> os_version;
  std::optional<SourcedText> model;         // a model code the device database can look up
  std::optional<SourcedText> brand_hint;    // "apple" for iPhone/iPad; Android UAs name none
  std::optional<SourcedText> device_class;  // from the UA and the screen: phone or tablet
  std::string browser;  // chrome, safari, firefox, edge, samsung, huawei, miui, vivo, wechat…
  std::string browser_version;
  InAppBrowser in_app = InAppBrowser::kNone;
};

BrowserIdentity identify_browser(const BrowserHints& hints);

// The model token of an Android User-Agent: "Mozilla/5.0 (Linux; Android 10; M2003J15SC
// Build/QP1A…)" -> "M2003J15SC". Chrome's reduced UA sends "K" for every phone: that is no
// model, so "" is returned, as for "wv", "U", locale tokens and anything not a model code.
std::string android_model_from_user_agent(std::string_view user_agent);

}  // namespace examready::webcheck
