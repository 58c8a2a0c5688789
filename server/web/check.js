// The web check's page: runs each check's browser driver, hands what it gathered to the
// WebAssembly core (the project's C++: analysis, device database, rules), shows progress and
// the verdict in the rules' own words, uploads the report (kept in the browser until it is
// delivered exactly once) and offers the second phone its pairing link.
import createExamReady from './examready_web.mjs';
import { benchmarkEncoder, captureCameras, identityHints, openMicrophone, readBattery, readFontSize,
         recordMicrophone, stopStream } from './check_probes.js';
import { measureNetwork } from './check_network.js';
import { deliverQueued, enqueue } from './check_queue.js';
import { recordingSession } from './check_recorder.js';

const params = new URLSearchParams(location.search);
let lang = params.get('lang') === 'en' || localStorage.getItem('examready.lang') === 'en' ? 'en' : 'zh';

const TEXT = {
  zh: {
    title: '考试设备检测', start: '开始检测', loading: '正在准备检测程序…', progress: '检测进度',
    intro: '用考试要用的这部手机打开本页。检测约需一分钟，会用到摄像头、麦克风和扬声器，请在安静、光线好的地方进行。',
    storage_title: '手机剩余存储空间', storage_why: '网页看不到手机的剩余空间，请在“设置”里查看后填在这里：',
    where_huawei: '华为/荣耀：设置 → 存储', where_xiaomi: '小米/红米：设置 → 我的设备 → 存储空间',
    where_oppo: 'OPPO/一加/realme：设置 → 关于手机 → 存储空间', where_vivo: 'vivo/iQOO：设置 → 系统管理 → 存储空间',
    where_iphone: 'iPhone：设置 → 通用 → iPhone 储存空间', free_gb: '可用空间（GB）', confirm: '确定', skip: '跳过',
    code_hint: '报告代码（向客服读出）', pair_title: '第二部手机（辅机位）',
    pair_hint: '用辅机位手机扫描二维码或打开链接，检测结果会和这部手机关联：', again: '重新检测',
    role_primary: '本机：主机位', role_secondary: '本机：辅机位，关联主机位报告 {code}',
    insecure: '这个页面必须用 https:// 开头的地址打开：浏览器只在安全连接下允许网页使用摄像头、麦克风和视频编码。请向学校索取 https 链接。',
    wechat: '你正在微信里打开本页，微信内置浏览器可能无法使用摄像头或麦克风。请点右上角“···”，选择“在浏览器打开”，再检测一次。已测到的结果会保留。',
    qq: '你正在 QQ 里打开本页，QQ 内置浏览器可能无法使用摄像头或麦克风。请点右上角“···”，选择“用浏览器打开”，再检测一次。已测到的结果会保留。',
    denied_fix: '摄像头/麦克风被拒绝：请在浏览器地址栏左侧的锁形图标或“设置 → 网站设置”里允许本网站使用摄像头和麦克风，然后重新检测。',
    load_failed: '检测程序加载失败：', identity: '手机型号与系统', camera: '摄像头', microphone: '麦克风',
    speaker: '扬声器', encoder: '视频编码', network: '网络', storage: '存储空间', battery: '电量', font: '字体大小',
    verdict_ready: '可以参加考试', verdict_warnings: '可以参加考试，但有需要注意的地方', verdict_not_ready: '这部手机现在不适合考试',
    verdict_incomplete: '检测不完整', verdict_unevaluated: '未能评估', unknown_item: '这一项这次没能检测（网页无法检测，或没有运行），请自己确认。',
    uploaded: '报告已上传', queued: '网络不通，报告已保存在本机，联网后会自动上传', upload_refused: '服务器拒绝了报告：',
    status_ok: '完成', status_denied: '被拒绝', status_unsupported: '无法检测', status_timeout: '超时', status_error: '出错',
  },
  en: {
    title: 'Exam device check', start: 'Start the check', loading: 'Preparing the check…', progress: 'Progress',
    intro: 'Open this page on the phone you will take the exam with. The check takes about a minute and uses the camera, microphone and speaker: do it somewhere quiet and well lit.',
    storage_title: 'Free storage', storage_why: 'A web page cannot see the free storage. Look it up in Settings and enter it here:',
    where_huawei: 'Huawei/Honor: Settings → Storage', where_xiaomi: 'Xiaomi/Redmi: Settings → My device → Storage',
    where_oppo: 'OPPO/OnePlus/realme: Settings → About phone → Storage', where_vivo: 'vivo/iQOO: Settings → System management → Storage',
    where_iphone: 'iPhone: Settings → General → iPhone Storage', free_gb: 'Available (GB)', confirm: 'OK', skip: 'Skip',
    code_hint: 'Report code (read it to the helpdesk)', pair_title: 'Second phone (side camera)',
    pair_hint: 'Scan the QR code or open the link on the second phone; its check is linked to this one:', again: 'Check again',
    role_primary: 'This phone: main camera', role_secondary: 'This phone: side camera, linked to report {code}',
    insecure: 'This page must be opened from an https:// address: browsers give camera, microphone and video encoding to pages on secure connections only. Ask your school for the https link.',
    wechat: 'You opened this page inside WeChat, whose browser may not give pages the camera or microphone. Tap “···” at the top right, choose “Open in browser” and check again. What was measured is kept.',
    qq: 'You opened this page inside QQ, whose browser may not give pages the camera or microphone. Tap “···” at the top right, choose “Open in browser” and check again. What was measured is kept.',
    denied_fix: 'Camera/microphone refused: allow this site to use them (the lock icon left of the address, or Settings → Site settings), then check again.',
    load_failed: 'The check could not load: ', identity: 'Phone model and system', camera: 'Camera', microphone: 'Microphone',
    speaker: 'Speaker', encoder: 'Video encoding', network: 'Network', storage: 'Storage', battery: 'Battery', font: 'Text size',
    verdict_ready: 'Ready for the exam', verdict_warnings: 'Ready, with warnings', verdict_not_ready: 'This phone is not ready',
    verdict_incomplete: 'The check is incomplete', verdict_unevaluated: 'Not evaluated', unknown_item: 'Not checked this time (a web page cannot, or the check did not run); please make sure yourself.',
    uploaded: 'Report uploaded', queued: 'No network: the report is kept on this phone and will be sent when it is back', upload_refused: 'The server refused the report: ',
    status_ok: 'done', status_denied: 'refused', status_unsupported: 'not measurable', status_timeout: 'timed out', status_error: 'failed',
  },
};
const t = (key) => TEXT[lang][key] || TEXT.zh[key] || key;
const $ = (id) => document.getElementById(id);

function translatePage() {
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  $('lang').textContent = lang === 'en' ? '中文' : 'English';
}

function notice(text, bad = false) {
  const box = $('notice');
  box.textContent = text;
  box.className = bad ? 'notice bad' : 'notice';
  box.hidden = false;
}

// The progress list: one line per check, updated as it runs.
const CHECKS = ['identity', 'camera', 'encoder', 'microphone', 'speaker', 'network', 'battery', 'font', 'storage'];
// ?only=identity,camera runs those checks alone (identity always runs), as `examready check --only`.
const only = params.get('only') ? new Set(['identity', ...params.get('only').split(',')]) : null;
const want = (name) => !only || only.has(name);
function showSteps(names) {
  $('steps').replaceChildren(...names.map((name) => {
    const li = document.createElement('li');
    li.id = `step-${name}`;
    li.innerHTML = '<span class="mark">·</span><span class="name"></span><span class="what"></span>';
    li.querySelector('.name').textContent = t(name);
    return li;
  }));
}
function step(name, state, what = '') {
  const li = $(`step-${name}`);
  if (!li) return;
  li.className = state;
  li.querySelector('.mark').textContent = { running: '…', ok: '✓', bad: '✗', skip: '–' }[state] || '·';
  li.querySelector('.what').textContent = what;
}
// A finished check's line: its status word and the core's summary in the page's language
// (WebSession::run gives both languages).
function stepFromResult(name, result) {
  if (result.error) return step(name, 'bad', result.error);
  const status = result.status || 'ok';
  const summary = (result.summary && result.summary[lang === 'en' ? 'en' : 'zh-CN']) || '';
  step(name, status === 'ok' ? 'ok' : status === 'unsupported' ? 'skip' : 'bad',
       status === 'ok' ? (summary || t('status_ok')) : `${t(`status_${status}`)} ${summary}`.trim());
}

function askStorage() {
  $('storage-form').hidden = false;
  $('free-gb').focus();
  return new Promise((resolve) => {
    $('storage-ok').onclick = () => {
      const gb = parseFloat($('free-gb').value);
      $('storage-form').hidden = true;
      resolve(Number.isFinite(gb) ? { free_gb: gb } : { status: 'unsupported', message: 'not entered' });
    };
    $('storage-skip').onclick = () => {
      $('storage-form').hidden = true;
      resolve({ status: 'unsupported', message: 'skipped by the candidate' });
    };
  });
}

// What a rule says to the candidate: a failure its message and fix; a rule nobody could
// decide its neutral requirement (never the failure text); advice its message.
function ruleItem(rule, key) {
  const li = document.createElement('li');
  li.innerHTML = '<div class="msg"></div><div class="fix"></div>';
  const unknown = rule.outcome === 'unknown' && !rule.message;
  li.className = unknown ? 'unknown' : rule.severity;
  const text = unknown ? rule.requirement : rule.message;
  li.querySelector('.msg').textContent = `${(text || {})[key] || rule.id} (${rule.source || rule.id})`;
  // A requirement already says it was not checked; an older evaluation without one gets the
  // generic line.
  li.querySelector('.fix').textContent = unknown ? (rule.requirement ? '' : t('unknown_item')) : (rule.fix || {})[key] || '';
  return li;
}

function renderVerdict(evaluation) {
  const verdict = evaluation.verdict || 'unevaluated';
  $('verdict').className = `verdict ${verdict}`;
  $('verdict').textContent = t(`verdict_${verdict}`);
  const key = lang === 'en' ? 'en' : 'zh-CN';
  const rank = { block: 0, warn: 1, info: 2 };
  const shown = (evaluation.rules || []).filter((r) => r.outcome === 'fail' || r.outcome === 'unknown');
  // Failures first, then what could not be checked, then advice; block before warn.
  const group = (r) => (r.outcome === 'fail' ? 0 : r.message ? 2 : 1);
  shown.sort((a, b) => group(a) - group(b) || rank[a.severity] - rank[b.severity]);
  $('rules').replaceChildren(...shown.map((rule) => ruleItem(rule, key)));
}

// 256 random bits kept in this browser: the report carries only a salted hash of it
// (host.device_id), so the helpdesk can tell two roles checked on one phone (XYB-16).
function installationSecret() {
  let secret = localStorage.getItem('examready.install') || '';
  if (!/^[0-9a-f]{64}$/.test(secret)) {
    secret = Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
    try { localStorage.setItem('examready.install', secret); } catch (e) { /* private mode: a new id each time */ }
  }
  return secret;
}

async function loadRules() {
  const name = params.get('rules');
  const response = await fetch(name ? `/v1/rules/${encodeURIComponent(name)}` : '/v1/rules', { cache: 'no-store' });
  if (!response.ok) throw new Error(`rules ${name || '(default)'}: HTTP ${response.status}`);
  return response.text();
}

// The collector's device database judges when it differs from the one built into the module
// (a newer list, served without a new release). Fetched only then; the browser revalidates
// its cached copy by ETag. Any failure keeps the built-in one: the report's device.db_version
// names the database that judged.
async function useServedDevices(core, served) {
  if (!served || typeof served.hash !== 'string' || served.hash === core.builtinDevicesHash()) return;
  try {
    const response = await fetch('/v1/devices');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const answer = JSON.parse(core.useDevices(await response.text()));
    if (answer.error) throw new Error(answer.error);
  } catch (e) {
    console.warn(`device database ${served.version}: ${e}; the built-in one judges`);
  }
}

async function runCheck(core, rulesText) {
  const role = params.get('role') === 'secondary' ? 'secondary' : 'primary';
  const start = { role, pair_code: params.get('pair') || '', pair_proof: params.get('proof') || '',
                  installation_secret: installationSecret(),
                  // ?exam=YYYY-MM-DD: the core keeps a real date in the report and judges as of
                  // it (the collector too); anything else is ignored.
                  exam_date: params.get('exam') || '' };
  const coreSession = new core.WebSession(JSON.stringify(start));
  // ?record: the session is also kept as a replay fixture (check_recorder.js).
  const session = params.has('record') ? recordingSession(coreSession, start) : coreSession;
  const run = (name, input) => JSON.parse(session.run(name, JSON.stringify(input)));
  // Audio may only start from the tap itself; it is closed once the audio checks are done (it
  // holds the audio output and a real-time thread).
  const AudioCtx = window.AudioContext || window.webkitAudioContext;
  const audio = AudioCtx && (want('microphone') || want('speaker')) ? new AudioCtx() : null;
  if (audio) audio.resume();
  $('intro').hidden = true;
  $('progress').hidden = false;
  showSteps(CHECKS.filter(want));

  step('identity', 'running');
  const identity = run('identity', await identityHints());
  const device = identity.checks ? identity.checks[1] : identity;
  stepFromResult('identity', device);
  if (identity.in_app === 'wechat' || identity.in_app === 'qq') notice(t(identity.in_app));
  const isIos = /iPhone|iPad|iPod/.test(navigator.userAgent) || (navigator.maxTouchPoints > 1 && /Macintosh/.test(navigator.userAgent));
  const video = $('preview');
  let camera = {};
  let refused = false;

  if (want('camera')) {
    step('camera', 'running');
    const started = performance.now();
    camera = await captureCameras(session, video);
    const result = run('camera', { ...camera.input, duration_ms: performance.now() - started });
    stepFromResult('camera', result);
    refused = result.status === 'denied';
  }
  if (want('encoder')) {
    step('encoder', 'running');
    const started = performance.now();
    stepFromResult('encoder', run('encoder', { ...(await benchmarkEncoder(camera.stream ? video : null)),
                                               duration_ms: performance.now() - started }));
  }
  stopStream(camera.stream);
  video.hidden = true;

  if (want('microphone') || want('speaker')) refused = (await checkAudio(session, run, audio)) || refused;
  if (audio) audio.close();
  if (refused) notice(t('denied_fix'), true);

  if (want('network')) {
    step('network', 'running');
    let network;
    try {
      network = await measureNetwork(core, (f) => step('network', 'running', `${Math.round(f * 100)}%`));
    } catch (e) {
      network = { status: 'error', message: String(e).slice(0, 200) };
    }
    stepFromResult('network', run('network', network));
  }
  if (want('battery')) stepFromResult('battery', run('battery', await readBattery()));
  if (want('font')) stepFromResult('font', run('font', readFontSize(isIos)));
  if (want('storage')) {
    step('storage', 'running');
    stepFromResult('storage', run('storage', await askStorage()));
  }

  const evaluation = JSON.parse(session.evaluate(rulesText, ''));
  const report = JSON.parse(session.report());
  $('result').hidden = false;
  if (evaluation.error || report.error) {
    $('verdict').className = 'verdict unevaluated';
    $('verdict').textContent = `${t('verdict_unevaluated')}: ${evaluation.error || report.error}`;
  } else {
    renderVerdict(evaluation);
  }
  $('code').textContent = report.code || '';
  await upload(report);
}

// Microphone, then the speaker: a tone played while the same microphone records. Returns
// whether the browser refused the microphone.
async function checkAudio(session, run, audio) {
  step('microphone', 'running');
  const started = performance.now();
  const mic = await openMicrophone();
  if (!mic.stream || !audio) {
    const outcome = mic.input.status ? mic.input : { status: 'unsupported', message: 'no Web Audio in this browser' };
    stopStream(mic.stream);
    stepFromResult('microphone', run('microphone', outcome));
    if (want('speaker')) stepFromResult('speaker', run('speaker', outcome));
    return outcome.status === 'denied';
  }
  session.setSamples(await recordMicrophone(audio, mic.stream, 2));
  stepFromResult('microphone', run('microphone', { ...mic.input, sample_rate_hz: audio.sampleRate,
                                                   duration_ms: performance.now() - started }));
  if (want('speaker')) {
    step('speaker', 'running');
    const tone = { frequency_hz: 1000, gain: 0.3 };
    session.setSamples(await recordMicrophone(audio, mic.stream, 1.2, tone));
    stepFromResult('speaker', run('speaker', { played: true, frequency_hz: tone.frequency_hz,
                                               sample_rate_hz: audio.sampleRate }));
  }
  stopStream(mic.stream);
  return false;
}

async function upload(report) {
  enqueue(report);
  const results = await deliverQueued();
  const mine = results.find((r) => r.report_id === report.report_id);
  if (mine && mine.delivered) {
    $('upload-state').textContent = t('uploaded');
    if (report.role === 'primary' && mine.answer && mine.answer.pair_proof) showPairing(report.code, mine.answer.pair_proof);
  } else if (mine && mine.refused) {
    $('upload-state').textContent = t('upload_refused') + mine.refused;
  } else {
    $('upload-state').textContent = t('queued');
  }
}

function showPairing(code, proof) {
  const link = `${location.origin}/check?role=secondary&pair=${encodeURIComponent(code)}&proof=${encodeURIComponent(proof)}` +
               (params.get('rules') ? `&rules=${encodeURIComponent(params.get('rules'))}` : '') +
               (params.get('exam') ? `&exam=${encodeURIComponent(params.get('exam'))}` : '');
  $('pair-link').href = link;
  $('pair-link').textContent = link;
  $('pair-qr').src = `/v1/qr.svg?text=${encodeURIComponent(link)}`;
  $('pair-box').hidden = false;
}

async function main() {
  translatePage();
  $('lang').onclick = () => {
    lang = lang === 'en' ? 'zh' : 'en';
    localStorage.setItem('examready.lang', lang);
    translatePage();
  };
  $('again').onclick = () => location.reload();
  if (params.get('role') === 'secondary' && params.get('pair'))
    $('role-line').textContent = t('role_secondary').replace('{code}', params.get('pair'));
  else $('role-line').textContent = t('role_primary');
  deliverQueued();  // reports kept from an earlier offline run
  window.addEventListener('online', () => deliverQueued());
  if (!window.isSecureContext) {
    notice(t('insecure'), true);
    $('loading').hidden = true;
    return;
  }
  let core;
  let rulesText;
  const servedDevices = fetch('/v1/devices/version', { cache: 'no-store' })
    .then((r) => (r.ok ? r.json() : null)).catch(() => null);
  try {
    [core, rulesText] = await Promise.all([createExamReady(), loadRules()]);
    await useServedDevices(core, await servedDevices);
  } catch (e) {
    $('loading').textContent = t('load_failed') + e;
    return;
  }
  $('loading').hidden = true;
  $('start').disabled = false;
  $('start').onclick = () => runCheck(core, rulesText).catch((e) => notice(`${t('status_error')}: ${e}`, true));
}

main();
