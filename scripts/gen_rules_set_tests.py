# Generates rules/sets/{xiaoyibang,yishusheng}.tests.toml (run from rules/sets/): one complete,
# passing phone, and per case the measurements that case is about. Every rule that can be
# decided gets a passing and a failing case (`examready rules test` refuses a set otherwise);
# phones are named by their real model codes (checked against the public model lists).
good = '''"os.family" = "android"
"os.version" = "15"
"device.class" = "phone"
"device.brand" = "xiaomi"
"device.series" = "xiaomi-15"
"device.marketing_name" = "Xiaomi 15"
"device.model" = "24129PN74C"
"device.codename" = "dada"
"device.launch_year" = 2024
"device.launch_month" = 10
"device.price_tier" = "high"
"device.db_match" = "model"
"storage.free_bytes" = "64 GB"
"battery.level_percent" = 95
"battery.charging" = false
"network.type" = "wifi"
"network.packet_loss_ratio" = 0.0
"network.stall_count" = 0
"network.upload_bps" = "20 Mbit/s"
"network.upload_low_bps" = "8 Mbit/s"
"apps.running_watched" = []
"apps.camera_users" = []
"apps.microphone_users" = []
"apps.installed_watched" = []
"apps.notifying_watched" = []
"font.scale" = 1.0
"font.is_system_default" = true
"camera.count" = 3
"camera.opened" = true
"camera.width_px" = 1920
"camera.height_px" = 1080
"camera.fps" = 30.0
"camera.frozen_frame_ratio" = 0.0
"camera.mean_luma" = 120.0
"microphone.opened" = true
"microphone.digital_silence" = false
"microphone.external" = false
"microphone.clipping_ratio" = 0.0
"microphone.noise_floor_dbfs" = -62.0
"speaker.played" = true
"phone.screen_off_timeout_ms" = "10 min"
"phone.sim_state" = "absent"
"phone.can_take_calls" = false
"phone.do_not_disturb" = true
"phone.alarm_set" = false
"phone.screen_capture_active" = false
"phone.screen_casting" = false
"phone.bluetooth_enabled" = true
"phone.wearables_bonded" = 0
'''


def parse(text):
    keys = {}
    for line in text.strip().split('\n'):
        k, v = line.split(' = ', 1)
        keys[k] = v
    return keys


def base(over=None, drop=()):
    keys = parse(good)
    if over:
        changed = parse(over)
        # Another phone's launch year comes without the good phone's month.
        if '"device.launch_year"' in changed and '"device.launch_month"' not in changed:
            keys.pop('"device.launch_month"', None)
        keys.update(changed)
    for k in drop:
        keys.pop(f'"{k}"', None)
    return '\n'.join(f'{k} = {v}' for k, v in keys.items())


def case(name, expect_verdict, rules, over=None, drop=(), role=None, transport=None):
    s = f'[[case]]\nname = "{name}"\n'
    if role: s += f'role = "{role}"\n'
    if transport: s += f'transport = "{transport}"\n'
    s += '[case.measurements]\n' + base(over, drop) + '\n'
    s += f'[case.expect]\nverdict = "{expect_verdict}"\n'
    if rules:
        s += 'rules = { ' + ', '.join(f'"{k}" = "{v}"' for k, v in rules.items()) + ' }\n'
    return s + '\n'


def phone(brand, series, name, model, codename, year, tier, month=None, os_version=None):
    s = (f'"device.brand" = "{brand}"\n"device.series" = "{series}"\n"device.marketing_name" = "{name}"\n'
         f'"device.model" = "{model}"\n"device.codename" = "{codename}"\n"device.launch_year" = {year}\n'
         f'"device.price_tier" = "{tier}"')
    if os_version: s += f'\n"os.version" = "{os_version}"'
    return s


def with_month(text, month):
    return text + f'\n"device.launch_month" = {month}'


# Launch months are set where a case is about them; a phone given only its launch year has
# no month (base() drops the good phone's).
redmi_note9 = phone("redmi", "redmi-note-9", "Redmi Note 9", "M2003J15SS", "merlin", 2020, "mid", os_version="10")
redmi_9 = phone("redmi", "redmi-9", "Redmi 9", "M2004J19G", "lancelot", 2020, "budget", os_version="10")
redmi_note9_5g_cn = phone("redmi", "redmi-note-9", "Redmi Note 9 5G (China)", "M2007J22C", "cannon", 2020, "mid")
redmi_note9_4g_cn = phone("redmi", "redmi-note-9", "Redmi Note 9 4G (China)", "M2010J19SC", "lime", 2020, "budget")
redmi_9_india = phone("redmi", "redmi-9", "Redmi 9 (India) / Redmi 9 Activ", "M2006C3MII", "angelica", 2020, "budget")
redmi_note9_pro = phone("redmi", "redmi-note-9", "Redmi Note 9 Pro", "M2003J6B2G", "joyeuse", 2020, "mid")
redmi_9a = phone("redmi", "redmi-9", "Redmi 9A", "M2006C3LG", "dandelion", 2020, "budget")
redmi_9t = phone("redmi", "redmi-9", "Redmi 9T", "M2010J19SG", "lime", 2021, "mid")
redmi_note9t = phone("redmi", "redmi-note-9", "Redmi Note 9T 5G", "M2007J22G", "cannong", 2021, "mid")
redmi_10x_4g = phone("redmi", "redmi-10x", "Redmi 10X 4G", "M2003J15SC", "merlin", 2020, "budget")
redmi_9_prime = phone("redmi", "redmi-9", "Redmi 9 Prime", "M2004J19I", "lancelot", 2020, "budget")
redmi_note12_turbo = phone("redmi", "redmi-note-12", "Redmi Note 12 Turbo", "23049RAD8C", "marble", 2023, "mid")
xiaomi_pad6 = ('"device.class" = "tablet"\n"device.marketing_name" = "Xiaomi Pad 6"\n"device.series" = "xiaomi-pad"\n'
               '"device.model" = "23043RP34C"\n"device.codename" = "pipa"\n"device.launch_year" = 2023\n"device.price_tier" = "mid"')
iphone15 = ('"os.family" = "ios"\n"os.version" = "17.5"\n"device.brand" = "apple"\n"device.series" = "iphone-15"\n'
            '"device.marketing_name" = "iPhone 15"\n"device.model" = "iPhone15,4"\n"device.codename" = "D37AP"\n'
            '"device.launch_year" = 2023\n"device.launch_month" = 9\n"device.price_tier" = "high"')
unknown_model = '"device.db_match" = "none"\n"device.brand" = "xiaomi"\n"device.model" = "2509FPN0DC"'
unknown_drop = ("device.launch_year", "device.launch_month", "device.price_tier", "device.series",
                "device.marketing_name")

header = '''# Test cases for {set}.toml: run by `examready rules test` and ctest.
# Each case is a set of recorded measurements; unlisted metrics are "not measured".
# Generated by scripts/gen_rules_set_tests.py: cases share one complete, passing phone (a
# Xiaomi 15, launched 2024-10) and change what each case is about. Evaluated on 2026-03-01.
rules = "{set}.toml"
date = 2026-03-01

'''

# --- 小艺帮 ---------------------------------------------------------------------------------
xyb_advice = {"xyb.exam-apps": "unknown", "xyb.keep-apps": "unknown", "xyb.no-cleaning": "unknown",
              "xyb.practice": "unknown", "xyb.phone-holder": "unknown", "xyb.other-devices": "unknown"}
x = header.format(set="xiaoyibang")
x += case("complete flagship phone, all measured", "ready",
          {"device.phone": "pass", "device.known": "pass", "storage.free": "pass", "battery.charged": "pass",
           "network.stable": "pass", "room.bright": "pass", "xyb.os-version": "pass", "xyb.recent-model": "pass",
           "xyb.mainstream-brand": "pass", "xyb.price-tier": "pass", "xyb.redmi-note-9": "pass",
           "xyb.redmi-note-9-hardware": "pass", "xyb.network-type": "pass", "xyb.apps-running": "pass",
           "xyb.voice-assistant": "pass", "xyb.apps-using-devices": "pass", "xyb.apps-installed": "pass",
           "xyb.font-scale": "pass", "xyb.font-default": "pass", "xyb.camera": "pass", "xyb.microphone": "pass",
           "xyb.speaker": "pass", "xyb.video-quality": "pass", "xyb.audio-quality": "pass", "xyb.quiet-room": "pass",
           "xyb.screen-timeout": "pass", "xyb.no-calls": "pass", "xyb.upload-time": "pass", "xyb.video-fits": "pass",
           "xyb.external-audio": "pass", "xyb.earphones": "skipped", "xyb.screen-capture": "pass",
           "xyb.wearables": "pass", **xyb_advice})
# XYB-4 exactly as written: the phones sold as Redmi Note 9 and Redmi 9 in any market.
for name, p in [("Redmi Note 9 (global, M2003J15SS)", redmi_note9), ("Redmi 9 (global, M2004J19G)", redmi_9),
                ("China Redmi Note 9 5G (M2007J22C)", redmi_note9_5g_cn),
                ("China Redmi Note 9 4G (M2010J19SC)", redmi_note9_4g_cn),
                ("India's Redmi 9 (M2006C3MII, 9C hardware, sold as Redmi 9)", redmi_9_india)]:
    x += case(f"{name}: named by the manual", "not_ready",
              {"xyb.redmi-note-9": "fail", "xyb.redmi-note-9-hardware": "pass", "xyb.recent-model": "fail"}, over=p)
for name, p in [("Redmi Note 9 Pro (M2003J6B2G)", redmi_note9_pro), ("Redmi 9A (M2006C3LG)", redmi_9a),
                ("Redmi 9T (M2010J19SG, China Note 9 4G hardware)", redmi_9t),
                ("Redmi Note 9T (M2007J22G)", redmi_note9t)]:
    x += case(f"{name}: a sibling the manual does not name", "not_ready",
              {"xyb.redmi-note-9": "pass", "xyb.redmi-note-9-hardware": "pass"}, over=p)
for name, p in [("Redmi 10X 4G (M2003J15SC) is the Redmi Note 9's hardware", redmi_10x_4g),
                ("Redmi 9 Prime (M2004J19I) is the Redmi 9's hardware", redmi_9_prime)]:
    x += case(name, "not_ready", {"xyb.redmi-note-9": "pass", "xyb.redmi-note-9-hardware": "fail"}, over=p)
x += case("codename merlin without a model code: Redmi Note 9 or 10X 4G, cannot tell which", "not_ready",
          {"xyb.redmi-note-9": "unknown", "xyb.redmi-note-9-hardware": "unknown", "xyb.recent-model": "fail"},
          over=redmi_note9 + '\n"device.db_match" = "codename"', drop=("device.model",))
x += case("Redmi Note 12 Turbo (2023-03) is not a Note 9, but older than two years", "not_ready",
          {"xyb.redmi-note-9": "pass", "xyb.mainstream-brand": "pass", "xyb.recent-model": "fail"},
          over=with_month(redmi_note12_turbo, 3))
x += case("launched 2024-03: within two years of 2026-03-01 by month", "ready", {"xyb.recent-model": "pass"},
          over='"device.launch_year" = 2024\n"device.launch_month" = 3')
x += case("launched 2024-02: more than two years before 2026-03-01", "not_ready", {"xyb.recent-model": "fail"},
          over='"device.launch_year" = 2024\n"device.launch_month" = 2')
x += case("launched 2024, month unknown: cannot tell on 2026-03-01", "incomplete", {"xyb.recent-model": "unknown"},
          over='"device.launch_year" = 2024', drop=("device.launch_month",))
x += case("launched 2025, month unknown: within two years whatever the month", "ready", {"xyb.recent-model": "pass"},
          over='"device.launch_year" = 2025', drop=("device.launch_month",))
x += case("iPhone 15 (2023-09) is older than two years", "not_ready",
          {"xyb.recent-model": "fail", "xyb.os-version": "pass", "xyb.mainstream-brand": "pass"}, over=iphone15)
x += case("budget model: below 1000 yuan", "not_ready", {"xyb.price-tier": "fail"}, over='"device.price_tier" = "budget"')
x += case("brand outside the mainstream: a warning (the manual's brands are examples)", "warnings", {"xyb.mainstream-brand": "fail"},
          over='"device.brand" = "blackview"')
x += case("model not in the device database: incomplete, never a guess", "incomplete",
          {"device.known": "fail", "xyb.recent-model": "unknown", "xyb.price-tier": "unknown",
           "xyb.mainstream-brand": "pass"}, over=unknown_model, drop=unknown_drop)
x += case("tablet is not supported", "not_ready", {"device.phone": "fail"}, over=xiaomi_pad6)
x += case("laptop is not supported", "not_ready", {"device.phone": "fail", "xyb.os-version": "fail"},
          over='"device.class" = "laptop"\n"os.family" = "windows"\n"os.version" = "10.0.22631"')
x += case("Android 6.0 is too old", "not_ready", {"xyb.os-version": "fail"}, over='"os.version" = "6.0.1"')
x += case("Android 7 counts as 7.0", "ready", {"xyb.os-version": "pass"}, over='"os.version" = "7"')
x += case("HarmonyOS 2.0 passes", "ready", {"xyb.os-version": "pass"},
          over='"os.family" = "harmonyos"\n"os.version" = "10"\n"os.harmonyos_version" = "2.0.0"')
x += case("HarmonyOS without its version is incomplete, never a pass", "incomplete", {"xyb.os-version": "unknown"},
          over='"os.family" = "harmonyos"\n"os.version" = "10"')
x += case("iOS 9.3.5 is below 10.0", "not_ready", {"xyb.os-version": "fail"},
          over='"os.family" = "ios"\n"os.version" = "9.3.5"')
x += case("19 GB free is below 20 GB", "not_ready", {"storage.free": "fail"}, over='"storage.free_bytes" = "19 GB"')
x += case("20 GiB free is more than 20 GB", "ready", {"storage.free": "pass"}, over='"storage.free_bytes" = "20 GiB"')
x += case("storage not measured: incomplete", "incomplete", {"storage.free": "unknown"}, drop=("storage.free_bytes",))
x += case("WeChat running and low battery: warnings", "warnings", {"xyb.apps-running": "fail", "battery.charged": "fail"},
          over='"apps.running_watched" = ["com.tencent.mm"]\n"battery.level_percent" = 35')
x += case("low battery while charging is fine", "ready", {"battery.charged": "pass"},
          over='"battery.level_percent" = 35\n"battery.charging" = true')
x += case("packet loss: network not stable", "warnings", {"network.stable": "fail"},
          over='"network.packet_loss_ratio" = 0.05')
x += case("dark room: advice only", "ready", {"room.bright": "fail"}, over='"camera.mean_luma" = 30.0')
x += case("no network", "warnings", {"xyb.network-type": "fail"}, over='"network.type" = "none"')
x += case("XiaoAi voice assistant running", "warnings", {"xyb.voice-assistant": "fail", "xyb.apps-running": "fail"},
          over='"apps.running_watched" = ["com.miui.voiceassist"]')
x += case("WeChat holds the camera", "warnings", {"xyb.apps-using-devices": "fail"},
          over='"apps.camera_users" = ["com.tencent.mm"]')
x += case("WeChat installed: advice to quit it", "ready", {"xyb.apps-installed": "fail"},
          over='"apps.installed_watched" = ["com.tencent.mm"]')
x += case("WeChat installed, its notifications off: advice only", "ready",
          {"xyb.apps-installed": "fail", "xyb.app-notifications": "pass"},
          over='"apps.installed_watched" = ["com.tencent.mm"]')
x += case("XiaoAi's notifications on: the voice assistant is judged by its own rule", "ready",
          {"xyb.app-notifications": "pass", "xyb.apps-installed": "fail"},
          over='"apps.installed_watched" = ["com.miui.voiceassist"]\n"apps.notifying_watched" = ["com.miui.voiceassist"]')
x += case("WeChat installed with its notifications on", "warnings",
          {"xyb.apps-installed": "fail", "xyb.app-notifications": "fail"},
          over='"apps.installed_watched" = ["com.tencent.mm"]\n"apps.notifying_watched" = ["com.tencent.mm"]')
x += case("notification settings not read (an iPhone, a phone without the dump): check them yourself",
          "warnings", {"xyb.app-notifications": "unknown"}, drop=("apps.notifying_watched",))
# A report measured under a set that watched WeChat alone, judged again by this one: the voice
# assistants and the other apps were never looked for, so nothing running is not proof.
x += case("measured under a set watching WeChat alone: the other apps cannot tell", "warnings",
          {"xyb.apps-running": "unknown", "xyb.voice-assistant": "unknown", "xyb.apps-installed": "unknown",
           "xyb.app-notifications": "unknown"},
          over='"apps.watch_list" = ["com.tencent.mm"]')
x += case("measured under a set watching WeChat alone, WeChat running: still a failure", "warnings",
          {"xyb.apps-running": "fail", "xyb.voice-assistant": "unknown"},
          over='"apps.watch_list" = ["com.tencent.mm"]\n"apps.running_watched" = ["com.tencent.mm"]')
x += case("large font", "warnings", {"xyb.font-scale": "fail"}, over='"font.scale" = 1.3')
x += case("theme font", "warnings", {"xyb.font-default": "fail"}, over='"font.is_system_default" = false')
x += case("camera opened fails", "warnings", {"xyb.camera": "fail"}, over='"camera.opened" = false')
back_camera = '"camera.back_opened" = true\n"camera.back_width_px" = 1920\n"camera.back_height_px" = 1080\n"camera.back_fps" = 30.0\n"camera.back_frozen_frame_ratio" = 0.0'
x += case("front and back cameras both open at 1080p30", "ready", {"xyb.camera": "pass", "xyb.video-quality": "pass"},
          over=back_camera)
x += case("the back camera does not open (WeChat holds it)", "warnings", {"xyb.camera": "fail", "xyb.video-quality": "pass"},
          over='"camera.back_opened" = false')
x += case("the back camera opens at VGA", "warnings", {"xyb.camera": "pass", "xyb.video-quality": "fail"},
          over=back_camera + '\n"camera.back_width_px" = 640\n"camera.back_height_px" = 480')
x += case("the back camera freezes", "warnings", {"xyb.video-quality": "fail"},
          over=back_camera + '\n"camera.back_frozen_frame_ratio" = 0.3')
x += case("microphone records digital silence", "warnings", {"xyb.microphone": "fail"},
          over='"microphone.digital_silence" = true')
x += case("speaker did not play", "warnings", {"xyb.speaker": "fail"}, over='"speaker.played" = false')
x += case("secondary phone: speaker rule does not apply", "ready", {"xyb.speaker": "skipped", "xyb.quiet-room": "skipped"},
          role="secondary", drop=("speaker.played",))
x += case("primary phone without a speaker test: warnings", "warnings", {"xyb.speaker": "unknown"}, drop=("speaker.played",))
x += case("VGA camera: below 720p", "warnings", {"xyb.video-quality": "fail"},
          over='"camera.width_px" = 640\n"camera.height_px" = 480')
x += case("portrait 1080x1920 is 1080p", "ready", {"xyb.video-quality": "pass"},
          over='"camera.width_px" = 1080\n"camera.height_px" = 1920')
x += case("frozen frames", "warnings", {"xyb.video-quality": "fail"}, over='"camera.frozen_frame_ratio" = 0.2')
x += case("clipping recording", "warnings", {"xyb.audio-quality": "fail"}, over='"microphone.clipping_ratio" = 0.02')
x += case("noisy room: advice only", "ready", {"xyb.quiet-room": "fail"}, over='"microphone.noise_floor_dbfs" = -38.0')
x += case("auto-lock after 30 s", "warnings", {"xyb.screen-timeout": "fail"}, over='"phone.screen_off_timeout_ms" = "30 s"')
x += case("auto-lock never (Android's largest value)", "ready", {"xyb.screen-timeout": "pass"},
          over='"phone.screen_off_timeout_ms" = 2147483647')
x += case("SIM ready, no do-not-disturb: calls can come in", "warnings", {"xyb.no-calls": "fail"},
          over='"phone.sim_state" = "ready"\n"phone.can_take_calls" = true\n"phone.do_not_disturb" = false')
x += case("slow upload: more than 24 hours at the conservative rate", "warnings", {"xyb.upload-time": "fail"},
          over='"network.upload_low_bps" = "50 kbit/s"')
x += case("a 30 Mbit/s encoder makes the recordings exceed 20 GB", "warnings", {"xyb.video-fits": "fail"},
          over='"encoder.bitrate_bps" = "30 Mbit/s"')
x += case("external microphone records", "warnings", {"xyb.external-audio": "fail"}, over='"microphone.external" = true')
x += case("Bluetooth earphones: not allowed", "warnings", {"xyb.earphones": "fail", "xyb.external-audio": "pass"},
          over='"speaker.output_route" = "bluetooth"')
x += case("sound from the phone's speaker", "ready", {"xyb.earphones": "pass"}, over='"speaker.output_route" = "speaker"')
x += case("screen recording in progress", "warnings", {"xyb.screen-capture": "fail"},
          over='"phone.screen_capture_active" = true')
x += case("screen cast to a TV", "warnings", {"xyb.screen-capture": "fail"}, over='"phone.screen_casting" = true')
x += case("a band is paired", "warnings", {"xyb.wearables": "fail"}, over='"phone.wearables_bonded" = 1')
x += case("a band is paired but Bluetooth is off", "ready", {"xyb.wearables": "pass"},
          over='"phone.wearables_bonded" = 1\n"phone.bluetooth_enabled" = false')
x += case("Bluetooth not read (web check): cannot tell", "warnings", {"xyb.wearables": "unknown"},
          drop=("phone.bluetooth_enabled", "phone.wearables_bonded"))
open('xiaoyibang.tests.toml', 'w').write(x)

# --- 艺术升 ---------------------------------------------------------------------------------
yss_advice = {"yss.room": "unknown", "yss.practice": "unknown", "yss.placement": "unknown",
              "yss.exam-app-roles": "unknown", "yss.other-devices": "unknown"}
# The 艺术升 phones have the app installed (read over adb: pm list packages, dumpsys package).
yss_app = '"apps.exam_installed" = ["cn.artstudent.app"]\n"apps.exam_versions" = ["cn.artstudent.app=5.4.6"]'


def ycase(name, expect_verdict, rules, over=None, drop=(), role=None, transport=None):
    return case(name, expect_verdict, rules, yss_app + ('\n' + over if over else ''), drop, role, transport)


y = header.format(set="yishusheng")
y += ycase("complete flagship phone, all measured", "ready",
          {"device.phone": "pass", "device.known": "pass", "storage.free": "pass", "battery.charged": "pass",
           "network.stable": "pass", "room.bright": "pass", "yss.exam-app": "pass", "yss.recent-model": "pass", "yss.mainstream-brand": "pass",
           "yss.no-redmi": "pass", "yss.performance": "pass", "yss.wifi": "pass", "yss.no-calls": "pass",
           "yss.no-alarm": "pass", "yss.apps-running": "pass", "yss.camera": "pass", "yss.microphone": "pass",
           "yss.quiet-room": "pass", "yss.wearables": "pass", **yss_advice})
y += ycase("Redmi Note 9 (2020): advised against as a Redmi and as old, not blocked", "warnings",
          {"yss.no-redmi": "fail", "yss.recent-model": "fail"}, over=redmi_note9)
y += ycase("Redmi Note 12 Turbo (2023-03) is still a Redmi, and recent", "warnings",
          {"yss.no-redmi": "fail", "yss.recent-model": "pass"}, over=with_month(redmi_note12_turbo, 3))
y += ycase("Redmi known only by marketing name", "warnings", {"yss.no-redmi": "fail"},
          over='"device.brand" = "xiaomi"\n"device.marketing_name" = "Redmi K70"')
y += ycase("brand xiaomi without a database match: cannot tell", "warnings", {"yss.no-redmi": "unknown"},
          over=unknown_model, drop=unknown_drop)
y += ycase("launched 2022-09: older than 3 years on 2026-03-01", "warnings", {"yss.recent-model": "fail"},
          over='"device.launch_year" = 2022\n"device.launch_month" = 9')
y += ycase("launched 2023-03: within 3 years by month", "ready", {"yss.recent-model": "pass"},
          over='"device.launch_year" = 2023\n"device.launch_month" = 3')
y += ycase("launched 2023, month unknown: cannot tell", "warnings", {"yss.recent-model": "unknown"},
          over='"device.launch_year" = 2023', drop=("device.launch_month",))
y += ycase("phone launched 2015 is old: advice, not a block", "warnings", {"yss.recent-model": "fail"},
          over='"device.launch_year" = 2015\n"device.launch_month" = 9')
y += ycase("model not in the device database: no old-phone block", "warnings",
          {"device.known": "fail", "yss.recent-model": "unknown", "device.phone": "pass"},
          over=unknown_model, drop=unknown_drop)
y += ycase("brand outside the mainstream", "warnings", {"yss.mainstream-brand": "fail"}, over='"device.brand" = "blackview"')
y += ycase("budget phone: performance advice", "warnings", {"yss.performance": "fail"}, over='"device.price_tier" = "budget"')
y += ycase("SIM in and not in airplane mode", "warnings", {"yss.no-calls": "fail"},
          over='"phone.sim_state" = "ready"\n"phone.can_take_calls" = true')
y += ycase("on mobile data instead of Wi-Fi", "warnings", {"yss.wifi": "fail"}, over='"network.type" = "cellular"')
y += ycase("alarm set", "warnings", {"yss.no-alarm": "fail"}, over='"phone.alarm_set" = true')
y += ycase("music app running", "warnings", {"yss.apps-running": "fail"},
          over='"apps.running_watched" = ["com.netease.cloudmusic"]')
y += ycase("camera does not open", "warnings", {"yss.camera": "fail"}, over='"camera.opened" = false')
y += ycase("microphone records digital silence", "warnings", {"yss.microphone": "fail"},
          over='"microphone.digital_silence" = true')
y += ycase("secondary phone records too: camera and microphone apply", "warnings",
          {"yss.camera": "fail", "yss.microphone": "fail", "yss.quiet-room": "skipped"}, role="secondary",
          over='"camera.count" = 0\n"microphone.digital_silence" = true')
y += ycase("noisy room: advice only", "ready", {"yss.quiet-room": "fail"}, over='"microphone.noise_floor_dbfs" = -38.0')
y += ycase("tablet", "not_ready", {"device.phone": "fail"}, over=xiaomi_pad6)
y += ycase("desktop computer", "not_ready", {"device.phone": "fail"}, over='"device.class" = "desktop"')
y += ycase("19 GB free is below 20 GB", "not_ready", {"storage.free": "fail"}, over='"storage.free_bytes" = "19 GB"')
y += ycase("low battery", "warnings", {"battery.charged": "fail"}, over='"battery.level_percent" = 20')
y += ycase("upload stalls: network not stable", "warnings", {"network.stable": "fail"}, over='"network.stall_count" = 6')
y += ycase("dark room: advice only", "ready", {"room.bright": "fail"}, over='"camera.mean_luma" = 30.0')
y += ycase("secondary phone: quiet-room advice is for the primary", "ready", {"yss.quiet-room": "skipped"}, role="secondary")
y += ycase("a watch is paired", "warnings", {"yss.wearables": "fail"}, over='"phone.wearables_bonded" = 2')
y += ycase("艺术升 not installed (read over adb)", "warnings", {"yss.exam-app": "fail"},
           over='"apps.exam_installed" = []\n"apps.exam_versions" = []')
y += ycase("measured under a set looking for another exam app: cannot tell", "warnings", {"yss.exam-app": "unknown"},
           over='"apps.exam_installed" = ["com.example.other"]\n"apps.exam_list" = ["com.example.other"]\n"apps.exam_versions" = []')
y += ycase("installed apps not read (web check, iOS): cannot tell", "warnings", {"yss.exam-app": "unknown"},
           drop=("apps.exam_installed", "apps.exam_versions"))
open('yishusheng.tests.toml', 'w').write(y)
