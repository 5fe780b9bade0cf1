// Chromium's switches for every e2e test (playwright.config.ts); a spec that needs one more
// (a camera file) starts from these.
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // The photo step's camera: Chromium's synthetic test picture, permission granted.
  '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
];
export const CHROMIUM = '/usr/bin/chromium';
