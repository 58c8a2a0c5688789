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

// Ping URLs are unique per page load, so that each has its own resource timing entry.
const pageRun = randomId();

// A ping's RTT is the network stack's: resource timing's request sent to first byte, as
// curl's is for the native check. Timed around fetch() instead it carries the browser's own
// cost per request (1.5-3.5 ms on a PC, more on a slow phone); that is the fallback where
// the entry is missing, and the report says which (rtt_timing: all by resource timing, all
// around fetch(), or mixed).
const pingsTimed = { entry: 0, fetch: 0 };
function rttTiming() {
  if (!pingsTimed.fetch) return 'resource-timing';
  return pingsTimed.entry ? 'mixed' : 'fetch';
}
if (performance.setResourceTimingBufferSize) performance.setResourceTimingBufferSize(2000);

function timingEntry(url) {
  const entry = performance.getEntriesByName(new URL(url, location.href).href).pop();
  return entry && entry.requestStart > 0 && entry.responseStart >= entry.requestStart ? entry : undefined;
}

async function ping(n, timeoutMs) {
  const url = `/v1/probe/ping?n=${n}&r=${pageRun}`;
  const started = performance.now();
  const response = await withTimeout(fetch(url, { cache: 'no-store' }), timeoutMs, 'a ping');
  const fetchRtt = performance.now() - started;
  await withTimeout(response.arrayBuffer(), timeoutMs, 'a ping');  // its timing entry is made at the end
  const entry = timingEntry(url);
  pingsTimed[entry ? 'entry' : 'fetch']++;
  const rtt = entry ? entry.responseStart - entry.requestStart : fetchRtt;
  const serverUs = Number(response.headers.get('X-Examready-Server-Time-Us'));
  const localMs = performance.timeOrigin + (entry ? entry.requestStart : started) + rtt / 2;
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
// one; a fixed length cut the slow ones short and made the fast ones wait. Below SLOW_BPS
// the limit is SLOW_MAX_S: there a stream's reads come seconds apart (64 KiB every 2 s per
// stream at 1 Mbit/s) and 5 s never showed the rate settled; from 2 Mbit/s up (read as
// 1.8-1.9 Mbit/s while the streams ramp up) the network phase stays within 10 s.
const PHASE_MIN_S = 2;
const PHASE_MAX_S = 5;
const SLOW_BPS = 1.5e6;
const SLOW_MAX_S = 8;
const LOOK_MS = 250;

// Aborts `controller` when the phase may end; `isSettled()` resolves to the core's verdict on
// the rate so far, `rateBps()` gives the rate so far (0: not known yet). Resolves to the
// phase's length and how it ended. No wait reaches past the phase's limit, and the transfers
// stop whatever happens here.
async function watchPhase(started, isSettled, rateBps, controller, onProgress) {
  let end = 'limit';
  let limitS = PHASE_MAX_S;
  let shown = 0;  // progress never goes back when the limit grows
  const elapsedS = () => (performance.now() - started) / 1000;
  const leftMs = () => (limitS - elapsedS()) * 1000;
  try {
    while (leftMs() > 0) {
      await sleep(Math.min(LOOK_MS, leftMs()));
      const rate = rateBps();
      if (limitS === PHASE_MAX_S && elapsedS() >= PHASE_MIN_S && rate > 0 && rate < SLOW_BPS) limitS = SLOW_MAX_S;
      shown = Math.max(shown, Math.min(1, elapsedS() / limitS));
      onProgress(shown);
      if (leftMs() <= 0) break;
      if (elapsedS() < PHASE_MIN_S) continue;
      let settled = false;
      try {
        settled = await withTimeout(isSettled(), Math.max(1, leftMs()), 'the rate');
      } catch {
        continue;  // a poll that failed or ran out of time says nothing about the rate
      }
      if (settled) {
        end = 'settled';
        break;
      }
    }
  } finally {
    controller.abort();
  }
  return { seconds: (performance.now() - started) / 1000, end };
}

// STREAMS parallel downloads. Each read is logged per stream as [ms since the phase began,
// bytes]: a read hands over up to 64 KiB, and the core spreads its bytes back over the time
// since that stream's previous read (core/analysis/read_spreading.h); [ms, 0] marks when a
// response's headers came, where its bytes began.
const MAX_READS = 100000;  // per stream: core::net::kMaxReadsPerStream
async function download(core, onProgress) {
  const reads = Array.from({ length: STREAMS }, () => []);
  let bytes = 0;
  const controller = new AbortController();
  const started = performance.now();
  const stream = async (log) => {
    while (!controller.signal.aborted) {
      const response = await fetch(`/v1/probe/download?bytes=${64 << 20}&r=${randomId()}`,
                                   { cache: 'no-store', signal: controller.signal });
      if (log.length < 2 * MAX_READS) log.push(performance.now() - started, 0);
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.length;
        if (log.length < 2 * MAX_READS) log.push(performance.now() - started, value.length);
      }
    }
  };
  const isSettled = async () => core.readsSettled(reads, BIN_MS / 1000);
  const rateBps = () => bytes * 8 / Math.max(0.001, (performance.now() - started) / 1000);
  const watch = watchPhase(started, isSettled, rateBps, controller, onProgress);
  await Promise.allSettled(reads.map(stream));
  // A request that ends inside the phase is followed by the next: the log has no gaps.
  return { reads, bytes, ...(await watch) };
}

// The server's arrival series of an upload session so far (404 until its first byte). A
// request that timed out is cancelled where the browser can (AbortSignal.timeout), so that
// late polls do not hold connections the upload needs.
async function uploadSeries(session, timeoutMs) {
  const signal = AbortSignal.timeout ? AbortSignal.timeout(timeoutMs) : undefined;
  const response = await withTimeout(fetch(`/v1/probe/session?id=${session}`, { cache: 'no-store', signal }),
                                     timeoutMs, 'the collector');
  if (!response.ok) throw new Error(`the collector answered ${response.status}`);
  return response.json();
}

// Uploads on STREAMS requests of `chunkBytes`, pinging meanwhile; the bytes are counted by
// the server as they arrive, so the browser's send buffer does not inflate the figure, and
// the page watches that same series to end the phase.
async function upload(chunkBytes, core, onProgress) {
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
  // Only the bins every request's bytes are in (complete_bins) are judged.
  let seenBps = 0;
  const isSettled = async () => {
    const series = await uploadSeries(session, 1000);
    const complete = series.bins.slice(0, series.complete_bins);
    if (complete.length) seenBps = complete.reduce((a, b) => a + b, 0) * 8 / (complete.length * series.bin_ms / 1000);
    return core.throughputSettled(complete, series.bin_ms / 1000);
  };
  const watch = watchPhase(started, isSettled, () => seenBps, controller, onProgress);
  await Promise.allSettled([...Array.from({ length: STREAMS }, stream), pinger]);
  const phase = await watch;
  // No series (the collector refused the session, or did not answer): the upload is unknown,
  // the pings and the download still count.
  const series = await uploadSeries(session, 5000).catch(() => ({ bins: [] }));
  return { bins: series.bins || [], complete: series.complete_bins, bin_s: (series.bin_ms || BIN_MS) / 1000,
           loaded, loadedLost, ...phase };
}

// `core`: the wasm module, whose throughput_settled ends each transfer phase.
export async function measureNetwork(core, onProgress) {
  const idleSeconds = 2;
  const started = performance.now();
  const idle = await idlePings(idleSeconds, 20);
  if (idle.rtts.length === 0) return { status: 'error', message: 'the collector did not answer a single ping' };
  onProgress(0.2);
  const down = await download(core, (f) => onProgress(0.2 + 0.4 * f));
  const downBps = down.bytes * 8 / down.seconds;
  // Each request carries about half a second at the download's rate (upload is seldom faster).
  const chunk = Math.min(32 << 20, Math.max(256 << 10, Math.round(downBps / 8 / STREAMS / 2)));
  const up = await upload(chunk, core, (f) => onProgress(0.6 + 0.4 * f));
  return {
    ...connectionTiming(idle.first),
    idle_rtts_ms: idle.rtts, idle_lost: idle.lost, clock_skew_ms: idle.skew, rtt_timing: rttTiming(),
    bin_s: BIN_MS / 1000, download_reads: down.reads,
    upload_bin_s: up.bin_s, upload_bins: up.bins, upload_complete_bins: up.complete,
    loaded_rtts_ms: up.loaded, loaded_lost: up.loadedLost,
    download_s: down.seconds, download_end: down.end, upload_s: up.seconds, upload_end: up.end,
    streams: STREAMS, duration_ms: performance.now() - started,
  };
}
