// The web check's browser drivers: each gathers raw data from one browser API, bounded in
// time, and returns what the WebAssembly core's WebSession.run() takes for that check. No
// figure is computed here: frames, samples and byte counts go to the core as they are.

// A promise that gives up after `ms`: a hung camera or a dead network becomes a timeout.
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`${what} did not answer within ${ms / 1000} s`), { name: 'TimeoutError' })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// getUserMedia's errors as check outcomes.
export function mediaOutcome(error) {
  const name = error && error.name;
  const message = `${name || 'Error'}: ${(error && error.message) || ''}`.slice(0, 300);
  if (name === 'NotAllowedError' || name === 'SecurityError') return { status: 'denied', message };
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return { status: 'unsupported', message };
  if (name === 'TimeoutError') return { status: 'timeout', message };
  // NotReadableError: another app (WeChat, a call) holds the device.
  return { status: 'error', message };
}

// Releases a camera or microphone (stream may be undefined).
export function stopStream(stream) {
  if (stream) stream.getTracks().forEach((track) => track.stop());
}

// Shows a camera's stream in the preview and waits until it plays.
async function showStream(video, stream) {
  video.srcObject = stream;
  video.hidden = false;
  await withTimeout(video.play(), 5000, 'the camera preview');
}

async function countDevices(kind) {
  try {
    return (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === kind).length;
  } catch {
    return undefined;
  }
}

export async function identityHints() {
  const hints = {
    user_agent: navigator.userAgent,
    secure_context: window.isSecureContext,
    screen: { width: screen.width, height: screen.height, max_touch_points: navigator.maxTouchPoints || 0 },
  };
  if (navigator.userAgentData) {
    try {
      const values = await withTimeout(navigator.userAgentData.getHighEntropyValues(
        ['model', 'platformVersion']), 3000, 'client hints');
      hints.client_hints = { model: values.model || '', platform: values.platform || navigator.userAgentData.platform,
                             platformVersion: values.platformVersion || '', mobile: navigator.userAgentData.mobile };
    } catch { /* the UA string still says what it says */ }
  }
  return hints;
}

// The exam's recording mode: 1080p at 30 fps where the camera offers it (the apps record
// 720p or 1080p at 30 fps).
const EXAM_MODE = { width: { ideal: 1920 }, height: { ideal: 1080 }, frameRate: { ideal: 30 } };

function openCamera(video) {
  return withTimeout(navigator.mediaDevices.getUserMedia({ audio: false, video }), 20000, 'the camera');
}

// A phone's camera service may still hold the camera just closed: one more try after a
// moment before "another app holds it" (NotReadableError) is believed.
async function openCameraAgain(video) {
  try {
    return await openCamera(video);
  } catch (e) {
    if (e.name !== 'NotReadableError' && e.name !== 'AbortError') throw e;
    await sleep(500);
    return openCamera(video);
  }
}

// Hands `seconds` of frames of an open camera (scaled to at most 320 px wide: the statistics
// sample every other pixel anyway) to the core, as `camera` ('front' or 'back'). Returns what
// the browser says of the camera and the frame rate it delivered; throws on a stall.
async function captureFrames(session, video, stream, camera, seconds) {
  const track = stream.getVideoTracks()[0];
  const settings = track.getSettings();
  const capabilities = track.getCapabilities ? track.getCapabilities() : {};
  await showStream(video, stream);
  const width = settings.width || video.videoWidth;
  const height = settings.height || video.videoHeight;
  const scale = Math.min(1, 320 / (width || 320));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(2, Math.round(width * scale));
  canvas.height = Math.max(2, Math.round(height * scale));
  const context = canvas.getContext('2d', { willReadFrequently: true });
  let frames = 0;
  let firstAt = 0;
  let lastAt = 0;
  // The frames the video element presented, by requestVideoFrameCallback's count and the
  // frames' own media timestamps: the camera's frame rate even when this page, busy with a
  // frame, misses the next callback (a slow phone, a loaded machine: counting the grabs read
  // 19 fps from a 30 fps camera).
  let first;
  let last;
  // One grab per callback, so the frozen frames are the camera's, not the page's timer's.
  await withTimeout(new Promise((resolve) => {
    const next = video.requestVideoFrameCallback
      ? (f) => video.requestVideoFrameCallback(f) : (f) => setTimeout(f, 33);
    const onFrame = (_, metadata) => {
      const now = performance.now();
      if (!firstAt) firstAt = now;
      lastAt = now;
      if (metadata && Number.isFinite(metadata.presentedFrames) && Number.isFinite(metadata.mediaTime)) {
        if (!first) first = metadata;
        last = metadata;
      }
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      session.addRgbaFrame(context.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height, camera);
      frames++;
      if (now - firstAt >= seconds * 1000) resolve(); else next(onFrame);
    };
    next(onFrame);
  }), seconds * 1000 + 8000, 'the camera');
  const input = { width, height, facing: settings.facingMode || '', device_id: settings.deviceId };
  if (capabilities.width && capabilities.height) {
    input.max_width = capabilities.width.max;
    input.max_height = capabilities.height.max;
  }
  if (first && last && last.mediaTime - first.mediaTime > 0.5 && last.presentedFrames > first.presentedFrames) {
    input.fps = (last.presentedFrames - first.presentedFrames) / (last.mediaTime - first.mediaTime);
    input.fps_from = 'presented frames over their media time';
  } else if (frames > 1 && lastAt > firstAt) {
    input.fps = (frames - 1) / ((lastAt - firstAt) / 1000);
    input.fps_from = 'frames grabbed over the capture';
  }
  return input;
}

// The phone's back camera, after the front one was closed (a phone opens one camera at a
// time): by facingMode, else, where the browser does not say which way its cameras face,
// the camera other than the front one.
async function captureBackCamera(session, video, frontDeviceId, seconds) {
  let stream;
  let foundBy = 'facing';
  try {
    stream = await openCameraAgain({ ...EXAM_MODE, facingMode: { exact: 'environment' } });
  } catch (e) {
    if (e.name !== 'OverconstrainedError' && e.name !== 'NotFoundError') return { back: { ...mediaOutcome(e), found_by: foundBy } };
    // Without the front camera's id (it failed) the other camera cannot be told apart.
    if (!frontDeviceId) return { back: { status: 'unsupported', message: 'no camera faces back' } };
    let other;
    try {
      other = (await navigator.mediaDevices.enumerateDevices()).find((d) => d.kind === 'videoinput' && d.deviceId && d.deviceId !== frontDeviceId);
    } catch { /* none found */ }
    if (!other) return { back: { status: 'unsupported', message: 'no camera faces back' } };
    foundBy = 'other-device';
    try {
      stream = await openCameraAgain({ ...EXAM_MODE, deviceId: { exact: other.deviceId } });
    } catch (e2) {
      return { back: { ...mediaOutcome(e2), found_by: foundBy } };
    }
  }
  const deviceId = stream.getVideoTracks()[0].getSettings().deviceId;
  if (frontDeviceId && deviceId === frontDeviceId) {
    // A browser that calls its only camera "environment" as well: no second camera.
    stopStream(stream);
    return { back: { status: 'unsupported', message: 'the browser gave the front camera again' } };
  }
  try {
    const back = await captureFrames(session, video, stream, 'back', seconds);
    delete back.device_id;
    return { back: { ...back, found_by: foundBy }, stream };
  } catch (e) {
    stopStream(stream);
    return { back: { ...mediaOutcome(e), found_by: foundBy } };
  }
}

// A phone or tablet, whose second camera is its back one; a computer's second camera (a
// webcam beside the built-in one, a virtual camera) is not.
function isTouchDevice() {
  return navigator.maxTouchPoints > 0 || Boolean(navigator.userAgentData && navigator.userAgentData.mobile);
}

// Opens the front camera (or the only one) at the exam's recording mode for `seconds`, then
// a phone's back camera for `backSeconds`: the exam apps let the candidate record with
// either, so a front camera that fails (held by another app, stalled) does not keep the back
// one from being tried. Returns the camera check's input and an open stream for the
// encoder's real frames: the back camera's, else the front one's (opened again when the back
// one failed after it was closed); none when no camera delivers.
export async function captureCameras(session, video, { seconds = 2, backSeconds = 1 } = {}) {
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia)
    return { input: { status: 'unsupported', message: 'no navigator.mediaDevices (not a secure context?)' } };
  let stream;
  let input;
  let frontFailed = false;
  try {
    stream = await openCamera({ ...EXAM_MODE, facingMode: 'user' });
    input = await captureFrames(session, video, stream, 'front', seconds);
  } catch (e) {
    stopStream(stream);
    stream = undefined;
    input = mediaOutcome(e);
    // Refused, or no camera at all: the back camera would be refused or missing as well.
    if (input.status === 'denied' || input.status === 'unsupported') return { input };
    frontFailed = true;
  }
  input.camera_count = await countDevices('videoinput');
  const frontDeviceId = input.device_id;
  delete input.device_id;
  if (input.facing === 'environment') {
    input.back = { status: 'unsupported', message: 'the browser opened a back camera when asked for the front one' };
  } else if (!(input.camera_count >= 2)) {
    input.back = { status: 'unsupported' };
  } else if (!isTouchDevice()) {
    input.back = { status: 'unsupported', message: 'not a phone or tablet: a second camera is not a back camera' };
  } else {
    stopStream(stream);
    const back = await captureBackCamera(session, video, frontDeviceId, backSeconds);
    input.back = back.back;
    stream = back.stream;
    if (!stream && !frontFailed) {
      try {
        stream = await openCameraAgain({ ...EXAM_MODE, deviceId: { exact: frontDeviceId } });
        await showStream(video, stream);
      } catch {
        stopStream(stream);
        stream = undefined;  // the encoder then draws its own frames, and says so
      }
    }
  }
  if (frontFailed && input.back.status === 'unsupported') delete input.back;
  return { input, stream };
}

// Records the microphone with echo cancellation, noise suppression and auto gain off. While
// `tone` is set, plays it on the speaker: the same recording then answers the speaker check.
export async function recordMicrophone(audioContext, stream, seconds, tone) {
  const source = audioContext.createMediaStreamSource(stream);
  const processor = audioContext.createScriptProcessor(4096, 1, 1);
  const chunks = [];
  processor.onaudioprocess = (e) => chunks.push(new Float32Array(e.inputBuffer.getChannelData(0)));
  source.connect(processor);
  processor.connect(audioContext.destination);  // silent: the processor writes no output
  let oscillator;
  if (tone) {
    oscillator = audioContext.createOscillator();
    const gain = audioContext.createGain();
    oscillator.frequency.value = tone.frequency_hz;
    gain.gain.value = tone.gain;
    oscillator.connect(gain).connect(audioContext.destination);
    oscillator.start();
  }
  await sleep(seconds * 1000);
  if (oscillator) oscillator.stop();
  processor.disconnect();
  source.disconnect();
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const samples = new Float32Array(total);
  let at = 0;
  for (const c of chunks) { samples.set(c, at); at += c.length; }
  return samples;
}

export async function openMicrophone() {
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia)
    return { input: { status: 'unsupported', message: 'no navigator.mediaDevices (not a secure context?)' } };
  try {
    const stream = await withTimeout(navigator.mediaDevices.getUserMedia({
      video: false,
      audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false, channelCount: 1 },
    }), 20000, 'the microphone');
    const s = stream.getAudioTracks()[0].getSettings();
    return { stream, input: { device_count: await countDevices('audioinput'),
      processing: { echoCancellation: !!s.echoCancellation, noiseSuppression: !!s.noiseSuppression,
                    autoGainControl: !!s.autoGainControl } } };
  } catch (e) {
    return { input: mediaOutcome(e) };
  }
}

// WebCodecs H.264 at the exam's modes: supported, hardware or not, and the time to encode
// real frames (the camera's, drawn from the preview) when the camera is still open.
export async function benchmarkEncoder(video) {
  if (!('VideoEncoder' in window)) return { status: 'unsupported', message: 'no WebCodecs VideoEncoder in this browser' };
  const modes = [[1280, 720, 'avc1.42001f'], [1920, 1080, 'avc1.640028']];
  const results = [];
  for (const [width, height, codec] of modes) {
    const base = { codec, width, height, bitrate: width * height * 3, framerate: 30, avc: { format: 'annexb' } };
    let hardware = false;
    let supported = false;
    try { hardware = (await VideoEncoder.isConfigSupported({ ...base, hardwareAcceleration: 'prefer-hardware' })).supported; } catch { /* no */ }
    try { supported = hardware || (await VideoEncoder.isConfigSupported(base)).supported; } catch { /* no */ }
    if (!supported) { results.push({ width, height, supported: false }); continue; }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    let encoded = 0;
    let fromCamera = 0;
    let failure = null;
    const encoder = new VideoEncoder({ output: () => { encoded++; }, error: (e) => { failure = e; } });
    encoder.configure({ ...base, hardwareAcceleration: hardware ? 'prefer-hardware' : 'no-preference' });
    const count = 30;
    const started = performance.now();
    try {
      for (let i = 0; i < count && !failure; i++) {
        if (video && video.readyState >= 2) {
          context.drawImage(video, 0, 0, width, height);
          fromCamera++;
        }
        context.fillStyle = `hsl(${i * 12},70%,50%)`;
        context.fillRect((i * 37) % width, (i * 23) % height, 64, 64);  // never two equal frames
        const frame = new VideoFrame(canvas, { timestamp: Math.round(i * 1e6 / 30) });
        encoder.encode(frame, { keyFrame: i === 0 });
        frame.close();
      }
      await withTimeout(encoder.flush(), 30000, 'the encoder');
    } catch (e) {
      failure = e;
    }
    const elapsed = (performance.now() - started) / 1000;
    try { encoder.close(); } catch { /* closed by an error */ }
    results.push(failure ? { width, height, supported: false }
                         : { width, height, supported: true, hardware, frames: encoded, seconds: elapsed,
                             camera_frames: fromCamera });
  }
  return { codec: 'avc1 (H.264)', results };
}

export async function readBattery() {
  if (!navigator.getBattery) return { status: 'unsupported', message: 'this browser does not offer navigator.getBattery' };
  try {
    const battery = await withTimeout(navigator.getBattery(), 3000, 'the battery');
    return { level: battery.level, charging: battery.charging };
  } catch (e) {
    return { status: 'error', message: String(e).slice(0, 200) };
  }
}

// iOS Dynamic Type is visible to pages through the -apple-system-body font; other systems
// keep the font scale from pages.
export function readFontSize(isIos) {
  if (!isIos) return { status: 'unsupported', message: 'this system does not show pages its text size' };
  const probe = document.createElement('span');
  probe.style.font = '-apple-system-body';
  probe.textContent = 'x';
  document.body.appendChild(probe);
  const px = parseFloat(getComputedStyle(probe).fontSize);
  probe.remove();
  return Number.isFinite(px) ? { body_px: px } : { status: 'unsupported', message: '-apple-system-body unknown' };
}
