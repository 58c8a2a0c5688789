// Helpdesk page: token, code lookup, a report (and its paired phone) as staff want to read it.
// Data from the server is only ever inserted as text (textContent), never as HTML.
'use strict';

const TEXT = {
  'zh-CN': {
    nav_helpdesk: '报告查询', nav_stats: '兼容性统计', token: '客服令牌', save_token: '保存令牌',
    code_label: '考生读出的报告代码', look_up: '查询', recent: '最近的报告', verdict: '结论', any: '全部',
    brand: '品牌', model: '型号', search: '筛选', code: '代码', os: '系统', role: '角色', received: '上传时间',
    token_saved: '令牌已保存在本标签页', token_missing: '请先输入客服令牌', loading: '查询中…',
    not_found: '没有这个代码的报告', unauthorized: '令牌无效（401）', forbidden: '此令牌无权查看报告（403）',
    bad_code: '代码格式不对，应为 8 位，如 7KQ2-M9XD', failed: '未通过的规则', unknown_rules: '无法判断的规则（未测到相关数据）', advice: '考前提醒', none_failed: '没有未通过的规则',
    device: '设备信息', measurements: '测量结果', fix: '解决办法', primary: '主机位（手机 1）', secondary: '副机位（手机 2）',
    pair_of: '配对', created: '检测时间', platform: '平台', transport: '方式', probe: '检测程序', unavailable: '未能检测',
    no_pair: '没有配对的另一台手机',
    same_device: '主机位和辅机位的报告来自同一部设备：考试要用两部不同的手机。',
    same_device_xiaoyibang: '（小艺帮：“两个软件不能在一台手机上同时使用”，XYB-16）',
    same_device_yishusheng: '（艺术升：“考生须准备两部智能手机”，YSS-1）', metric: '指标', value: '值', source: '来源', status: '状态',
    unevaluated: '未评估', ready: '可以考试', warnings: '可以考试（有提醒）', not_ready: '不能考试', incomplete: '检测不完整',
    results: '共 {n} 条', other_codes: '另有 {n} 份报告使用同一代码（显示最新的）', error: '出错了：',
  },
  en: {
    nav_helpdesk: 'Report lookup', nav_stats: 'Statistics', token: 'Helpdesk token', save_token: 'Save token',
    code_label: 'Code the candidate reads out', look_up: 'Look up', recent: 'Recent reports', verdict: 'Verdict', any: 'Any',
    brand: 'Brand', model: 'Model', search: 'Filter', code: 'Code', os: 'OS', role: 'Role', received: 'Received',
    token_saved: 'Token kept for this tab', token_missing: 'Enter a helpdesk token first', loading: 'Looking up…',
    not_found: 'No report with this code', unauthorized: 'Invalid token (401)', forbidden: 'This token may not read reports (403)',
    bad_code: 'Not a code: 8 characters like 7KQ2-M9XD', failed: 'Failed rules', unknown_rules: 'Rules that could not be decided (not measured)', advice: 'Advice', none_failed: 'No failed rules',
    device: 'Device', measurements: 'Measurements', fix: 'Fix', primary: 'Primary (phone 1)', secondary: 'Secondary (phone 2)',
    pair_of: 'pair', created: 'Checked at', platform: 'Platform', transport: 'Transport', probe: 'Probe', unavailable: 'Not measured',
    no_pair: 'No paired phone',
    same_device: 'The primary and secondary reports come from the same device: the exam needs two different phones.',
    same_device_xiaoyibang: ' (Xiaoyibang: the two apps cannot run on one phone, XYB-16)',
    same_device_yishusheng: ' (Yishusheng: candidates prepare two smartphones, YSS-1)', metric: 'Metric', value: 'Value', source: 'Source', status: 'Status',
    unevaluated: 'Not evaluated', ready: 'Ready', warnings: 'Ready, with warnings', not_ready: 'Not ready', incomplete: 'Incomplete',
    results: '{n} shown', other_codes: '{n} other reports share this code (showing the newest)', error: 'Error: ',
  },
};

let lang = localStorage.getItem('examready.lang') || 'zh-CN';
let page = 1;
const $ = (id) => document.getElementById(id);
const t = (key, n) => (TEXT[lang][key] || key).replace('{n}', n);

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function applyLanguage() {
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  $('lang').textContent = lang === 'en' ? '中文' : 'English';
}

function token() { return sessionStorage.getItem('examready.token') || ''; }

async function api(path) {
  const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token() } });
  const body = await response.json().catch(() => ({}));
  return { status: response.status, body };
}

function setStatus(text, isError) {
  $('status').textContent = text;
  $('status').className = 'status' + (isError ? ' error' : '');
}

function errorText(status, body) {
  if (status === 401) return t('unauthorized');
  if (status === 403) return t('forbidden');
  if (status === 404) return t('not_found');
  if (status === 400) return t('bad_code');
  return t('error') + (body.error || status);
}

function localized(obj) {
  if (!obj) return '';
  return obj[lang] || obj['zh-CN'] || obj.en || '';
}

function measurementValue(m) {
  const v = m.value;
  const text = Array.isArray(v) ? v.join(', ') : String(v);
  return m.unit ? text + ' ' + m.unit : text;
}

function factsList(entry) {
  const r = entry.report;
  const dl = el('dl', 'facts');
  const add = (key, value) => {
    if (value === undefined || value === null || value === '') return;
    dl.append(el('dt', null, t(key)), el('dd', null, value));
  };
  add('brand', entry.brand);
  add('model', entry.model);
  add('os', [entry.os_family, entry.os_version].filter(Boolean).join(' '));
  add('platform', r.host && r.host.platform);
  add('transport', r.probe && r.probe.transport);
  add('probe', r.probe && r.probe.version);
  add('created', r.created_at);
  add('received', entry.received_at);
  if (r.probe && r.probe.unavailable_checks && r.probe.unavailable_checks.length) {
    add('unavailable', r.probe.unavailable_checks.join(', '));
  }
  return dl;
}

const SEVERITY_ORDER = { block: 0, warn: 1, info: 2 };

// Advice no device can measure: an info rule left undecided that carries its message.
const isAdvice = (r) => r.outcome === 'unknown' && r.severity === 'info' && !!r.message;

// Failed rules first (blocking before warnings), then those that could not be decided, then
// advice ('advice': the groups are by what the staff reads, not only by outcome).
function rulesList(entry, outcome) {
  const evaluation = entry.report.evaluation;
  const group = (r) => (isAdvice(r) ? 'advice' : r.outcome);
  const rules = evaluation ? evaluation.rules.filter((r) => group(r) === outcome) : [];
  rules.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  if (!rules.length) {
    if (outcome !== 'fail') return null;
    return el('p', 'empty', evaluation ? t('none_failed') : t('unevaluated'));
  }
  const ul = el('ul', 'rules');
  for (const rule of rules) {
    const li = el('li', rule.severity === 'info' ? 'info'
      : rule.outcome === 'unknown' ? 'unknown' : rule.severity === 'warn' ? 'warn' : '');
    // Undecided rules carry their neutral requirement, not the failure text.
    const text = rule.message || rule.requirement;
    li.append(el('div', null, localized(text) || rule.id));
    if (text && text.en && lang !== 'en') li.append(el('div', 'en', text.en));
    if (rule.fix) {
      const fix = el('div', 'fix');
      fix.append(el('b', null, t('fix') + (lang === 'en' ? ': ' : '：')), document.createTextNode(localized(rule.fix)));
      li.append(fix);
      if (rule.fix.en && lang !== 'en') li.append(el('div', 'en', rule.fix.en));
    }
    li.append(el('div', 'rid', rule.id + ' · ' + rule.severity + ' · ' + rule.outcome + (rule.detail ? ' · ' + rule.detail : '')));
    ul.append(li);
  }
  return ul;
}

function measurementsTable(entry) {
  const table = el('table');
  const head = el('tr');
  head.append(el('th', null, t('metric')), el('th', null, t('value')), el('th', null, t('source')));
  table.append(head);
  for (const check of entry.report.checks) {
    const row = el('tr', 'check');
    const cell = el('td', null, check.name + (check.status !== 'ok' ? ' — ' + check.status : ''));
    cell.colSpan = 3;
    if (check.status !== 'ok') cell.className = 'bad';
    row.append(cell);
    table.append(row);
    if (check.message && check.status !== 'ok') {
      const msg = el('tr');
      const td = el('td', 'bad', check.message);
      td.colSpan = 3;
      msg.append(td);
      table.append(msg);
    }
    for (const [name, m] of Object.entries(check.measurements)) {
      const tr = el('tr');
      tr.append(el('td', 'mono', name), el('td', null, measurementValue(m)), el('td', 'mono', m.source));
      table.append(tr);
    }
  }
  return table;
}

function reportCard(entry, title) {
  const card = el('article', 'panel report');
  const h2 = el('h2');
  h2.append(el('span', 'code', entry.code), el('span', 'badge ' + entry.verdict, t(entry.verdict)));
  h2.append(el('span', 'role', title || t(entry.role)));
  card.append(h2);
  if (entry.pair_code) card.append(el('div', 'meta', t('pair_of') + ' → ' + entry.pair_code));
  card.append(el('h3', null, t('failed')), rulesList(entry, 'fail'));
  const unknown = rulesList(entry, 'unknown');
  if (unknown) card.append(el('h3', null, t('unknown_rules')), unknown);
  const advice = rulesList(entry, 'advice');
  if (advice) card.append(el('h3', null, t('advice')), advice);
  card.append(el('h3', null, t('device')), factsList(entry));
  card.append(el('h3', null, t('measurements')), measurementsTable(entry));
  return card;
}

// The manual's own sentence, for the rules set the collector judged the pair with.
function sameDeviceSource(entry) {
  const set = ((entry.report || {}).evaluation || {}).rules_id;
  return set === 'xiaoyibang' || set === 'yishusheng' ? t('same_device_' + set) : '';
}

async function lookUp(typed) {
  const result = $('result');
  result.replaceChildren();
  if (!token()) return setStatus(t('token_missing'), true);
  setStatus(t('loading'));
  const { status, body } = await api('/v1/reports/' + encodeURIComponent(typed.trim()));
  if (status !== 200) return setStatus(errorText(status, body), true);
  setStatus(body.other_reports_with_code ? t('other_codes', body.other_reports_with_code) : '');
  // Primary on the left, secondary on the right, whichever code was typed.
  const primary = body.role === 'secondary' ? body.pair.primary : body;
  const secondaries = body.role === 'secondary' ? [body] : body.pair.secondaries;
  // Two roles on one device (XYB-16): the reports carry the same salted device id. Reports
  // without one (the web check, pasted getprop without a serial) cannot be compared.
  const deviceId = (entry) => ((entry.report || {}).host || {}).device_id || '';
  if (primary && deviceId(primary) && secondaries.some((s) => deviceId(s) === deviceId(primary)))
    result.append(el('p', 'panel same-device', t('same_device') + sameDeviceSource(primary)));
  if (primary) result.append(reportCard(primary, t('primary')));
  for (const s of secondaries) result.append(reportCard(s, t('secondary')));
  if (!secondaries.length || !primary) result.append(el('p', 'panel empty', t('no_pair')));
}

async function search() {
  if (!token()) return;
  const params = new URLSearchParams({ page: String(page), limit: '10' });
  for (const [key, id] of [['verdict', 'f-verdict'], ['brand', 'f-brand'], ['model', 'f-model']]) {
    if ($(id).value) params.set(key, $(id).value.trim());
  }
  const { status, body } = await api('/v1/reports?' + params);
  const tbody = $('recent').querySelector('tbody');
  tbody.replaceChildren();
  $('page-no').textContent = String(page);
  if (status !== 200) return;
  $('next').disabled = !body.has_more;
  $('prev').disabled = page <= 1;
  for (const item of body.items) {
    const tr = el('tr', 'clickable');
    const verdict = el('td');
    verdict.append(el('span', 'badge ' + item.verdict, t(item.verdict)));
    tr.append(el('td', 'mono', item.code), verdict, el('td', null, item.brand), el('td', null, item.model),
      el('td', null, [item.os_family, item.os_version].filter(Boolean).join(' ')), el('td', null, item.role),
      el('td', 'mono', item.received_at));
    tr.addEventListener('click', () => { $('code').value = item.code; lookUp(item.code); window.scrollTo(0, 0); });
    tbody.append(tr);
  }
}

function refreshTokenState() { $('token-state').textContent = token() ? t('token_saved') : ''; }

$('save-token').addEventListener('click', () => {
  sessionStorage.setItem('examready.token', $('token').value.trim());
  $('token').value = '';
  refreshTokenState();
  search();
});
$('lookup').addEventListener('submit', (e) => { e.preventDefault(); lookUp($('code').value); });
$('search').addEventListener('submit', (e) => { e.preventDefault(); page = 1; search(); });
$('prev').addEventListener('click', () => { if (page > 1) { page--; search(); } });
$('next').addEventListener('click', () => { page++; search(); });
$('lang').addEventListener('click', () => {
  lang = lang === 'en' ? 'zh-CN' : 'en';
  localStorage.setItem('examready.lang', lang);
  applyLanguage();
  refreshTokenState();
  if ($('code').value) lookUp($('code').value);
  search();
});
applyLanguage();
refreshTokenState();
search();
const initial = new URLSearchParams(location.search).get('code');
if (initial) { $('code').value = initial; lookUp(initial); }
