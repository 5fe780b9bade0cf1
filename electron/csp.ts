// The Content-Security-Policy of the renderer, the same in both hosts: our own scripts
// only, no inline script, no eval, no plugins, no framing; connections to our own origin
// only. The Electron window talks to the station over IPC and needs no WebSocket at all; the
// browser host's WebSocket is same-origin, which 'self' covers (CSP Level 3 matches ws: to
// an http: origin's own host and port), so no ws: source is listed for either.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
