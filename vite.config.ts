import { defineConfig } from 'vite';

// The renderer is built once into dist/renderer and served by either host (Electron loads
// it from file; the browser host serves it on 127.0.0.1). No dev server is needed to run it.
export default defineConfig({
  root: 'renderer',
  base: './',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    // index.html: the screens; print.html: the Electron shell's hidden print window;
    // display.html: the waiting-room display (browser host, its own read-only token).
    rollupOptions: { input: { index: 'renderer/index.html', print: 'renderer/print.html', display: 'renderer/display.html' } },
  },
  // JSX through the bundler's built-in transform: no plugin needed (and no fast refresh).
  oxc: { jsx: { runtime: 'automatic' } },
});
