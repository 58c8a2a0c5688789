// The web check's network measurement against the collector's /v1/probe/* endpoints, the
// same ones the native check uses: idle pings, a download counted as bytes arrive in the
// page, an upload counted where it arrives (the server's arrival series) with pings under
// load. Raw samples only; the core (core/analysis/network_figures) makes the figures.
import { sleep, withTimeout } from './check_probes.js';

const BIN_MS = 50;
const STREAMS = 4;

function randomId() {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function ping(n, timeoutMs) {
  const url = `/v1/probe/ping?n=${n}`;
  const started = performance.now();
  const response = await withTimeout(fetch(url, { cache: 'no-store' }), timeoutMs, 'a ping');
  const rtt = performance.now() - started;
  const serverUs = Number(response.headers.get('X-Examready-Server-Time-Us'));
  const localMs = performance.timeOrigin + started + rtt / 2;
  return { rtt, skew: Number.isFinite(serverUs) && serverUs > 0 ? localMs - serverUs / 1000 : undefined, url };
}

// The first request's connection timing (resource timing), and the protocol spoken.
function connectionTiming(url) {
  const entry = performance.getEntriesByName(new URL(url, location.href).href).pop();
  if (!entry) return {};
  const out = { http_version: { h2: '2', h3: '3', 'http/1.1': '1.1' }[entry.nextHopProtocol] || '1.1' };
  if (entry.connectEnd > 0) {
    out.dns_ms = Math.max(0, entry.domainLookupEnd - entry.domainLookupStart);
    out.connect_ms = Math.max(0, entry.connectEnd - entry.connectStart);
    if (entry.secureConnectionStart > 0) out.tls_ms = Math.max(0, entry.connectEnd - entry.secureConnectionStart);
  }
  return out;
}

async function idlePings(seconds, minPings) {
  const rtts = [];
  let lost = 0;
  let best = null;
  let first = null;
  const end = performance.now() + seconds * 1000;
  for (let n = 0; (performance.now() < end || rtts.length < minPings) && n < 200; n++) {
    try {
      const p = await ping(n, 1000);
      if (!first) first = p.url;
      rtts.push(p.rtt);
      if (p.skew !== undefined && (!best || p.rtt < best.rtt)) best = p;
    } catch {
      lost++;
    }
    if (performance.now() > end + 5000) break;
  }
  return { rtts, lost, skew: best ? best.skew : undefined, first };
}

// A transfer phase runs until its rate settled, as the native check's do: the core decides
// (throughput_settled, asked every LOOK_MS from MIN_S on) or MAX_S ends it with a lower
// confidence. A slow link needs longer to leave slow start and loss recovery than a fast
// one; a fixed length cut the slow ones short and made the fast ones wait.
const PHASE_MIN_S = 2;
const PHASE_MAX_S = 5;
const LOOK_MS = 250;

// Aborts `controller` when the phase may end; `closedBins()` resolves to the bytes per
// closed bin so far. Resolves to the phase's length and how it ended.
async function watchPhase(started, closedBins, binS, settled, controller, onProgress) {
  let end = 'limit';
  for (;;) {
    await sleep(LOOK_MS);
    const elapsed = (performance.now() - started) / 1000;
    onProgress(Math.min(1, elapsed / PHASE_MAX_S));
    if (elapsed >= PHASE_MAX_S) break;
    if (elapsed < PHASE_MIN_S) continue;
    let bins;
    try {
      bins = await closedBins();
    } catch {
      continue;  // a poll that failed says nothing about the rate
    }
    if (bins.length > 0 && settled(bins, binS)) {
      end = 'settled';
      break;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  controller.abort();
  return { seconds, end };
}

// STREAMS parallel downloads, each byte binned by when the page read it.
async function download(settled, onProgress) {
  const bins = new Array(Math.ceil((PHASE_MAX_S + 1) * 1000 / BIN_MS)).fill(0);
  const controller = new AbortController();
  const started = performance.now();
  const stream = async () => {
    while (!controller.signal.aborted) {
      const response = await fetch(`/v1/probe/download?bytes=${64 << 20}&r=${randomId()}`,
                                   { cache: 'no-store', signal: controller.signal });
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        const bin = Math.floor((performance.now() - started) / BIN_MS);
        if (bin < bins.length) bins[bin] += value.length;
      }
    }
  };
  const closed = async () => bins.slice(0, Math.floor((performance.now() - started) / BIN_MS));
  const watch = watchPhase(started, closed, BIN_MS / 1000, settled, controller, onProgress);
  await Promise.allSettled(Array.from({ length: STREAMS }, stream));
  const phase = await watch;
  // A request that ends inside the phase is followed by the next: the series has no gaps.
  return { bins: bins.slice(0, Math.floor(phase.seconds * 1000 / BIN_MS)), ...phase };
}

// The server's arrival series of an upload session so far (404 until its first byte).
async function uploadSeries(session, timeoutMs) {
  const response = await withTimeout(fetch(`/v1/probe/session?id=${session}`, { cache: 'no-store' }),
                                     timeoutMs, 'the collector');
  if (!response.ok) throw new Error(`the collector answered ${response.status}`);
  return response.json();
}

// Uploads on STREAMS requests of `chunkBytes`, pinging meanwhile; the bytes are counted by
// the server as they arrive, so the browser's send buffer does not inflate the figure, and
// the page watches that same series to end the phase.
async function upload(chunkBytes, settled, onProgress) {
  const session = randomId();
  const body = new Blob([crypto.getRandomValues(new Uint8Array(65536))]);
  const parts = Math.max(1, Math.ceil(chunkBytes / 65536));
  const payload = new Blob(Array(parts).fill(body));
  const controller = new AbortController();
  const started = performance.now();
  const stream = async () => {
    while (!controller.signal.aborted) {
      await fetch(`/v1/probe/upload?session=${session}`, { method: 'POST', body: payload, cache: 'no-store',
        headers: { 'Content-Type': 'application/octet-stream' }, signal: controller.signal });
    }
  };
  const loaded = [];
  let loadedLost = 0;
  const pinger = (async () => {
    for (let n = 0; !controller.signal.aborted; n++) {
      try { loaded.push((await ping(1000 + n, 2000)).rtt); } catch { loadedLost++; }
      await sleep(200);
    }
  })();
  // The series' last bin is still filling: it is left out.
  const closed = async () => (await uploadSeries(session, 1000)).bins.slice(0, -1);
  const watch = watchPhase(started, closed, BIN_MS / 1000, settled, controller, onProgress);
  await Promise.allSettled([...Array.from({ length: STREAMS }, stream), pinger]);
  const phase = await watch;
  const series = await uploadSeries(session, 5000);
  return { bins: series.bins || [], bin_s: (series.bin_ms || BIN_MS) / 1000, loaded, loadedLost, ...phase };
}

// `settled(bins, binSeconds)`: the core's verdict on a phase's rate so far.
export async function measureNetwork(settled, onProgress) {
  const idleSeconds = 2;
  const started = performance.now();
  const idle = await idlePings(idleSeconds, 20);
  if (idle.rtts.length === 0) return { status: 'error', message: 'the collector did not answer a single ping' };
  onProgress(0.2);
  const down = await download(settled, (f) => onProgress(0.2 + 0.4 * f));
  const downBps = down.bins.reduce((a, b) => a + b, 0) * 8 / down.seconds;
  // Each request carries about half a second at the download's rate (upload is seldom faster).
  const chunk = Math.min(32 << 20, Math.max(256 << 10, Math.round(downBps / 8 / STREAMS / 2)));
  const up = await upload(chunk, settled, (f) => onProgress(0.6 + 0.4 * f));
  return {
    ...connectionTiming(idle.first),
    idle_rtts_ms: idle.rtts, idle_lost: idle.lost, clock_skew_ms: idle.skew,
    bin_s: BIN_MS / 1000, download_bins: down.bins,
    upload_bin_s: up.bin_s, upload_bins: up.bins, loaded_rtts_ms: up.loaded, loaded_lost: up.loadedLost,
    download_s: down.seconds, download_end: down.end, upload_s: up.seconds, upload_end: up.end,
    streams: STREAMS, duration_ms: performance.now() - started,
  };
}
