// Lint, and the layering of ../shared/ARCHITECTURE.md as an allow-list per folder: each zone
// below names the layers of ours and the packages it may import (eslint/layering.js checks
// `import`, `export … from`, `import()` and `require()`). The most specific folder wins.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { layeringPlugin } from './eslint/layering.js';

const root = path.dirname(fileURLToPath(import.meta.url));

const NODE = 'node:*';
const ZONES = [
  {
    name: 'domain/',
    folders: ['domain'],
    layers: ['domain'],
    packages: ['zod', 'mrz'],
    why: 'Pure rules: no Node, no DOM, no I/O, so every process can run them.',
  },
  {
    name: 'native/',
    folders: ['native'],
    layers: ['native', 'domain'],
    packages: [NODE, 'serialport', '@serialport/*', 'node-hid', 'pngjs', 'jpeg-js', 'fast-xml-parser', 'qrcode', 'multicast-dns', 'dns-packet', 'selfsigned'],
    why: 'The device layer: plain Node, nothing of the station, no SQLite, no Electron.',
  },
  {
    name: 'electron/ (station core)',
    folders: ['electron'],
    layers: ['electron', 'domain', 'native', 'resources', 'package.json'],
    packages: [NODE, 'zod', 'ws', 'papaparse', 'image-size', 'pdfkit', 'fontkit', 'jpeg-js', 'pngjs', 'libphonenumber-js', 'canonicalize', 'age-encryption'],
    why: 'The station runs in plain Node: SQLite only in electron/store, electron only in the shell files.',
  },
  {
    name: 'electron/store/',
    folders: ['electron/store'],
    layers: ['electron/store', 'electron/contract-types', 'electron/contract', 'domain'],
    packages: [NODE, 'better-sqlite3'],
    why: 'The store knows SQLite and the shapes it returns, not the services above it.',
  },
  {
    name: 'Electron shell',
    folders: ['electron/main.ts', 'electron/preload.ts', 'electron/window.ts', 'electron/print-shell.ts'],
    // The print shell implements the device layer's DataPagePrinter interface.
    layers: ['electron', 'domain', 'native/result', 'native/printer', 'package.json'],
    packages: [NODE, 'electron'],
    why: 'Only the shell files import electron; they never touch SQLite or devices directly.',
  },
  {
    name: 'renderer/',
    folders: ['renderer'],
    layers: ['renderer', 'domain'],
    typeLayers: ['electron'],
    packages: ['react', 'react-dom', 'i18next', 'react-i18next', 'react-hook-form', '@hookform/*', '@tanstack/*', 'zod', 'pdfjs-dist', 'chart.js', 'react-chartjs-2'],
    why: 'The renderer is sandboxed: no Node, no devices; only types from electron/, rules from domain/.',
  },
  {
    name: 'office/',
    folders: ['office'],
    layers: ['office', 'domain', 'package.json'],
    packages: [NODE, 'zod', 'ws', 'pg', 'selfsigned', 'age-encryption'],
    why: 'The office service sits in front of PostgreSQL and shares only the pure rules with stations.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'native-electron/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['domain/**/*.ts', 'native/**/*.ts', 'electron/**/*.ts', 'renderer/**/*.{ts,tsx}', 'office/**/*.ts'],
    plugins: { loket: layeringPlugin },
    rules: { 'loket/layering': ['error', { root, zones: ZONES }] },
  },
);
