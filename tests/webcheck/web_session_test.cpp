// WebSession: the page's inputs become checks, a valid browser report and its evaluation by
// the shipped rules sets, and hostile input never becomes a crash or a confident fact.
#include "webcheck/web_session.h"

#include <catch2/catch.hpp>

#include <cmath>

#include "core/analysis/audio_analysis.h"
#include "rules/bundle.h"

using examready::webcheck::WebSession;
using nlohmann::json;

namespace {

// The shipped set as GET /v1/rules/NAME serves it.
json rules_bundle(const std::string& main) {
  return examready::rules::rule_set_bundle(EXAMREADY_SOURCE_DIR "/rules/sets/" + main);
}

json identity(const std::string& model, bool mobile = true, int width = 393, int height = 851) {
  json hints = {{"user_agent", std::string("Mozilla/5.0 (Linux; Android 13; K) AppleWebKit/537.36 "
                                           "(KHTML, like Gecko) Chrome/120.0.0.0 ") +
                                   (mobile ? "Mobile " : "") + "Safari/537.36"},
                {"screen", {{"width", width}, {"height", height}, {"max_touch_points", 5}}},
                {"secure_context", true}};
  hints["client_hints"] = {
      {"platform", "Android"}, {"platformVersion", "13.0.0"}, {"mobile", mobile}};
  if (!model.empty()) hints["client_hints"]["model"] = model;
  return hints;
}

std::string rule_outcome(const json& evaluation, const std::string& id) {
  for (const auto& rule : evaluation.at("rules")) {
    if (rule.at("id") == id) return rule.at("outcome");
  }
  return "<absent>";
}

json measurement(const json& check, const std::string& metric) {
  return check.at("measurements").at(metric).at("value");
}

}  // namespace

TEST_CASE("a 1 kHz sine at amplitude 0.5 reads -9 dBFS, as natively") {
  WebSession session(json::object());
  session.set_samples(examready::core::make_tone(1000, 0.5, 2.0, 48000));
  const json mic = session.run("microphone", {{"sample_rate_hz", 48000}});
  CHECK(mic.at("status") == "ok");
  CHECK(measurement(mic, "microphone.rms_dbfs").get<double>() == Approx(-9.03).margin(0.05));
  CHECK(measurement(mic, "microphone.clipping_ratio").get<double>() == 0);
  CHECK(mic.at("measurements")
            .at("microphone.rms_dbfs")
            .at("source")
            .get<std::string>()
            .find("auto gain off") != std::string::npos);
}

TEST_CASE("black frames are dark, changing frames are neither dark nor frozen") {
  WebSession session(json::object());
  std::vector<std::uint8_t> black(64 * 36 * 4, 0);
  for (int i = 0; i < 5; ++i) session.add_rgba_frame(black, 64, 36);
  json camera = session.run("camera", {{"width", 1280}, {"height", 720}, {"fps", 30}});
  CHECK(measurement(camera, "camera.dark_frame_ratio").get<double>() == 1.0);
  CHECK(measurement(camera, "camera.mean_luma").get<double>() == Approx(16.0));  // video black

  std::vector<std::uint8_t> frame(64 * 36 * 4, 0);
  for (int i = 0; i < 5; ++i) {
    for (std::size_t p = 0; p < frame.size(); ++p)
      frame[p] = static_cast<std::uint8_t>(p * 7 + i * 13);
    session.add_rgba_frame(frame, 64, 36);
  }
  camera = session.run("camera", {{"width", 1280}, {"height", 720}});
  CHECK(measurement(camera, "camera.dark_frame_ratio").get<double>() == 0.0);
  CHECK(measurement(camera, "camera.frozen_frame_ratio").get<double>() == 0.0);
}

TEST_CASE("a phone's back camera is measured apart from its front camera") {
  WebSession session(json::object());
  std::vector<std::uint8_t> black(64 * 36 * 4, 0);
  std::vector<std::uint8_t> frame(64 * 36 * 4, 0);
  for (int i = 0; i < 6; ++i) {
    session.add_rgba_frame(black, 64, 36);  // front: frozen black
    for (std::size_t p = 0; p < frame.size(); ++p)
      frame[p] = static_cast<std::uint8_t>(p * 7 + i * 13);
    session.add_rgba_frame(frame, 64, 36, WebSession::Camera::kBack);
  }
  json camera = session.run("camera", {{"width", 1920},
                                       {"height", 1080},
                                       {"fps", 30},
                                       {"facing", "user"},
                                       {"max_width", 4000},
                                       {"max_height", 3000},
                                       {"back",
                                        {{"width", 1280},
                                         {"height", 720},
                                         {"fps", 29.5},
                                         {"facing", "environment"},
                                         {"found_by", "facing"}}}});
  CHECK(measurement(camera, "camera.facing") == "front");
  CHECK(measurement(camera, "camera.frozen_frame_ratio").get<double>() == 1.0);
  CHECK(measurement(camera, "camera.max_width_px") == 4000);
  CHECK(measurement(camera, "camera.back_opened") == true);
  CHECK(measurement(camera, "camera.back_width_px") == 1280);
  CHECK(measurement(camera, "camera.back_fps").get<double>() == Approx(29.5));
  CHECK(measurement(camera, "camera.back_frozen_frame_ratio").get<double>() == 0.0);
  CHECK(camera.at("measurements").at("camera.back_opened").at("source") ==
        "getUserMedia facingMode environment");
  CHECK(camera.at("message") == "front camera 1920x1080 at 30 fps; back camera 1280x720 at 30 fps");
  CHECK(camera.at("summary").at("zh-CN") ==
        "前置摄像头 1920×1080，30 帧/秒；后置摄像头 1280×720，30 帧/秒");

  SECTION("the frame rate's source says how the page counted it, in known words only") {
    session.add_rgba_frame(frame, 64, 36);
    camera = session.run("camera",
                         {{"fps", 30}, {"fps_from", "presented frames over their media time"}});
    CHECK(camera.at("measurements").at("camera.fps").at("source") ==
          "presented frames over their media time");
    session.add_rgba_frame(frame, 64, 36);
    camera = session.run("camera", {{"fps", 30}, {"fps_from", "<script>"}});
    CHECK(camera.at("measurements").at("camera.fps").at("source") ==
          "frames delivered over the capture");
  }
  SECTION("a second camera the browser does not say faces back is named as such") {
    session.add_rgba_frame(frame, 64, 36);
    session.add_rgba_frame(frame, 64, 36, WebSession::Camera::kBack);
    camera = session.run(
        "camera", {{"width", 1280},
                   {"height", 720},
                   {"back", {{"width", 640}, {"height", 480}, {"found_by", "other-device"}}}});
    CHECK(measurement(camera, "camera.back_opened") == true);
    CHECK(camera.at("measurements")
              .at("camera.back_opened")
              .at("source")
              .get<std::string>()
              .find("does not say") != std::string::npos);
    CHECK(camera.at("message") == "camera 1280x720; second camera 640x480");
    CHECK_FALSE(camera.at("measurements").contains("camera.facing"));
  }
  SECTION("a back camera that does not open is a finding, none found is not") {
    session.add_rgba_frame(frame, 64, 36);
    camera = session.run("camera", {{"facing", "user"},
                                    {"back",
                                     {{"status", "error"},
                                      {"message", "NotReadableError: Could not start video source"},
                                      {"found_by", "facing"},
                                      {"facing", "environment"}}}});
    CHECK(camera.at("status") == "ok");
    CHECK(measurement(camera, "camera.back_opened") == false);
    CHECK(camera.at("message") ==
          "front camera; back camera did not open: NotReadableError: Could not start video source");
    session.add_rgba_frame(frame, 64, 36);
    camera = session.run("camera", {{"back", {{"status", "unsupported"}}}});
    CHECK_FALSE(camera.at("measurements").contains("camera.back_opened"));
    CHECK(camera.at("message") == "camera; no back camera found");
  }
}

TEST_CASE("a front camera that fails does not hide a working back camera") {
  WebSession session(json::object());
  std::vector<std::uint8_t> frame(64 * 36 * 4, 0);
  for (int i = 0; i < 4; ++i) {
    for (std::size_t p = 0; p < frame.size(); ++p)
      frame[p] = static_cast<std::uint8_t>(p * 5 + i * 11);
    session.add_rgba_frame(frame, 64, 36, WebSession::Camera::kBack);
  }
  const json back = {{"width", 1920}, {"height", 1080}, {"fps", 30}, {"found_by", "facing"}};
  SECTION("held by another app") {
    const json camera =
        session.run("camera", {{"status", "error"},
                               {"message", "NotReadableError: Could not start video source"},
                               {"camera_count", 2},
                               {"back", back}});
    CHECK(camera.at("status") == "error");  // the front camera's outcome
    CHECK(measurement(camera, "camera.back_opened") == true);
    CHECK(measurement(camera, "camera.back_width_px") == 1920);
    CHECK(measurement(camera, "camera.count") == 2);
    CHECK(measurement(camera, "camera.opened") == false);
    CHECK(camera.at("message") ==
          "front camera: NotReadableError: Could not start video source; back camera 1920x1080 "
          "at 30 fps");
    CHECK(camera.at("summary").at("zh-CN") == "前置摄像头打不开；后置摄像头 1920×1080，30 帧/秒");
    const json evaluation =
        session.evaluate(rules_bundle("xiaoyibang.toml"), "2026-12-03T10:00:00Z");
    CHECK(rule_outcome(evaluation, "xyb.camera") == "fail");  // the front camera did not open
  }
  SECTION("granted but no frames") {
    const json camera = session.run("camera", {{"width", 1280}, {"height", 720}, {"back", back}});
    CHECK(camera.at("status") == "error");
    CHECK(measurement(camera, "camera.opened") == false);
    CHECK(measurement(camera, "camera.back_opened") == true);
    CHECK(camera.at("summary").at("zh-CN") == "前置摄像头打不开；后置摄像头 1920×1080，30 帧/秒");
  }
  SECTION("a refusal stays a refusal") {
    const json camera = session.run(
        "camera", {{"status", "denied"}, {"message", "NotAllowedError"}, {"back", back}});
    CHECK(camera.at("status") == "denied");
    CHECK(camera.at("measurements").empty());
  }
}

TEST_CASE("the encoder's source says whose frames it encoded") {
  WebSession session(json::object());
  auto source = [&](const json& result) {
    json mode = {{"width", 1280},     {"height", 720}, {"supported", true},
                 {"hardware", false}, {"frames", 30},  {"seconds", 0.5}};
    mode.update(result);
    const json encoder = session.run("encoder", {{"codec", "avc1 (H.264)"}, {"results", {mode}}});
    return encoder.at("measurements").at("encoder.fps_720p").at("source").get<std::string>();
  };
  CHECK(source({{"camera_frames", 30}}) == "webcodecs 30 camera frames encoded in 0.50 s");
  CHECK(source({{"camera_frames", 0}}) ==
        "webcodecs 30 drawn frames (no camera open) encoded in 0.50 s");
  CHECK(source({{"camera_frames", 12}}) ==
        "webcodecs 30 frames (12 from the camera) encoded in 0.50 s");
  CHECK(source(json::object()) == "webcodecs 30 frames encoded in 0.50 s");
}

TEST_CASE("a refused camera is denied, with no measurements") {
  WebSession session(json::object());
  const json camera = session.run("camera", {{"status", "denied"}, {"message", "NotAllowedError"}});
  CHECK(camera.at("status") == "denied");
  CHECK(camera.at("measurements").empty());
  CHECK(session.report().at("probe").at("unavailable_checks") == json::array({"camera"}));
}

TEST_CASE("the report is a valid browser report, and a secondary keeps its pairing") {
  WebSession session(
      {{"role", "secondary"}, {"pair_code", "jr4f78ma"}, {"pair_proof", "3QF7ZK0M9XDA4B1C"}});
  session.run("identity", identity("M2003J15SG"));
  const json report = session.report();
  REQUIRE_FALSE(report.contains("error"));
  CHECK(report.at("probe").at("transport") == "browser");
  CHECK(report.at("host").at("platform") == "android");
  CHECK(report.at("role") == "secondary");
  CHECK(report.at("pair_code") == "JR4F-78MA");
  CHECK(report.at("pair_proof") == "3QF7ZK0M9XDA4B1C");

  WebSession forged(
      {{"role", "secondary"}, {"pair_code", "JR4F-78MA"}, {"pair_proof", "x' OR 1=1"}});
  CHECK_FALSE(forged.report().contains("pair_proof"));
}

TEST_CASE("one browser's installation secret gives one device id; none without a valid one") {
  const std::string secret(64, 'a'), other(64, 'b');
  auto id = [](const json& start) {
    return WebSession(start).report().at("host").value("device_id", std::string());
  };
  const std::string first = id({{"installation_secret", secret}});
  CHECK(first.size() == 32);
  CHECK(id({{"installation_secret", secret}, {"role", "secondary"}}) == first);
  CHECK(id({{"installation_secret", other}}) != first);
  CHECK(id({{"installation_secret", std::string(64, 'G')}}).empty());
  CHECK(id({{"installation_secret", std::string(63, 'a')}}).empty());
  CHECK(id(json::object()).empty());
}

TEST_CASE("the shipped rules judge what the browser saw") {
  const json xiaoyibang = rules_bundle("xiaoyibang.toml");
  SECTION("a Redmi Note 9 gets the XYB-4 warning; the Redmi 10X 4G is warned as its hardware") {
    for (const auto& [model, named, hardware] :
         {std::tuple{"M2003J15SG", "fail", "pass"}, std::tuple{"M2003J15SC", "pass", "fail"},
          std::tuple{"M2003J6B2G", "pass", "pass"}}) {
      INFO(model);
      WebSession session(json::object());
      session.run("identity", identity(model));
      const json evaluation = session.evaluate(xiaoyibang, "2026-12-03T10:00:00Z");
      REQUIRE_FALSE(evaluation.contains("error"));
      CHECK(rule_outcome(evaluation, "xyb.redmi-note-9") == named);
      CHECK(rule_outcome(evaluation, "xyb.redmi-note-9-hardware") == hardware);
    }
  }
  SECTION("a tablet is not ready") {
    WebSession session(json::object());
    session.run("identity", identity("SM-X700", false, 800, 1280));
    const json evaluation = session.evaluate(xiaoyibang, "2026-12-03T10:00:00Z");
    CHECK(rule_outcome(evaluation, "device.phone") == "fail");
    CHECK(evaluation.at("verdict") == "not_ready");
  }
  SECTION("an unknown model is a phone by its screen, and its launch year is unknown") {
    WebSession session(json::object());
    const json answer = session.run("identity", identity("ZZ-UNKNOWN1"));
    const json& device = answer.at("checks").at(1);
    CHECK(measurement(device, "device.db_match") == "none");
    CHECK(measurement(device, "device.class") == "phone");
    CHECK(device.at("message").get<std::string>().find("not in the device database") !=
          std::string::npos);
    const json evaluation = session.evaluate(xiaoyibang, "2026-12-03T10:00:00Z");
    CHECK(rule_outcome(evaluation, "device.known") == "fail");
    CHECK(rule_outcome(evaluation, "xyb.recent-model") == "unknown");
  }
  SECTION("the collector's database, handed over, knows what the built-in one does not") {
    const auto served =
        std::make_shared<const examready::devices::DeviceDb>(examready::devices::DeviceDb::parse(
            "brand\tseries\tmarketing_name\tclass\tlaunch_year\tprice_tier\tmodel_codes\t"
            "codenames\tsource\n"
            "acme\tacme-z\tAcme Z\tphone\t2026-03\tflagship\tZZ-UNKNOWN1\tzeta\tsrc\n"));
    WebSession session(json::object(), served);
    const json answer = session.run("identity", identity("ZZ-UNKNOWN1"));
    const json& device = answer.at("checks").at(1);
    CHECK(measurement(device, "device.db_match") == "model");
    CHECK(measurement(device, "device.marketing_name") == "Acme Z");
    CHECK(measurement(device, "device.db_version") == served->version());
    const json evaluation = session.evaluate(xiaoyibang, "2026-12-03T10:00:00Z");
    CHECK(rule_outcome(evaluation, "device.known") == "pass");
    CHECK(rule_outcome(evaluation, "xyb.recent-model") == "pass");
  }
  SECTION("a broken rules set is a located error, not a verdict") {
    WebSession session(json::object());
    json broken = xiaoyibang;
    broken["files"]["xiaoyibang.toml"] = "[[rule]]\nid = \"x\"\nseverity = \"sometimes\"\n";
    const json evaluation = session.evaluate(broken, "");
    REQUIRE(evaluation.contains("error"));
    CHECK(evaluation.at("error").get<std::string>().find("xiaoyibang.toml:") == 0);
  }
}

TEST_CASE("how the page ended a transfer phase is in the figure's source") {
  // 4 s of a steady 10 Mbit/s (62,500 bytes per 50 ms) each way.
  json input = {{"idle_rtts_ms", {20.1, 20.4, 19.9, 21.0, 20.2}},
                {"bin_s", 0.05},
                {"download_bins", std::vector<int>(80, 62'500)},
                {"upload_bin_s", 0.05},
                {"upload_bins", std::vector<int>(80, 62'500)},
                {"download_s", 4.0},
                {"upload_s", 4.0}};
  const auto source = [](const json& check, const char* metric) {
    return check.at("measurements").at(metric).at("source").get<std::string>();
  };
  SECTION("settled") {
    input["download_end"] = "settled";
    input["upload_end"] = "settled";
    const json check = WebSession(json::object()).run("network", input);
    CHECK_THAT(source(check, "network.download_bps"), Catch::Contains("rate settled"));
    CHECK_THAT(source(check, "network.upload_bps"), Catch::Contains("rate settled"));
    CHECK(measurement(check, "network.download_bps").get<double>() == Approx(10e6).epsilon(0.01));
  }
  SECTION("at its longest, with the rate still moving: a lower confidence, said") {
    input["download_end"] = "limit";
    const json check = WebSession(json::object()).run("network", input);
    CHECK_THAT(source(check, "network.download_bps"),
               Catch::Contains("low confidence: rate still changing when the 4.0 s phase ended"));
    CHECK_THAT(source(check, "network.upload_bps"),
               !Catch::Contains("low confidence") && !Catch::Contains("rate settled"));
  }
}

TEST_CASE("the RTT's source says how the page timed its pings") {
  const auto source = [](const char* timing) {
    const json check = WebSession(json::object())
                           .run("network", {{"idle_rtts_ms", {20.1, 20.4, 19.9}},
                                            {"http_version", "2"},
                                            {"rtt_timing", timing}});
    return check.at("measurements").at("network.rtt_median_ms").at("source").get<std::string>();
  };
  CHECK_THAT(source("resource-timing"),
             Catch::EndsWith("(request sent to first byte, resource timing)"));
  CHECK_THAT(source("mixed"), Catch::Contains("some pings timed around fetch()"));
  CHECK_THAT(source("fetch"), Catch::Contains("fetch() call to its answer"));
  CHECK_THAT(source("<img>"), Catch::Contains("fetch() call to its answer"));
}

TEST_CASE("the page's download reads are spread stream by stream, as the native counters") {
  // 2 Mbit/s on four streams (0.9, 0.967, 1.033 and 1.1 of an even share), each handing
  // over 64 KiB about every 1.05 s: counted at the read, 250 ms windows swing from 0 to
  // 256 KiB.
  json reads = json::array();
  for (int i = 0; i < 4; ++i) {
    json log = json::array();
    const double every_ms = 65536 / (2e6 / 8 / 4 * (0.9 + 0.2 * i / 3)) * 1000;
    for (double t = every_ms; t < 6000; t += every_ms) {
      log.push_back(t);
      log.push_back(65536);
    }
    reads.push_back(log);
  }
  const json input = {{"idle_rtts_ms", {20.1, 20.4, 19.9}},
                      {"bin_s", 0.05},
                      {"download_reads", reads},
                      {"upload_bin_s", 0.05},
                      {"upload_bins", std::vector<int>(100, 12'500)},
                      {"upload_complete_bins", 60},
                      {"download_s", 6.0},
                      {"upload_s", 5.0}};
  const json check = WebSession(json::object()).run("network", input);
  CHECK(measurement(check, "network.download_bps").get<double>() == Approx(2e6).epsilon(0.02));
  CHECK(measurement(check, "network.stall_count").get<int>() == 0);
  CHECK_THAT(check.at("measurements").at("network.download_bps").at("source").get<std::string>(),
             Catch::Contains("spread over each stream's reads"));
  // Only the complete part of the upload series counts: 60 bins, 3 s.
  CHECK(measurement(check, "network.upload_steady_s").get<double>() <= 2.5);
  SECTION("pairs that are not numbers are dropped, never a crash") {
    json hostile = input;
    hostile["download_reads"] = {{"x", 1, 2}, {1e300, -5, 7, 8}, "not a stream", {{1}}};
    hostile["upload_complete_bins"] = -3;
    CHECK_NOTHROW(WebSession(json::object()).run("network", hostile));
  }
}

TEST_CASE("hostile page input is absent data, never a crash") {
  CHECK_FALSE(WebSession(json::parse(R"({"report_id": "x", "created_at": "yesterday"})"))
                  .report()
                  .contains("error"));
  WebSession session(json::parse(R"({"role": 7, "pair_code": ["x"], "report_id": {}})"));
  const json odd[] = {
      json(nullptr),
      json(42),
      json::array({1, 2}),
      json::parse(R"({"status": "denied!", "message": 5})"),
      json::parse(R"({"width": -1, "height": 1e300, "fps": "fast"})"),
      json::parse(R"({"sample_rate_hz": 1e12, "idle_rtts_ms": "x", "download_bins": [1e300, -5]})"),
      json::parse(R"({"free_gb": -3, "level": 7, "body_px": 1e9, "results": {"a": 1}})")};
  for (const char* check : {"identity", "camera", "microphone", "speaker", "network", "encoder",
                            "storage", "battery", "font"}) {
    for (const auto& input : odd) {
      INFO(check << " " << input.dump());
      const json answer = session.run(check, input);
      CHECK(answer.is_object());
    }
  }
  for (const char* name :
       {"", "Camera", "x'); DROP TABLE", "a_name_that_is_far_too_long_for_a_check"}) {
    CHECK(session.run(name, json::object()).contains("error"));  // not a web check: refused
  }
  session.add_rgba_frame({}, 100000, 100000);  // refused: no such frame
  CHECK_FALSE(session.report().contains("error"));
}
