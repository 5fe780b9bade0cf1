// The Electron shell: one station for the process, one station session per window, and the
// IPC bridge between them. It forwards only what the contract carries (a method name with
// its input, events out); the station validates and authorises every call itself.
import { app, dialog, ipcMain, safeStorage, session } from 'electron';
import type { BrowserWindow } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IPC_EVENT, IPC_INVOKE } from './bridge-types';
import type { Result } from './contract';
import { sealedKeyProvider } from './key-providers';
import type { SecretCipher } from './key-providers';
import { createStation } from './station';
import { debugSwitchesGiven, devToolsAllowed } from './shell-policy';
import { electronSystemPrinter } from './print-shell';
import type { Station, StationSession } from './station-types';
import {
  createMainWindow, hardenAllWebContents, hardenSession, installAppProtocol, isTrustedSender, registerAppScheme,
} from './window';

// This file is bundled to dist/main.mjs; its neighbours are the renderer and the preload.
const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, 'renderer');
const preloadPath = path.join(here, 'preload.cjs');
// Built by scripts/rebuild-electron-sqlite.mjs for development: node_modules keeps the
// Node-ABI build the tests need. A packaged app has its node_modules rebuilt for Electron.
const devSqliteBinding = path.join(here, '..', 'native-electron', 'better_sqlite3.node');

interface Args { dataDir?: string; demo: boolean; noSimulators: boolean }

/** Reads our own switches; Chromium's and Electron's own ones are left alone. */
function parseArgs(argv: readonly string[]): Args {
  const args: Args = { demo: false, noSimulators: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--demo') args.demo = true;
    else if (a === '--no-simulators') args.noSimulators = true;
    else if (a === '--data-dir' && argv[i + 1] !== undefined) args.dataDir = path.resolve(argv[++i] as string);
    else if (a?.startsWith('--data-dir=')) args.dataDir = path.resolve(a.slice('--data-dir='.length));
  }
  return args;
}

const args = parseArgs(process.argv.slice(1));

// Same place in development (`electron .`, named after package.json) and packaged
// (productName): both become <appData>/Loket. Must precede the single-instance lock, which
// is keyed on this directory.
app.setPath('userData', path.join(app.getPath('appData'), 'Loket'));

// Synchronous, before 'ready' (ESM entry code still runs before ready; only awaited or
// dynamically imported code might not).
registerAppScheme();
hardenAllWebContents();

interface WindowEntry { win: BrowserWindow; session: StationSession; unsubscribe: () => void }
/** Keyed by webContents id: the IPC handler finds the caller's window and session. */
const windows = new Map<number, WindowEntry>();
let station: Station | null = null;

function openWindow(st: Station): void {
  const win = createMainWindow({ preloadPath, devTools: devToolsAllowed(app.isPackaged) });
  const contents = win.webContents;
  const id = contents.id;
  const stationSession = st.openSession();
  const unsubscribe = stationSession.onEvent((event, payload) => {
    // Only the main frame: subframes never get the preload, so never get station events.
    if (!contents.isDestroyed()) contents.mainFrame.send(IPC_EVENT, event, payload);
  });
  windows.set(id, { win, session: stationSession, unsubscribe });
  win.on('closed', () => {
    windows.delete(id);
    unsubscribe();
    stationSession.close();
  });
}

const refused = (code: 'forbidden' | 'unknown_method' | 'internal'): Result<unknown> => ({ ok: false, error: { code } });

function installIpc(): void {
  ipcMain.handle(IPC_INVOKE, async (event, method: unknown, input: unknown, requestId: unknown): Promise<Result<unknown>> => {
    const entry = windows.get(event.sender.id);
    // A frame that is not our page in our window's main frame gets nothing, not even an
    // "unknown method" hint.
    if (!entry || !isTrustedSender(event, entry.win)) return refused('forbidden');
    if (typeof method !== 'string') return refused('unknown_method');
    try {
      return await entry.session.call(method, input, typeof requestId === 'string' ? requestId : undefined);
    } catch (err) {
      // The station returns errors as values; a throw is a bug and must not leak a stack.
      console.error(`loket: ${method} threw`, err);
      return refused('internal');
    }
  });
}

function keyCipher(): SecretCipher {
  return {
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
    encryptString: (text) => safeStorage.encryptString(text),
    decryptString: (sealed) => safeStorage.decryptString(sealed),
    ...(process.platform === 'linux' ? { backend: () => safeStorage.getSelectedStorageBackend() } : {}),
  };
}

function startupFailure(err: unknown): void {
  let message = err instanceof Error ? err.message : String(err);
  if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(message)) {
    message += '\n\nbetter-sqlite3 is built for Node, not Electron. Run: node scripts/rebuild-electron-sqlite.mjs';
  }
  console.error(`loket: cannot start: ${message}`);
  dialog.showErrorBox('Loket cannot start', message);
  app.exit(1);
}

async function start(): Promise<void> {
  await app.whenReady();
  installAppProtocol(rendererDir);
  hardenSession(session.defaultSession);
  installIpc();
  const opened = await createStation({
    dataDir: args.dataDir ?? app.getPath('userData'),
    keyProvider: sealedKeyProvider(keyCipher(), (line) => console.warn(line)),
    demo: args.demo,
    // Until the technician configures devices, simulators stand in (marked as such).
    simulators: !args.noSimulators,
    // Printers configured by their system name print through the OS spooler.
    systemPrinter: electronSystemPrinter,
    ...(!app.isPackaged && fs.existsSync(devSqliteBinding) ? { sqliteNativeBinding: devSqliteBinding } : {}),
  });
  station = opened;
  openWindow(opened);
}

function installLifecycle(): void {
  app.on('second-instance', () => {
    // One workstation, one window: a second launch brings the first one forward.
    const first = [...windows.values()][0]?.win;
    if (!first) return;
    if (first.isMinimized()) first.restore();
    first.show();
    first.focus();
  });
  // A counter app, not a document app: closing the window ends it on every platform.
  app.on('window-all-closed', () => app.quit());

  app.on('will-quit', (event) => {
    if (!station) return;
    // Hold the quit until the store is closed cleanly (WAL checkpoint, devices released).
    event.preventDefault();
    const closing = station;
    station = null;
    closing.close()
      .catch((err: unknown) => console.error('loket: closing the station failed', err))
      .finally(() => app.quit());
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
}

const debugSwitches = debugSwitchesGiven(app.isPackaged, (name) => app.commandLine.hasSwitch(name));
if (debugSwitches.length > 0) {
  // A packaged station holding passport data does not run with a debugger port open.
  console.error(`loket: refusing to start with debugging switches: ${debugSwitches.map((s) => `--${s}`).join(' ')}`);
  app.exit(1);
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  installLifecycle();
  start().catch(startupFailure);
}
