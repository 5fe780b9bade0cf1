// The device layer and the capture session write their sentences beside the code (the CLI
// prints them); the screens read them from renderer/i18n. Both must say the same, in both
// languages, or an officer sees a raw key (or a stale sentence).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deviceMessages } from '../../../native/device-messages';
import { gt521Messages } from '../../../native/drivers/gt521/messages';
import { zfmMessages } from '../../../native/drivers/zfm/messages';
import { esclMessages } from '../../../native/drivers/escl/messages';
import { captureSessionMessages } from '../../../electron/services/capture-session-messages';

type Tree = { [k: string]: string | Tree };
const lookup = (tree: Tree, key: string): string | undefined => {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
};
const load = (lang: string): Tree => JSON.parse(readFileSync(path.resolve('renderer/i18n', `${lang}.json`), 'utf8')) as Tree;

describe.each([
  ['device', deviceMessages],
  ['zfm', zfmMessages],
  ['gt521', gt521Messages],
  ['escl', esclMessages],
  ['capture session', captureSessionMessages],
] as const)('%s messages', (_name, table) => {
  it.each(['id', 'en'] as const)('are in renderer/i18n/%s.json word for word', (lang) => {
    const tree = load(lang);
    const differing = Object.entries(table[lang]).filter(([key, text]) => lookup(tree, key) !== text).map(([key]) => key);
    expect(differing).toEqual([]);
  });
});
