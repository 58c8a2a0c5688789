# Generates rules/sets/{xiaoyibang,yishusheng}.tests.toml (run from rules/sets/): one complete,
# passing phone, and per case the measurements that case is about.
good = '''"os.family" = "android"
"os.version" = "14"
"device.class" = "phone"
"device.brand" = "xiaomi"
"device.series" = "xiaomi-15"
"device.marketing_name" = "Xiaomi 15"
"device.codename" = "dada"
"device.launch_year" = 2024
"device.price_tier" = "flagship"
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
"apps.installed_watched" = ["com.tencent.mm"]
"font.scale" = 1.0
"font.is_system_default" = true
"camera.count" = 3
"camera.opened" = true
"camera.mean_luma" = 120.0
"microphone.opened" = true
"microphone.digital_silence" = false
"microphone.external" = false
"microphone.noise_floor_dbfs" = -62.0
"speaker.played" = true
"phone.screen_off_timeout_ms" = "10 min"
"phone.sim_state" = "absent"
"phone.can_take_calls" = false
"phone.do_not_disturb" = true
"phone.alarm_set" = false
'''
def base(over=None, drop=()):
    keys = {}
    for l in good.strip().split('\n'):
        k, v = l.split(' = ', 1)
        keys[k] = v
    for k in drop: keys.pop(f'"{k}"')
    if over:
        for l in over.strip().split('\n'):
            k, v = l.split(' = ', 1)
            keys[k] = v
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

redmi_note9 = '''"device.brand" = "redmi"
"device.series" = "redmi-note-9"
"device.marketing_name" = "Redmi Note 9"
"device.codename" = "merlin"
"device.model" = "M2003J15SG"
"device.launch_year" = 2020
"device.price_tier" = "mid"
"os.version" = "10"'''
redmi_10x = '''"device.brand" = "redmi"
"device.series" = "redmi-10x"
"device.marketing_name" = "Redmi 10X 4G"
"device.codename" = "merlin"
"device.model" = "M2003J15SC"
"device.launch_year" = 2020
"device.price_tier" = "budget"'''
redmi_note12 = '''"device.brand" = "redmi"
"device.series" = "redmi-note-12"
"device.marketing_name" = "Redmi Note 12 Turbo"
"device.codename" = "marble"
"device.launch_year" = 2025
"device.price_tier" = "mid"'''

xyb = '''# Test cases for xiaoyibang.toml: run by `examready rules test` and ctest.
# Each case is a set of recorded measurements; unlisted metrics are "not measured".
# Generated cases share one complete, passing phone and change what each case is about.
rules = "xiaoyibang.toml"
date = 2026-03-01

'''
xyb += case("complete flagship phone, all measured", "ready",
            {"device.phone": "pass", "xyb.os-version": "pass", "xyb.redmi-note-9": "pass", "xyb.upload-time": "pass",
             "xyb.apps-installed": "fail", "xyb.keep-apps": "unknown"})
xyb += case("Redmi Note 9 (merlin): advised against, not blocked", "warnings",
            {"xyb.redmi-note-9": "fail", "xyb.recent-model": "fail", "xyb.price-tier": "pass", "xyb.os-version": "pass"},
            over=redmi_note9)
xyb += case("China Redmi Note 9 5G by its database name", "warnings", {"xyb.redmi-note-9": "fail"},
            over='"device.marketing_name" = "Redmi Note 9 5G (China)"\n"device.series" = "redmi-note-9x"\n"device.codename" = "x"')
xyb += case("Redmi Note 9 Pro and Redmi 9A are other phones", "ready", {"xyb.redmi-note-9": "pass"},
            over='"device.marketing_name" = "Redmi Note 9 Pro"\n"device.series" = "redmi-note-9-pro"\n"device.codename" = "joyeuse"')
xyb += case("Redmi 10X 4G shares the Redmi Note 9's hardware (merlin)", "warnings",
            {"xyb.redmi-note-9": "fail"}, over=redmi_10x)
xyb += case("Redmi Note 12 Turbo is not a Redmi Note 9", "ready",
            {"xyb.redmi-note-9": "pass", "xyb.mainstream-brand": "pass"}, over=redmi_note12)
xyb += case("tablet is not supported", "not_ready", {"device.phone": "fail"},
            over='"device.class" = "tablet"\n"device.marketing_name" = "Xiaomi Pad 6"\n"device.series" = "xiaomi-pad-6"')
xyb += case("laptop is not supported", "not_ready", {"device.phone": "fail", "xyb.os-version": "fail"},
            over='"device.class" = "laptop"\n"os.family" = "windows"\n"os.version" = "10.0.22631"')
xyb += case("Android 6.0 is too old", "not_ready", {"xyb.os-version": "fail"}, over='"os.version" = "6.0.1"')
xyb += case("Android 7 counts as 7.0", "ready", {"xyb.os-version": "pass"}, over='"os.version" = "7"')
xyb += case("HarmonyOS 2.0 passes", "ready", {"xyb.os-version": "pass"},
            over='"os.family" = "harmonyos"\n"os.version" = "10"\n"os.harmonyos_version" = "2.0.0"')
xyb += case("HarmonyOS without its version is incomplete, never a pass", "incomplete", {"xyb.os-version": "unknown"},
            over='"os.family" = "harmonyos"\n"os.version" = "10"')
xyb += case("iOS 9.3.5 is below 10.0", "not_ready", {"xyb.os-version": "fail"},
            over='"os.family" = "ios"\n"os.version" = "9.3.5"')
xyb += case("19 GB free is below 20 GB", "not_ready", {"storage.free": "fail"}, over='"storage.free_bytes" = "19 GB"')
xyb += case("20 GiB free is more than 20 GB", "ready", {"storage.free": "pass"}, over='"storage.free_bytes" = "20 GiB"')
xyb += case("storage not measured: incomplete", "incomplete", {"storage.free": "unknown"}, drop=("storage.free_bytes",))
xyb += case("WeChat running and low battery: warnings", "warnings", {"xyb.apps-running": "fail", "battery.charged": "fail"},
            over='"apps.running_watched" = ["com.tencent.mm"]\n"battery.level_percent" = 35')
xyb += case("low battery while charging is fine", "ready", {"battery.charged": "pass"},
            over='"battery.level_percent" = 35\n"battery.charging" = true')
xyb += case("secondary phone: speaker rule does not apply", "ready", {"xyb.speaker": "skipped", "xyb.quiet-room": "skipped"},
            role="secondary", drop=("speaker.played",))
xyb += case("primary phone without a speaker test: warnings", "warnings", {"xyb.speaker": "unknown"}, drop=("speaker.played",))
xyb += case("slow upload: more than 24 hours at the conservative rate", "warnings", {"xyb.upload-time": "fail"},
            over='"network.upload_low_bps" = "50 kbit/s"')
xyb += case("camera opened fails", "warnings", {"xyb.camera": "fail"}, over='"camera.opened" = false')
xyb += case("large font", "warnings", {"xyb.font-scale": "fail"}, over='"font.scale" = 1.3')
xyb += case("model not in the device database: launch year unknown, warnings", "warnings",
            {"device.known": "fail", "xyb.recent-model": "unknown", "xyb.price-tier": "unknown"},
            over='"device.db_match" = "none"', drop=("device.launch_year", "device.price_tier", "device.series", "device.marketing_name"))
xyb += case("a 30 Mbit/s encoder makes the recordings exceed 20 GB", "warnings", {"xyb.video-fits": "fail"},
            over='"encoder.bitrate_bps" = "30 Mbit/s"')
xyb += case("Bluetooth earphones: not allowed", "warnings", {"xyb.earphones": "fail", "xyb.external-audio": "pass"},
            over='"speaker.output_route" = "bluetooth"')
xyb += case("sound from the phone's speaker", "ready", {"xyb.earphones": "pass"}, over='"speaker.output_route" = "speaker"')
xyb += case("output route not measured: the earphone rule does not apply", "ready", {"xyb.earphones": "skipped"})
xyb += case("2023 phone is older than two years in 2026", "warnings", {"xyb.recent-model": "fail"},
            over='"device.launch_year" = 2023')
open('xiaoyibang.tests.toml', 'w').write(xyb)

yss = '''# Test cases for yishusheng.toml: run by `examready rules test` and ctest.
# Each case is a set of recorded measurements; unlisted metrics are "not measured".
# Generated cases share one complete, passing phone and change what each case is about.
rules = "yishusheng.toml"
date = 2026-03-01

'''
yss += case("complete flagship phone, all measured", "ready",
            {"device.phone": "pass", "yss.no-redmi": "pass", "yss.not-old": "pass", "yss.room": "unknown"})
yss += case("Redmi Note 9: no Redmi phones at all (and old in 2026)", "not_ready", {"yss.no-redmi": "fail", "yss.not-old": "fail"},
            over=redmi_note9)
yss += case("Redmi Note 12 Turbo (2025) is still a Redmi", "not_ready", {"yss.no-redmi": "fail", "yss.recent-model": "pass"},
            over=redmi_note12)
yss += case("Redmi known only by marketing name", "not_ready", {"yss.no-redmi": "fail"},
            over='"device.brand" = "xiaomi"\n"device.marketing_name" = "Redmi K70"')
yss += case("brand xiaomi without a database match: cannot tell, incomplete", "incomplete", {"yss.no-redmi": "unknown"},
            over='"device.brand" = "xiaomi"', drop=("device.marketing_name",))
yss += case("phone launched 2020 is old in 2026", "not_ready", {"yss.not-old": "fail", "yss.recent-model": "fail"},
            over='"device.launch_year" = 2020')
yss += case("phone launched 2022: older than 3 years, not yet old", "warnings", {"yss.not-old": "pass", "yss.recent-model": "fail"},
            over='"device.launch_year" = 2022')
yss += case("SIM in and not in airplane mode", "warnings", {"yss.no-calls": "fail"},
            over='"phone.sim_state" = "ready"\n"phone.can_take_calls" = true')
yss += case("on mobile data instead of Wi-Fi", "warnings", {"yss.wifi": "fail"}, over='"network.type" = "cellular"')
yss += case("alarm set", "warnings", {"yss.no-alarm": "fail"}, over='"phone.alarm_set" = true')
yss += case("tablet", "not_ready", {"device.phone": "fail"}, over='"device.class" = "tablet"')
yss += case("desktop computer", "not_ready", {"device.phone": "fail"}, over='"device.class" = "desktop"')
yss += case("budget phone: performance advice", "warnings", {"yss.performance": "fail"}, over='"device.price_tier" = "budget"')
yss += case("secondary phone: quiet-room advice is for the primary", "ready", {"yss.quiet-room": "skipped"}, role="secondary")
open('yishusheng.tests.toml', 'w').write(yss)
