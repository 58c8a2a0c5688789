// User-Agent, Client Hints and screen -> OS, model and class, each with its source.
#include "webcheck/browser_identity.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "core/enum_names.h"
#include "core/text.h"

namespace examready::webcheck {
namespace {

using core::text::contains;
using core::text::lower;
using core::text::trim;

// The first parenthesised group of a UA: "Linux; Android 10; M2003J15SC Build/QP1A…".
std::string_view platform_group(std::string_view ua) {
  const auto open = ua.find('(');
  if (open == std::string_view::npos) return {};
  const auto close = ua.find(')', open);
  if (close == std::string_view::npos) return ua.substr(open + 1);
  return ua.substr(open + 1, close - open - 1);
}

std::vector<std::string_view> split_tokens(std::string_view group) {
  std::vector<std::string_view> tokens;
  while (!group.empty()) {
    const auto semicolon = group.find(';');
    tokens.push_back(trim(group.substr(0, semicolon)));
    if (semicolon == std::string_view::npos) break;
    group.remove_prefix(semicolon + 1);
  }
  return tokens;
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         core::text::equals_ignoring_case(text.substr(0, prefix.size()), prefix);
}

// The version after `product/` ("Chrome/120.0.0.0" -> "120.0.0.0"), "" when absent.
std::string product_version(std::string_view ua, std::string_view product) {
  const auto at = ua.find(std::string(product) + "/");
  if (at == std::string_view::npos) return {};
  std::string_view rest = ua.substr(at + product.size() + 1);
  std::size_t end = 0;
  while (end < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[end])) ||
                               rest[end] == '.' || rest[end] == '_'))
    ++end;
  return std::string(rest.substr(0, end));
}

// "17_1_2" -> "17.1.2"; "" unless it starts with a digit.
std::string dotted(std::string_view version) {
  std::string out(version);
  std::replace(out.begin(), out.end(), '_', '.');
  if (out.empty() || !std::isdigit(static_cast<unsigned char>(out.front()))) return {};
  return out;
}

// The version following `marker` inside the platform group ("Android 10" -> "10").
std::string version_after(std::string_view text, std::string_view marker) {
  const auto at = text.find(marker);
  if (at == std::string_view::npos) return {};
  std::string_view rest = text.substr(at + marker.size());
  std::size_t end = 0;
  while (end < rest.size() && (std::isdigit(static_cast<unsigned char>(rest[end])) ||
                               rest[end] == '.' || rest[end] == '_'))
    ++end;
  return dotted(rest.substr(0, end));
}

bool is_locale(std::string_view token) {
  // "zh-cn", "zh_CN", "en-us", "zh"
  if (token.size() == 2)
    return std::isalpha(static_cast<unsigned char>(token[0])) &&
           std::isalpha(static_cast<unsigned char>(token[1]));
  return token.size() == 5 && (token[2] == '-' || token[2] == '_') &&
         std::isalpha(static_cast<unsigned char>(token[0])) &&
         std::isalpha(static_cast<unsigned char>(token[4]));
}

// Model codes are letters, digits and a few separators; anything else in that slot is a
// browser's own token.
bool plausible_model(std::string_view token) {
  if (token.size() < 2 || token.size() > 40) return false;
  bool digit = false;
  for (char c : token) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isdigit(u)) digit = true;
    if (!std::isalnum(u) && c != '-' && c != '_' && c != ' ' && c != '+' && c != '.') return false;
  }
  return digit;  // "Pixel 7", "M2003J15SC", "SM-X700", "ELS-AN00": all carry a digit
}

bool is_ios_tablet_token(std::string_view group) { return starts_with_ci(group, "iPad"); }

void identify_browser_name(std::string_view ua, BrowserIdentity& out) {
  struct Known {
    std::string_view token;
    std::string_view name;
  };
  // Most specific first: in-app and vendor browsers also carry Chrome/ and Safari/.
  static constexpr Known kKnown[] = {
      {"MicroMessenger", "wechat"},
      {"MQQBrowser", "qq-browser"},
      {"QQ", "qq"},
      {"HuaweiBrowser", "huawei"},
      {"MiuiBrowser", "miui"},
      {"VivoBrowser", "vivo"},
      {"HeyTapBrowser", "oppo"},
      {"SamsungBrowser", "samsung"},
      {"UCBrowser", "uc"},
      {"Quark", "quark"},
      {"EdgA", "edge"},
      {"Edg", "edge"},
      {"Firefox", "firefox"},
      {"FxiOS", "firefox"},
      {"CriOS", "chrome"},
      {"Chrome", "chrome"},
      {"Version", "safari"},
  };
  for (const auto& known : kKnown) {
    std::string version = product_version(ua, known.token);
    if (version.empty()) continue;
    out.browser = std::string(known.name);
    out.browser_version = std::move(version);
    break;
  }
  if (contains(ua, "MicroMessenger/")) out.in_app = InAppBrowser::kWechat;
  // QQ's in-app browser says " QQ/8.9…"; the standalone QQ Browser says MQQBrowser only.
  else if (contains(ua, " QQ/"))
    out.in_app = InAppBrowser::kQq;
}

// Android's tablet line is a smallest width of 600 dp. Foldables open to a nearly square
// panel of the same width, so a wide screen with an aspect under 1.3 is left to the UA.
std::optional<SourcedText> class_from_screen(const BrowserHints& hints) {
  if (hints.screen_width <= 0 || hints.screen_height <= 0) return std::nullopt;
  const int shortest = std::min(hints.screen_width, hints.screen_height);
  const int longest = std::max(hints.screen_width, hints.screen_height);
  if (shortest < 600) return SourcedText{"phone", "screen"};
  if (static_cast<double>(longest) / shortest >= 1.3) return SourcedText{"tablet", "screen"};
  return std::nullopt;
}

void identify_android(std::string_view ua, std::string_view group, const BrowserHints& hints,
                      BrowserIdentity& out) {
  const bool harmony = contains(group, "HarmonyOS");
  out.os_family = SourcedText{harmony ? "harmonyos" : "android", "user-agent"};
  if (!hints.ch_platform_version.empty() && lower(hints.ch_platform) == "android") {
    out.os_version = SourcedText{hints.ch_platform_version, "ua-ch"};
  } else if (auto v = version_after(group, "Android "); !v.empty()) {
    out.os_version = SourcedText{v, "user-agent"};
  }
  if (!hints.ch_model.empty()) {
    out.model = SourcedText{hints.ch_model, "ua-ch"};
  } else if (auto model = android_model_from_user_agent(ua); !model.empty()) {
    out.model = SourcedText{model, "user-agent"};
  }
  // Chrome on Android sends "Mobile" (and Sec-CH-UA-Mobile ?1) on phones only; tablets get
  // the desktop-like form. Foldables are phones and say Mobile.
  const bool mobile = hints.ch_mobile.value_or(contains(ua, " Mobile"));
  const auto screen = class_from_screen(hints);
  if (!mobile) {
    out.device_class = SourcedText{"tablet", hints.ch_mobile ? "ua-ch mobile=?0" : "user-agent"};
  } else if (screen && screen->value == "tablet") {
    out.device_class = screen;
  } else {
    out.device_class = SourcedText{"phone", screen ? "user-agent+screen" : "user-agent"};
  }
}

void identify_apple(std::string_view ua, std::string_view group, BrowserIdentity& out) {
  out.os_family = SourcedText{"ios", "user-agent"};
  out.brand_hint = SourcedText{"apple", "user-agent"};
  const bool ipad = is_ios_tablet_token(group) || starts_with_ci(group, "Macintosh");
  out.device_class =
      SourcedText{ipad ? "tablet" : "phone",
                  starts_with_ci(group, "Macintosh") ? "user-agent+touch-points" : "user-agent"};
  if (auto v = version_after(group, " OS "); !v.empty()) {
    out.os_version = SourcedText{v, "user-agent"};
  } else if (auto safari = dotted(product_version(ua, "Version")); !safari.empty()) {
    // iPadOS in desktop mode freezes the OS version ("10_15_7"); Safari's tracks iOS.
    out.os_version = SourcedText{safari, "user-agent Safari version"};
  }
}

constexpr std::pair<InAppBrowser, std::string_view> kInAppNames[] = {
    {InAppBrowser::kNone, "none"}, {InAppBrowser::kWechat, "wechat"}, {InAppBrowser::kQq, "qq"}};

}  // namespace

std::string_view to_string(InAppBrowser app) { return core::enum_name(app, kInAppNames); }

std::string android_model_from_user_agent(std::string_view user_agent) {
  const std::vector<std::string_view> tokens = split_tokens(platform_group(user_agent));
  bool after_android = false;
  for (std::string_view token : tokens) {
    if (starts_with_ci(token, "Android")) {
      after_android = true;
      continue;
    }
    if (!after_android) continue;
    const auto build = token.find(" Build/");
    if (build != std::string_view::npos) token = trim(token.substr(0, build));
    if (token.empty() || token == "K" || token == "U" || token == "wv" || is_locale(token) ||
        token == "HarmonyOS" || starts_with_ci(token, "HMSCore") || starts_with_ci(token, "Build/"))
      continue;
    return plausible_model(token) ? std::string(token) : std::string();
  }
  return {};
}

BrowserIdentity identify_browser(const BrowserHints& hints) {
  BrowserIdentity out;
  const std::string_view ua = hints.user_agent;
  const std::string_view group = platform_group(ua);
  identify_browser_name(ua, out);

  if (contains(group, "OpenHarmony")) {
    // HarmonyOS NEXT: "(Phone; OpenHarmony 5.0)"; the first token is the device type.
    out.os_family = SourcedText{"harmonyos", "user-agent"};
    if (auto v = version_after(group, "OpenHarmony "); !v.empty())
      out.os_version = SourcedText{v, "user-agent"};
    const std::string type = lower(split_tokens(group).front());
    if (type == "phone" || type == "tablet") out.device_class = SourcedText{type, "user-agent"};
    if (!hints.ch_model.empty()) out.model = SourcedText{hints.ch_model, "ua-ch"};
  } else if (contains(group, "Android")) {
    identify_android(ua, group, hints, out);
  } else if (starts_with_ci(group, "iPhone") || starts_with_ci(group, "iPod") ||
             is_ios_tablet_token(group) ||
             // iPadOS 13+ asks for desktop pages as a Mac; only its touch screen gives it away.
             (starts_with_ci(group, "Macintosh") && hints.max_touch_points > 1)) {
    identify_apple(ua, group, out);
  } else if (contains(group, "Windows")) {
    out.os_family = SourcedText{"windows", "user-agent"};
  } else if (starts_with_ci(group, "Macintosh")) {
    out.os_family = SourcedText{"macos", "user-agent"};
  } else if (contains(group, "Linux") || contains(group, "X11")) {
    out.os_family = SourcedText{"linux", "user-agent"};
  }
  return out;
}

}  // namespace examready::webcheck
