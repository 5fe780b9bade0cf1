// The layering rule refuses what ARCHITECTURE.md forbids, in every form an import can take,
// and lets through what each folder's allow-list names.
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function layeringErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'loket/layering').map((m) => m.message);
}

describe('layering allow-list', () => {
  it('keeps domain/ pure: no Node, no station, no device layer, in any import form', async () => {
    expect(await layeringErrors('domain/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).toHaveLength(1);
    expect(await layeringErrors('domain/x.ts', "import fs from 'fs';\nexport const a = fs;\n")).toHaveLength(1);
    expect(await layeringErrors('domain/x.ts', "export const m = () => import('../electron/station');\n")).toHaveLength(1);
    expect(await layeringErrors('domain/x.ts', "export { openPort } from '../native/transport/serial';\n")).toHaveLength(1);
    expect(await layeringErrors('domain/x.ts', "import { z } from 'zod';\nimport { checkNik } from './nik';\nexport const a = [z, checkNik];\n")).toEqual([]);
  });

  it('lets the renderer import types from electron/ but nothing at run time', async () => {
    expect(await layeringErrors('renderer/x.ts', "import type { Role } from '../electron/contract';\nexport type R = Role;\n")).toEqual([]);
    expect(await layeringErrors('renderer/x.ts', "import { methods } from '../electron/contract';\nexport const m = methods;\n")).toHaveLength(1);
    expect(await layeringErrors('renderer/x.ts', "export const s = () => import('../electron/station');\n")).toHaveLength(1);
    expect(await layeringErrors('renderer/x.ts', "import { SerialPort } from 'serialport';\nexport const s = SerialPort;\n")).toHaveLength(1);
    expect(await layeringErrors('renderer/x.ts', "import { STATUSES } from '../domain/catalog';\nexport const s = STATUSES;\n")).toEqual([]);
  });

  it('keeps SQLite in the store, electron in the shell, devices in native/', async () => {
    expect(await layeringErrors('electron/services/x.ts', "import Database from 'better-sqlite3';\nexport const d = Database;\n")).toHaveLength(1);
    expect(await layeringErrors('electron/store/x.ts', "import Database from 'better-sqlite3';\nexport const d = Database;\n")).toEqual([]);
    expect(await layeringErrors('electron/services/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await layeringErrors('electron/main.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([]);
    expect(await layeringErrors('native/x.ts', "import { Store } from '../electron/store/store';\nexport const s = Store;\n")).toHaveLength(1);
    expect(await layeringErrors('native/x.ts', "const hid = require('node-hid');\nexport default hid;\n")).toEqual([]);
    expect(await layeringErrors('electron/store/x.ts', "import { QueueService } from '../services/queue';\nexport const q = QueueService;\n")).toHaveLength(1);
  });
});
