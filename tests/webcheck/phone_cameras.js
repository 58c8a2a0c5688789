// Gives Chromium's two fake cameras the facing a phone's browser reports: the first faces the
// user, the second the environment. Linux Chromium's fake capture devices say nothing of
// their facing (getSettings() has no facingMode and facingMode constraints are
// unsatisfiable), so without this the page's facingMode path never runs in a test. Only the
// facing is added: the streams, frames, modes and errors stay the browser's own.
//
// A page address ending in #busy=user (or #busy=environment) makes that camera throw what a
// phone throws while another app (WeChat, a call) holds it: NotReadableError.
(() => {
  const busy = new URLSearchParams(location.hash.slice(1)).get('busy') || '';
  const media = navigator.mediaDevices;
  if (!media) return;
  const realGetUserMedia = media.getUserMedia.bind(media);
  const facingOf = new Map();  // deviceId -> 'user' | 'environment'
  async function cameras() {
    const all = (await media.enumerateDevices()).filter((d) => d.kind === 'videoinput');
    all.forEach((d, i) => { if (d.deviceId) facingOf.set(d.deviceId, i === 0 ? 'user' : 'environment'); });
    return all;
  }
  function wanted(facingMode) {
    if (!facingMode) return null;
    if (typeof facingMode === 'string') return { facing: facingMode, exact: false };
    if (facingMode.exact) return { facing: facingMode.exact, exact: true };
    return facingMode.ideal ? { facing: facingMode.ideal, exact: false } : null;
  }
  media.getUserMedia = async (constraints) => {
    const video = constraints && constraints.video;
    if (!video || video === true) return realGetUserMedia(constraints);
    const list = await cameras();
    const { facingMode, ...rest } = video;
    const want = wanted(facingMode);
    let deviceId = video.deviceId && (video.deviceId.exact || video.deviceId);
    if (want && !deviceId) {
      const match = list.find((d) => facingOf.get(d.deviceId) === want.facing);
      if (!match && want.exact)
        throw Object.assign(new Error('no camera faces ' + want.facing), { name: 'OverconstrainedError' });
      deviceId = (match || list[0]).deviceId;
    }
    if (deviceId && busy && facingOf.get(deviceId) === busy)
      throw Object.assign(new Error('Could not start video source'), { name: 'NotReadableError' });
    const stream = await realGetUserMedia({ ...constraints, video: { ...rest, ...(deviceId ? { deviceId: { exact: deviceId } } : {}) } });
    for (const track of stream.getVideoTracks()) {
      const settings = track.getSettings.bind(track);
      track.getSettings = () => {
        const s = settings();
        return facingOf.has(s.deviceId) ? { ...s, facingMode: facingOf.get(s.deviceId) } : s;
      };
    }
    return stream;
  };
})();
