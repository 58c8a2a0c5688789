// Stats page: horizontal bar charts drawn as SVG from /v1/stats (no chart library, no CDN).
'use strict';

const TEXT = {
  'zh-CN': {
    nav_helpdesk: '报告查询', nav_stats: '兼容性统计', privacy: '只显示至少 5 台不同设备的分组；不包含任何报告代码或编号。',
    csv: 'CSV 下载：', by_brand: '按品牌的可考率', by_os: '按系统版本的可考率', by_model: '按型号的可考率（前 15）',
    by_rule: '最常未通过的规则', summary: '共 {n} 份报告。可考率 = 结论为“可以考试”或“有提醒”的报告占已评估报告的比例。',
    empty: '暂无足够的数据（每组至少 5 台设备）', reports: '份', of_reports: '占全部报告', unknown: '未知',
    clusters: '失败集中的型号（型号 × 未通过的规则）',
    clusters_note: '同一型号至少 5 台不同设备未通过同一条规则时列出：这些型号是加入设备名单（或修改规则）的候选，依据是实际报告。',
    model: '型号', rule: '规则', failed: '未通过的报告', share: '占该型号报告',
  },
  en: {
    nav_helpdesk: 'Report lookup', nav_stats: 'Statistics', privacy: 'Only groups of at least 5 distinct devices are shown; no report codes or ids.',
    csv: 'CSV: ', by_brand: 'Readiness by brand', by_os: 'Readiness by OS version', by_model: 'Readiness by model (top 15)',
    by_rule: 'Most failed rules', summary: '{n} reports. Readiness = share of evaluated reports whose verdict is ready or ready with warnings.',
    empty: 'Not enough data yet (groups need at least 5 devices)', reports: 'reports', of_reports: 'of all reports', unknown: 'unknown',
    clusters: 'Models that fail (model × failed rule)',
    clusters_note: 'Listed when at least 5 distinct devices of one model failed the same rule: candidates for the device list (or for a rule change), proposed from actual reports.',
    model: 'Model', rule: 'Rule', failed: 'Failed reports', share: 'Of the model\'s reports',
  },
};
let lang = localStorage.getItem('examready.lang') || 'zh-CN';
const $ = (id) => document.getElementById(id);
const t = (key, n) => (TEXT[lang][key] || key).replace('{n}', n);
const SVG = 'http://www.w3.org/2000/svg';

function svgEl(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = String(text);
  return node;
}

function colorFor(rate) {
  if (rate >= 0.9) return '#1f8f4e';
  if (rate >= 0.7) return '#7aa83a';
  if (rate >= 0.5) return '#c57d00';
  return '#c23a2b';
}

// rows: [{label, value (0..1), caption}]
function barChart(container, rows, color) {
  container.replaceChildren();
  if (!rows.length) {
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = t('empty');
    container.append(p);
    return;
  }
  const width = 560, labelWidth = 190, captionWidth = 120, barHeight = 22, gap = 8;
  const height = rows.length * (barHeight + gap) + 24;
  const svg = svgEl('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img' });
  const plot = width - labelWidth - captionWidth;
  for (const pct of [0, 0.5, 1]) {
    const x = labelWidth + plot * pct;
    svg.append(svgEl('line', { x1: x, x2: x, y1: 0, y2: height - 18, stroke: '#e3e7ee' }));
    svg.append(svgEl('text', { x, y: height - 4, 'text-anchor': 'middle', class: 'value' }, Math.round(pct * 100) + '%'));
  }
  rows.forEach((row, i) => {
    const y = i * (barHeight + gap) + 4;
    svg.append(svgEl('text', { x: labelWidth - 8, y: y + barHeight * 0.7, 'text-anchor': 'end' }, row.label));
    svg.append(svgEl('rect', { x: labelWidth, y, width: plot, height: barHeight, fill: '#eef1f6', rx: 3 }));
    svg.append(svgEl('rect', { x: labelWidth, y, width: Math.max(1, plot * row.value), height: barHeight,
      fill: color ? color(row.value) : '#c23a2b', rx: 3 }));
    svg.append(svgEl('text', { x: labelWidth + plot + 8, y: y + barHeight * 0.7, class: 'value' }, row.caption));
  });
  container.append(svg);
}

async function stats(by) {
  const response = await fetch('/v1/stats?by=' + by);
  return response.json();
}

function readinessRows(data, limit) {
  return data.groups
    .map((g) => {
      const evaluated = g.reports - g.unevaluated;
      const rate = evaluated > 0 ? (g.ready + g.warnings) / evaluated : 0;
      return { label: g.key === null ? t('unknown') : g.key, value: rate, evaluated, caption: `${Math.round(rate * 100)}% · ${g.reports} ${t('reports')}` };
    })
    .filter((r) => r.evaluated > 0)
    .slice(0, limit);
}

// The model x failed-rule clusters as a table, with each cluster's share of its model's
// reports (from the by=model groups; a cluster's model always has a group of its own).
function clusterTable(container, clusters, models) {
  container.replaceChildren();
  if (!clusters.groups.length) {
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = t('empty');
    container.append(p);
    return;
  }
  const reportsOf = new Map(models.groups.map((g) => [g.key, g.reports]));
  const table = document.createElement('table');
  const row = (cells, tag) => {
    const tr = document.createElement('tr');
    for (const text of cells) {
      const cell = document.createElement(tag);
      cell.textContent = text;
      tr.append(cell);
    }
    return tr;
  };
  table.append(row([t('model'), t('rule'), t('failed'), t('share')], 'th'));
  // The models a rule fails most often first: a high share is a model-wide problem.
  const ranked = clusters.groups.map((g) => ({ ...g, share: g.reports / (reportsOf.get(g.model) || Infinity) }))
    .sort((a, b) => b.share - a.share || b.reports - a.reports);
  for (const g of ranked.slice(0, 30)) {
    table.append(row([g.model, g.rule, String(g.reports),
      g.share > 0 ? `${Math.round(100 * g.share)}%` : '—'], 'td'));
  }
  container.append(table);
}

async function render() {
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  $('lang').textContent = lang === 'en' ? '中文' : 'English';
  const [brand, os, model, rule, clusters] =
    await Promise.all(['brand', 'os_version', 'model', 'rule', 'model_rule'].map(stats));
  $('summary').textContent = t('summary', brand.total_reports);
  barChart($('chart-brand'), readinessRows(brand, 20), colorFor);
  barChart($('chart-os'), readinessRows(os, 20), colorFor);
  barChart($('chart-model'), readinessRows(model, 15), colorFor);
  const total = Math.max(1, rule.total_reports);
  barChart($('chart-rule'), rule.groups.slice(0, 15).map((g) => ({
    label: g.key, value: g.reports / total,
    caption: `${(100 * g.reports / total).toFixed(1)}% · ${g.reports}`,
  })));
  clusterTable($('clusters'), clusters, model);
}

$('lang').addEventListener('click', () => {
  lang = lang === 'en' ? 'zh-CN' : 'en';
  localStorage.setItem('examready.lang', lang);
  render();
});
render();
