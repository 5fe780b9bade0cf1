// Lint, and the layering of ../shared/ARCHITECTURE.md enforced as import rules:
// which folder may import which native module or which other layer.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const SHELL_FILES = ['electron/main.ts', 'electron/preload.ts', 'electron/window.ts', 'electron/print-shell.ts'];

const restrict = (paths, patterns = []) => ({
  'no-restricted-imports': ['error', { paths, patterns }],
});
const electronOnlyInShell = { name: 'electron', message: 'Only the Electron shell files (main.ts, preload.ts, window.ts, print-shell.ts) import electron.' };
const sqliteOnlyInStore = { name: 'better-sqlite3', message: 'Only electron/store imports better-sqlite3.' };
const serialOnlyInNative = { name: 'serialport', message: 'Only native/ imports serialport.' };
const hidOnlyInNative = { name: 'node-hid', message: 'Only native/ imports node-hid.' };

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // Station core (everything under electron/ except the shell and the store).
  {
    files: ['electron/**/*.ts'],
    ignores: [...SHELL_FILES, 'electron/store/**'],
    rules: restrict([electronOnlyInShell, sqliteOnlyInStore, serialOnlyInNative, hidOnlyInNative]),
  },
  // The store may use SQLite but not Electron or devices.
  {
    files: ['electron/store/**/*.ts'],
    rules: restrict([electronOnlyInShell, serialOnlyInNative, hidOnlyInNative]),
  },
  // The shell may import electron, never SQLite or devices directly.
  {
    files: SHELL_FILES,
    rules: restrict([sqliteOnlyInStore, serialOnlyInNative, hidOnlyInNative]),
  },
  // The device layer: plain Node, no Electron, no SQLite, and nothing of the station.
  {
    files: ['native/**/*.ts'],
    rules: restrict([electronOnlyInShell, sqliteOnlyInStore], [
      { group: ['**/electron/store/**', '**/electron/services/**'], message: 'native/ does not reach into the station.' },
    ]),
  },
  // Pure rules shared by every layer: no I/O, no Node, nothing of the other layers.
  {
    files: ['domain/**/*.ts'],
    rules: restrict([electronOnlyInShell, sqliteOnlyInStore, serialOnlyInNative, hidOnlyInNative], [
      { group: ['node:*', '**/electron/**', '**/native/**', '**/renderer/**'], message: 'domain/ holds pure rules: no Node modules, no other layer.' },
    ]),
  },
  // The renderer: no Node-side modules, and only *types* from electron/.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronOnlyInShell, sqliteOnlyInStore, serialOnlyInNative, hidOnlyInNative],
        patterns: [
          { group: ['**/native/**'], message: 'The renderer never imports the device layer.' },
          { group: ['node:*'], message: 'The renderer is sandboxed: no Node modules.' },
        ],
      }],
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ group: ['**/electron/**'], allowTypeImports: true, message: 'The renderer imports only types from electron/.' }],
      }],
    },
  },
);
