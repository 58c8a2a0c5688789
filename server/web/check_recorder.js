// `/check?record`: keeps what the page hands the WebAssembly core (each check's input, the
// frames and samples before it) as a replay session in webcheck_replay's format, so that a
// run in a real browser becomes a fixture (tests/fixtures/webcheck/) on which the native and
// the WebAssembly builds must agree. Frames are RGBA bytes and samples float32 little-endian,
// both base64; only the first frames of each camera and the first samples are kept, which
// bounds the file (the replay then analyses that part). Read by a test as
// window.examreadyRecording once the check is done.

const MAX_FRAMES_PER_CAMERA = 2;
const MAX_SAMPLES = 12000;  // 0.25 s at 48 kHz

function base64(bytes) {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

// Wraps `session` (a core WebSession) with the same methods, recording as they are called.
export function recordingSession(session, start) {
  const recording = { start: { ...start }, steps: [] };
  delete recording.start.installation_secret;  // a secret of this browser, no input to replay
  let frames = [];
  let samples;
  const framesPerCamera = {};
  window.examreadyRecording = recording;
  return {
    addRgbaFrame(data, width, height, camera) {
      session.addRgbaFrame(data, width, height, camera);
      framesPerCamera[camera] = (framesPerCamera[camera] || 0) + 1;
      if (framesPerCamera[camera] <= MAX_FRAMES_PER_CAMERA)
        frames.push({ width, height, camera, rgba_base64: base64(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)) });
    },
    setSamples(all) {
      session.setSamples(all);
      const kept = Float32Array.from(all.slice(0, MAX_SAMPLES));
      samples = base64(new Uint8Array(kept.buffer));
    },
    run(check, input) {
      const step = { check, input: JSON.parse(input) };
      if (frames.length) step.frames = frames;
      if (samples !== undefined) step.samples_base64 = samples;
      recording.steps.push(step);
      frames = [];
      samples = undefined;
      return session.run(check, input);
    },
    report() {
      const report = session.report();
      const parsed = JSON.parse(report);
      // The replay makes the same report: the same id and time, judged at that time.
      if (parsed.report_id) {
        recording.start.report_id = parsed.report_id;
        recording.start.created_at = parsed.created_at;
        recording.now = parsed.created_at;
      }
      return report;
    },
    evaluate: (rules, now) => session.evaluate(rules, now),
  };
}
