// The web check's network measurement against the collector's /v1/probe/* endpoints, the
// same ones the native check uses: idle pings, a download counted as bytes arrive in the
// page, an upload counted where it arrives (the server's arrival series) with pings under
// load. Raw samples only; the core (core/analysis/network_figures) makes the figures.
import { withTimeout } from './check_probes.js';

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

// `streams` parallel downloads for `seconds`, each byte binned by when the page read it.
async function download(seconds, onProgress) {
  const bins = new Array(Math.ceil(seconds * 1000 / BIN_MS) + 1).fill(0);
  const controller = new AbortController();
  const started = performance.now();
  const stream = async () => {
    while (performance.now() - started < seconds * 1000) {
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
  const timer = setTimeout(() => controller.abort(), seconds * 1000);
  const progress = setInterval(() => onProgress((performance.now() - started) / (seconds * 1000)), 250);
  await Promise.allSettled(Array.from({ length: STREAMS }, stream));
  clearTimeout(timer);
  clearInterval(progress);
  // A request that ends inside the phase is followed by the next: the series has no gaps.
  return { bins: bins.slice(0, Math.floor(seconds * 1000 / BIN_MS)) };
}

// Uploads for `seconds` on `streams` requests of `chunkBytes`, pinging meanwhile; the bytes
// are counted by the server as they arrive, so the browser's send buffer does not inflate
// the figure.
async function upload(seconds, chunkBytes, onProgress) {
  const session = randomId();
  const body = new Blob([crypto.getRandomValues(new Uint8Array(65536))]);
  const parts = Math.max(1, Math.ceil(chunkBytes / 65536));
  const payload = new Blob(Array(parts).fill(body));
  const controller = new AbortController();
  const started = performance.now();
  const stream = async () => {
    while (performance.now() - started < seconds * 1000) {
      await fetch(`/v1/probe/upload?session=${session}`, { method: 'POST', body: payload, cache: 'no-store',
        headers: { 'Content-Type': 'application/octet-stream' }, signal: controller.signal });
    }
  };
  const loaded = [];
  let loadedLost = 0;
  const pinger = (async () => {
    for (let n = 0; performance.now() - started < seconds * 1000; n++) {
      try { loaded.push((await ping(1000 + n, 2000)).rtt); } catch { loadedLost++; }
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  const timer = setTimeout(() => controller.abort(), seconds * 1000);
  const progress = setInterval(() => onProgress((performance.now() - started) / (seconds * 1000)), 250);
  await Promise.allSettled([...Array.from({ length: STREAMS }, stream), pinger]);
  clearTimeout(timer);
  clearInterval(progress);
  const series = await (await withTimeout(fetch(`/v1/probe/session?id=${session}`, { cache: 'no-store' }),
                                         5000, 'the collector')).json();
  return { bins: series.bins || [], bin_s: (series.bin_ms || BIN_MS) / 1000, loaded, loadedLost };
}

export async function measureNetwork(onProgress) {
  const idleSeconds = 2;
  const downloadSeconds = 4;
  const uploadSeconds = 4;
  const started = performance.now();
  const idle = await idlePings(idleSeconds, 20);
  if (idle.rtts.length === 0) return { status: 'error', message: 'the collector did not answer a single ping' };
  onProgress(0.2);
  const down = await download(downloadSeconds, (f) => onProgress(0.2 + 0.4 * f));
  const downBps = down.bins.reduce((a, b) => a + b, 0) * 8 / downloadSeconds;
  // Each request carries about half a second at the download's rate (upload is seldom faster).
  const chunk = Math.min(32 << 20, Math.max(256 << 10, Math.round(downBps / 8 / STREAMS / 2)));
  const up = await upload(uploadSeconds, chunk, (f) => onProgress(0.6 + 0.4 * f));
  return {
    ...connectionTiming(idle.first),
    idle_rtts_ms: idle.rtts, idle_lost: idle.lost, clock_skew_ms: idle.skew,
    bin_s: BIN_MS / 1000, download_bins: down.bins,
    upload_bin_s: up.bin_s, upload_bins: up.bins, loaded_rtts_ms: up.loaded, loaded_lost: up.loadedLost,
    download_s: downloadSeconds, upload_s: uploadSeconds, streams: STREAMS,
    duration_ms: performance.now() - started,
  };
}
