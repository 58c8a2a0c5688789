// The web check's upload queue: a report is kept in the browser (localStorage) until the
// collector has it, and sent again when the network returns. The collector stores a report
// once per report_id and answers a repeat with the stored code (200, "replay"), so a report
// whose answer was lost is delivered exactly once.
const KEY = 'examready.queue';
const MAX_QUEUED = 20;  // a phone checked many times offline keeps its latest reports

function load() {
  try { return JSON.parse(localStorage.getItem(KEY) || '[]'); } catch { return []; }
}
function save(queue) {
  try { localStorage.setItem(KEY, JSON.stringify(queue.slice(-MAX_QUEUED))); } catch { /* full or private mode */ }
}

export function enqueue(report) {
  const queue = load().filter((r) => r.report_id !== report.report_id);
  queue.push(report);
  save(queue);
}

let sending = null;
let retryTimer = null;

// Sends every queued report once; returns [{report_id, delivered, answer, refused}]. A call
// while a round is under way waits for it, then sends what is still queued.
export async function deliverQueued() {
  while (sending) await sending.catch(() => {});
  sending = (async () => {
    const results = [];
    for (const report of load()) {
      const outcome = { report_id: report.report_id };
      try {
        const response = await fetch('/v1/reports', { method: 'POST', headers: { 'Content-Type': 'application/json' },
                                                      body: JSON.stringify(report), cache: 'no-store' });
        const answer = await response.json().catch(() => ({}));
        if (response.status === 200 || response.status === 201) {
          Object.assign(outcome, { delivered: true, answer });
        } else if (response.status === 429 || response.status >= 500) {
          outcome.retry = true;  // the collector is busy: keep it
        } else {
          outcome.refused = `HTTP ${response.status} ${answer.error || ''}`;  // never accepted: drop it
        }
      } catch {
        outcome.retry = true;  // offline
      }
      if (!outcome.retry) save(load().filter((r) => r.report_id !== report.report_id));
      results.push(outcome);
    }
    clearTimeout(retryTimer);
    if (load().length) retryTimer = setTimeout(deliverQueued, 15000);
    return results;
  })().finally(() => { sending = null; });
  return sending;
}
