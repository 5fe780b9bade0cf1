// The Content-Security-Policy of the renderer, the same in both hosts: our own scripts
// only, no inline script, no eval, no plugins, no framing; connections to our own origin
// (the browser host's WebSocket is same-origin).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self' ws://127.0.0.1:*",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
