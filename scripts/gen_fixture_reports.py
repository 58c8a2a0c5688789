# Generates tests/fixtures/reports/*.json (run from that directory): reports as the adb, iOS and
# local transports produce them, device.* facts as the device database fills them.
import json, hashlib, base64
CROCK = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
def code(rid):
    d = hashlib.sha256(rid.encode()).digest()
    v = int.from_bytes(d[:5], 'big')
    s = ''
    for i in range(8):
        s = CROCK[v & 31] + s; v >>= 5
    return s[:4] + '-' + s[4:]
def rid(name):
    return base64.urlsafe_b64encode(hashlib.sha256(name.encode()).digest()[:16]).decode().rstrip('=')
UNITS = {'storage.free_bytes':'bytes','storage.total_bytes':'bytes','battery.level_percent':'%','device.launch_year':'year',
         'camera.count':'count','camera.max_width_px':'px','camera.max_height_px':'px','network.wifi_signal_dbm':'dBm',
         'phone.screen_off_timeout_ms':'ms','camera.width_px':'px','camera.height_px':'px','camera.fps':'fps',
         'camera.dark_frame_ratio':'ratio','camera.frozen_frame_ratio':'ratio','microphone.sample_rate_hz':'Hz',
         'microphone.rms_dbfs':'dBFS','microphone.peak_dbfs':'dBFS','microphone.noise_floor_dbfs':'dBFS','microphone.device_count':'count',
         'microphone.clipping_ratio':'ratio','network.packet_loss_ratio':'ratio','network.loss_upper_bound':'ratio','network.stall_count':'count',
         'network.upload_bps':'bit/s','network.upload_low_bps':'bit/s','network.download_bps':'bit/s','network.rtt_median_ms':'ms',
         'network.rtt_p90_ms':'ms','network.jitter_ms':'ms','encoder.bitrate_bps':'bit/s','encoder.fps_1080p':'fps',
         'encoder.realtime_factor_1080p':'ratio','font.scale':'ratio','speaker.tone_dbfs':'dBFS'}
def check(name, measurements=None, status='ok', message=None, ms=40.0):
    c = {'name': name, 'status': status, 'duration_ms': ms, 'measurements': {}}
    if message: c['message'] = message
    for k, (v, src) in (measurements or {}).items():
        m = {'value': v, 'source': src}
        if k in UNITS: m['unit'] = UNITS[k]
        c['measurements'][k] = m
    return c
def report(name, transport, platform, checks, created='2026-02-20T09:30:00Z', role='primary'):
    r = rid(name)
    return {'schema': 'examready.report/1', 'report_id': r, 'code': code(r), 'created_at': created, 'role': role,
            'probe': {'version': '0.1.0', 'transport': transport,
                      'unavailable_checks': [c['name'] for c in checks if c['status'] != 'ok']},
            'host': {'platform': platform, 'device_id': hashlib.sha256(name.encode()).hexdigest()[:32]},
            'checks': checks}
def db(brand, series, name, cls, year, tier, match='model'):
    return {'device.brand': (brand, 'device-db'), 'device.series': (series, 'device-db'),
            'device.marketing_name': (name, 'device-db'), 'device.class': (cls, 'device-db'),
            'device.launch_year': (year, 'device-db'), 'device.price_tier': (tier, 'device-db'),
            'device.db_match': (match, 'device-db')}
# The probe reports the list it looked for beside what it found (apps.watch_list): the
# shipped sets' watch list, which is common.toml's.
import re
WATCH = re.findall(r'^app = "([^"]+)"', open('../../../rules/sets/common.toml', encoding='utf-8').read(), re.M)
def android_checks(os_m, dev_m, free, total, level, charging, phone, apps_running, apps_installed, wifi_dbm, cams, codecs, scale=1.0):
    return [
        check('os', os_m, ms=120.0),
        check('device', dev_m, ms=95.0),
        check('storage', {'storage.free_bytes': (free, 'adb:df /data'), 'storage.total_bytes': (total, 'adb:df /data')}, ms=60.0),
        check('battery', {'battery.present': (True, 'dumpsys battery'), 'battery.level_percent': (level, 'dumpsys battery'),
                          'battery.charging': (charging, 'dumpsys battery')}, ms=70.0),
        check('phone', phone, ms=210.0),
        check('apps', {'apps.installed_watched': (apps_installed, 'pm list packages'),
                       'apps.running_watched': (apps_running, 'dumpsys activity'),
                       # The candidates turned the watched apps' notifications off.
                       'apps.notifying_watched': ([], 'dumpsys notification'),
                       'apps.watch_list': (WATCH, 'rules set [[watch]]'),
                       'apps.camera_users': ([], 'dumpsys media.camera'), 'apps.microphone_users': ([], 'dumpsys audio')}, ms=640.0),
        check('font', {'font.scale': (scale, 'settings system font_scale'), 'font.is_system_default': (True, 'settings')}, ms=80.0),
        check('network', {'network.type': ('wifi', 'dumpsys connectivity'), 'network.wifi_signal_dbm': (wifi_dbm, 'dumpsys wifi')},
              ms=150.0),
        check('camera', {'camera.count': (cams[0], 'dumpsys media.camera'), 'camera.max_width_px': (cams[1], 'dumpsys media.camera'),
                         'camera.max_height_px': (cams[2], 'dumpsys media.camera')}, ms=300.0),
        check('microphone', status='unsupported', message='recording needs the on-device app; adb cannot capture audio', ms=1.0),
        check('speaker', status='unsupported', message='playing a tone needs the on-device app', ms=1.0),
        check('encoder', {'encoder.hardware_codecs': (codecs, 'media_codecs.xml')}, ms=90.0),
    ]
def phone_state(sim='ready', airplane=False, dnd=False, timeout=30000, alarm=False):
    return {'phone.sim_state': (sim, 'getprop gsm.sim.state'), 'phone.airplane_mode': (airplane, 'settings global'),
            'phone.can_take_calls': (sim == 'ready' and not airplane, 'derived'),
            'phone.do_not_disturb': (dnd, 'settings global zen_mode'),
            'phone.screen_off_timeout_ms': (timeout, 'settings system'), 'phone.alarm_set': (alarm, 'dumpsys alarm')}
def android_os(version, sdk, ui, ui_version, family='android', harmony=None, name='Android'):
    m = {'os.family': (family, 'getprop'), 'os.name': (name, 'getprop'), 'os.version': (version, 'getprop ro.build.version.release'),
         'os.sdk_level': (sdk, 'getprop ro.build.version.sdk'), 'os.arch': ('arm64-v8a', 'getprop ro.product.cpu.abi'),
         'os.kernel': ('4.14.186-perf', 'uname')}
    if ui: m['os.vendor_ui'] = (ui, 'getprop'); m['os.vendor_ui_version'] = (ui_version, 'getprop')
    if harmony: m['os.harmonyos_version'] = (harmony, 'getprop hw_sc.build.platform.version')
    return m
def android_dev(vendor, model, codename, dbfacts):
    m = {'device.vendor': (vendor, 'getprop ro.product.manufacturer'), 'device.model': (model, 'getprop ro.product.model'),
         'device.codename': (codename, 'getprop ro.product.device')}
    m.update(dbfacts)
    return m
ios_missing = [check(n, status='unsupported', message=msg, ms=1.0) for n, msg in [
    ('phone', 'iOS does not expose SIM, airplane or do-not-disturb state over USB'),
    ('apps', 'iOS does not list running apps over USB'),
    ('font', 'iOS does not expose the font size over USB'),
    ('network', 'iOS does not expose the network type over USB'),
    ('camera', 'capturing needs the on-device app'), ('microphone', 'recording needs the on-device app'),
    ('speaker', 'playing a tone needs the on-device app'), ('encoder', 'encoding needs the on-device app')]]
def ios_checks(version, ident, dbfacts, free, total, level, charging):
    return [check('os', {'os.family': ('ios', 'lockdownd'), 'os.name': ('iOS', 'lockdownd'), 'os.version': (version, 'lockdownd ProductVersion'),
                         'os.arch': ('arm64', 'lockdownd')}, ms=180.0),
            check('device', dict({'device.vendor': ('Apple', 'lockdownd'), 'device.model': (ident, 'lockdownd ProductType')}, **dbfacts), ms=30.0),
            check('storage', {'storage.free_bytes': (free, 'com.apple.disk_usage'), 'storage.total_bytes': (total, 'com.apple.disk_usage')}, ms=90.0),
            check('battery', {'battery.present': (True, 'com.apple.mobile.battery'), 'battery.level_percent': (level, 'com.apple.mobile.battery'),
                              'battery.charging': (charging, 'com.apple.mobile.battery')}, ms=60.0)] + ios_missing
GB = 10**9
fixtures = {
 'redmi-note-9-m2003j15sg': report('rn9', 'adb', 'android', android_checks(
     android_os('10', 29, 'miui', '12.0.5'), android_dev('Xiaomi', 'M2003J15SG', 'merlin',
     db('redmi', 'redmi-note-9', 'Redmi Note 9', 'phone', 2020, 'mid')), 38_412_000_000, 128*GB, 88.0, False,
     phone_state(), ['com.tencent.mm'], ['com.tencent.mm', 'com.tencent.mobileqq', 'com.ss.android.ugc.aweme'], -58.0,
     (4, 4000, 3000), ['OMX.MTK.VIDEO.ENCODER.AVC']), created='2026-02-20T09:30:00Z'),
 'redmi-note-9-5g-m2007j22c': report('rn9-5g-cn', 'adb', 'android', android_checks(
     android_os('11', 30, 'miui', '12.5.2'), android_dev('Xiaomi', 'M2007J22C', 'cannon',
     db('redmi', 'redmi-note-9', 'Redmi Note 9 5G (China)', 'phone', 2020, 'mid')), 52_900_000_000, 128*GB, 100.0, True,
     phone_state(dnd=True, timeout=600000), [], ['com.tencent.mm'], -49.0, (3, 8000, 6000), ['c2.mtk.avc.encoder'])),
 'redmi-note-12-22101317c': report('rn12-cn', 'adb', 'android', android_checks(
     android_os('13', 33, 'miui', '14.0.8'), android_dev('Xiaomi', '22101317C', 'sunstone',
     db('redmi', 'redmi-note-12', 'Redmi Note 12 5G / Redmi Note 12R Pro', 'phone', 2022, 'mid')), 71_300_000_000, 128*GB, 93.0, False,
     phone_state(timeout=120000), ['com.tencent.qqmusic'], ['com.tencent.mm', 'com.tencent.qqmusic'], -61.0, (3, 8160, 6144),
     ['c2.qti.avc.encoder'])),
 'huawei-matepad-11-dbr-w00': report('matepad', 'adb', 'harmonyos', android_checks(
     android_os('12', 31, None, None, family='harmonyos', harmony='3.1.0', name='HarmonyOS'), android_dev('HUAWEI', 'DBR-W00', 'HWDBR',
     db('huawei', 'matepad', 'HUAWEI MatePad 11 (2023)', 'tablet', 2023, 'mid')), 96_000_000_000, 128*GB, 71.0, False,
     phone_state(sim='absent'), [], ['com.tencent.mm'], -55.0, (2, 4160, 3120), ['OMX.qcom.video.encoder.avc'])),
 'iphone-15-ios17': report('iphone15', 'ios', 'ios', ios_checks('17.5.1', 'iPhone15,4',
     db('apple', 'iphone-15', 'iPhone 15', 'phone', 2023, 'high', 'identifier'), 61_200_000_000, 128*GB, 64.0, True)),
 'iphone-6s-ios15': report('iphone6s', 'ios', 'ios', ios_checks('15.8.2', 'iPhone8,1',
     db('apple', 'iphone-6s', 'iPhone 6s', 'phone', 2015, 'high', 'identifier'), 21_700_000_000, 64*GB, 100.0, True)),
 'huawei-mate-60-harmonyos4': report('mate60', 'adb', 'harmonyos', android_checks(
     android_os('12', 31, None, None, family='harmonyos', harmony='4.0.0', name='HarmonyOS'), android_dev('HUAWEI', 'ALN-AL00', 'HWALN',
     db('huawei', 'mate-60', 'HUAWEI Mate 60 Pro', 'phone', 2023, 'flagship')), 187_000_000_000, 256*GB, 85.0, False,
     phone_state(sim='ready', airplane=True, dnd=True, timeout=600000), [], ['com.tencent.mm', 'com.alibaba.android.rimet'],
     -52.0, (4, 8192, 6144), ['OMX.hisi.video.encoder.avc'])),
 'windows-laptop': report('laptop', 'local', 'windows-x86_64', [
     check('os', {'os.family': ('windows', 'RtlGetVersion'), 'os.name': ('Windows 11 Pro', 'registry'),
                  'os.version': ('10.0.22631', 'RtlGetVersion'), 'os.arch': ('x86_64', 'GetNativeSystemInfo')}),
     check('device', {'device.vendor': ('LENOVO', 'smbios'), 'device.brand': ('lenovo', 'smbios'),
                      'device.model': ('ThinkPad X1 Carbon Gen 11', 'smbios'), 'device.class': ('laptop', 'smbios-chassis'),
                      'device.db_match': ('none', 'device-db')}),
     check('storage', {'storage.free_bytes': (182_000_000_000, 'GetDiskFreeSpaceEx'), 'storage.total_bytes': (512*GB, 'GetDiskFreeSpaceEx')}),
     check('battery', {'battery.present': (True, 'GetSystemPowerStatus'), 'battery.level_percent': (92.0, 'GetSystemPowerStatus'),
                       'battery.charging': (True, 'GetSystemPowerStatus')}),
     check('camera', {'camera.opened': (True, 'mediafoundation'), 'camera.count': (1, 'mediafoundation'), 'camera.width_px': (1280, 'mediafoundation'),
                      'camera.height_px': (720, 'mediafoundation'), 'camera.fps': (29.8, 'capture'), 'camera.mean_luma': (112.4, 'capture')}, ms=2300.0),
     check('microphone', {'microphone.opened': (True, 'wasapi'), 'microphone.external': (False, 'wasapi'),
                          'microphone.digital_silence': (False, 'capture'), 'microphone.noise_floor_dbfs': (-63.5, 'capture')}, ms=2200.0),
     check('speaker', {'speaker.played': (True, 'wasapi'), 'speaker.output_route': ('speaker', 'wasapi')}, ms=1500.0),
     check('encoder', {'encoder.name': ('h264_mf', 'ffmpeg'), 'encoder.hardware': (True, 'ffmpeg'), 'encoder.bitrate_bps': (6_400_000.0, 'ffmpeg'),
                       'encoder.fps_1080p': (142.0, 'ffmpeg')}, ms=3100.0),
     check('network', {'network.type': ('wifi', 'GetAdaptersAddresses'), 'network.packet_loss_ratio': (0.004, 'udp-echo'),
                       'network.stall_count': (0, 'upload'), 'network.upload_bps': (38_500_000.0, 'upload'),
                       'network.upload_low_bps': (21_000_000.0, 'upload'), 'network.rtt_median_ms': (18.2, 'http')}, ms=9000.0),
 ]),
}
for name, r in fixtures.items():
    with open(f'{name}.json', 'w') as f:
        json.dump(r, f, ensure_ascii=False, indent=2); f.write('\n')
print(len(fixtures))
