// Browser identity: real User-Agent strings of the browsers candidates open links in, with
// and without Client Hints, and the screen fallback for class.
#include "webcheck/browser_identity.h"

#include <catch2/catch.hpp>

using namespace examready::webcheck;

namespace {

BrowserHints ua(std::string user_agent, int width = 0, int height = 0, int touch = 0) {
  BrowserHints hints;
  hints.user_agent = std::move(user_agent);
  hints.screen_width = width;
  hints.screen_height = height;
  hints.max_touch_points = touch;
  return hints;
}

std::string value(const std::optional<SourcedText>& fact) { return fact ? fact->value : "<none>"; }
std::string source(const std::optional<SourcedText>& fact) {
  return fact ? fact->source : "<none>";
}

}  // namespace

TEST_CASE("Chrome's reduced UA names no model; Client Hints do") {
  auto hints =
      ua("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
         "Chrome/120.0.0.0 Mobile Safari/537.36",
         393, 851, 5);
  BrowserIdentity id = identify_browser(hints);
  CHECK_FALSE(id.model);
  CHECK(value(id.os_family) == "android");
  CHECK(value(id.os_version) == "10");
  CHECK(value(id.device_class) == "phone");
  CHECK(id.browser == "chrome");

  hints.ch_model = "M2003J15SC";
  hints.ch_platform = "Android";
  hints.ch_platform_version = "10.0.0";
  hints.ch_mobile = true;
  id = identify_browser(hints);
  CHECK(value(id.model) == "M2003J15SC");
  CHECK(source(id.model) == "ua-ch");
  CHECK(value(id.os_version) == "10.0.0");
  CHECK(source(id.os_version) == "ua-ch");
}

TEST_CASE("vendor and in-app browsers still carry the model in their UA") {
  struct Case {
    const char* user_agent;
    const char* model;
    const char* browser;
    InAppBrowser in_app;
  };
  const Case cases[] = {
      {"Mozilla/5.0 (Linux; U; Android 11; zh-cn; M2004J19C Build/RP1A.200720.011) "
       "AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/89.0.4389.116 Mobile "
       "Safari/537.36 XiaoMi/MiuiBrowser/15.7.22",
       "M2004J19C", "miui", InAppBrowser::kNone},
      {"Mozilla/5.0 (Linux; Android 12; V2055A Build/SP1A.210812.003; wv) AppleWebKit/537.36 "
       "(KHTML, like Gecko) Version/4.0 Chrome/87.0.4280.141 Mobile Safari/537.36 "
       "VivoBrowser/17.6.12.0",
       "V2055A", "vivo", InAppBrowser::kNone},
      {"Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) "
       "SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36",
       "SM-S911B", "samsung", InAppBrowser::kNone},
      {"Mozilla/5.0 (Linux; Android 10; M2003J15SC Build/QP1A.190711.020; wv) "
       "AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/107.0.5304.141 Mobile "
       "Safari/537.36 XWEB/5061 MMWEBSDK/20230303 MMWEBID/8151 "
       "MicroMessenger/8.0.34.2340(0x2800223D) "
       "WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64",
       "M2003J15SC", "wechat", InAppBrowser::kWechat},
      {"Mozilla/5.0 (Linux; Android 12; PFJM10 Build/SP1A.210812.016; wv) AppleWebKit/537.36 "
       "(KHTML, like Gecko) Version/4.0 Chrome/98.0.4758.101 Mobile Safari/537.36 "
       "V1_AND_SQ_8.9.58_4108_YYB_D QQ/8.9.58.11050 NetType/WIFI WebP/0.3.0 AppId/537155599",
       "PFJM10", "qq", InAppBrowser::kQq},
  };
  for (const auto& c : cases) {
    INFO(c.user_agent);
    const BrowserIdentity id = identify_browser(ua(c.user_agent));
    CHECK(value(id.model) == c.model);
    CHECK(source(id.model) == "user-agent");
    CHECK(id.browser == c.browser);
    CHECK(id.in_app == c.in_app);
    CHECK(value(id.os_family) == "android");
  }
}

TEST_CASE("HarmonyOS is told apart from Android") {
  BrowserIdentity id = identify_browser(
      ua("Mozilla/5.0 (Linux; Android 12; HarmonyOS; ALN-AL00; HMSCore 6.12.0.302) "
         "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/99.0.4844.88 HuaweiBrowser/14.0.5.302 "
         "Mobile Safari/537.36"));
  CHECK(value(id.os_family) == "harmonyos");
  CHECK(value(id.model) == "ALN-AL00");
  CHECK(id.browser == "huawei");

  id =
      identify_browser(ua("Mozilla/5.0 (Phone; OpenHarmony 5.0) AppleWebKit/537.36 (KHTML, "
                          "like Gecko) Chrome/114.0.0.0 Safari/537.36 ArkWeb/4.1.6.1 Mobile "
                          "HuaweiBrowser/5.0.4.300"));
  CHECK(value(id.os_family) == "harmonyos");
  CHECK(value(id.os_version) == "5.0");
  CHECK(value(id.device_class) == "phone");
  CHECK_FALSE(id.model);
}

TEST_CASE("iPhone and iPad, including the iPad that says Macintosh") {
  const char* safari_mac =
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
      "Version/17.1 Safari/605.1.15";
  BrowserIdentity id = identify_browser(ua(safari_mac, 820, 1180, 5));
  CHECK(value(id.os_family) == "ios");
  CHECK(value(id.device_class) == "tablet");
  CHECK(source(id.device_class) == "user-agent+touch-points");
  CHECK(value(id.os_version) == "17.1");
  // The same string from a Mac (no touch screen) is a Mac.
  id = identify_browser(ua(safari_mac, 1440, 900, 0));
  CHECK(value(id.os_family) == "macos");
  CHECK_FALSE(id.device_class);

  id = identify_browser(
      ua("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, "
         "like Gecko) Mobile/15E148 MicroMessenger/8.0.44(0x18002c2b) NetType/WIFI Language/zh_CN",
         390, 844, 5));
  CHECK(value(id.os_version) == "17.1.2");
  CHECK(value(id.device_class) == "phone");
  CHECK(id.in_app == InAppBrowser::kWechat);
  CHECK_FALSE(id.model);  // Safari and WeChat never say which iPhone

  id =
      identify_browser(ua("Mozilla/5.0 (iPad; CPU OS 12_2 like Mac OS X) AppleWebKit/605.1.15 "
                          "(KHTML, like Gecko) Mobile/15E148"));
  CHECK(value(id.device_class) == "tablet");
  CHECK(value(id.os_version) == "12.2");
}

TEST_CASE("Android tablets: no Mobile token, or a tablet-sized screen; foldables stay phones") {
  // Chrome on an Android tablet drops "Mobile".
  BrowserIdentity id = identify_browser(
      ua("Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) "
         "Chrome/120.0.0.0 Safari/537.36",
         800, 1280, 10));
  CHECK(value(id.device_class) == "tablet");
  // A browser that asks for the mobile page on a 10-inch panel: the screen decides.
  id =
      identify_browser(ua("Mozilla/5.0 (Linux; Android 13; K) AppleWebKit/537.36 (KHTML, like "
                          "Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
                          800, 1280, 10));
  CHECK(value(id.device_class) == "tablet");
  CHECK(source(id.device_class) == "screen");
  // An unfolded foldable: wide but nearly square, and Mobile.
  id =
      identify_browser(ua("Mozilla/5.0 (Linux; Android 14; K) AppleWebKit/537.36 (KHTML, like "
                          "Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
                          673, 841, 10));
  CHECK(value(id.device_class) == "phone");
}

TEST_CASE("tokens that are not model codes are not taken for one") {
  CHECK(android_model_from_user_agent("Mozilla/5.0 (Linux; Android 10; K)") == "");
  CHECK(android_model_from_user_agent("Mozilla/5.0 (Linux; U; Android 4.4; en-us; wv)") == "");
  CHECK(android_model_from_user_agent("Mozilla/5.0 (Linux; Android 9; Build/PKQ1)") == "");
  CHECK(android_model_from_user_agent("Mozilla/5.0 (Linux; Android 9; <script>)") == "");
  CHECK(android_model_from_user_agent("Mozilla/5.0 (Linux; Android 11; Pixel 5)") == "Pixel 5");
  CHECK(android_model_from_user_agent("Mozilla/5.0 (X11; Linux x86_64)") == "");
  CHECK(android_model_from_user_agent("") == "");
}
