// Debian's zbarimg (zbar-tools) as an independent barcode reader: it knows nothing of
// ESC/POS or of our simulator, so a code it reads off a PNG was really printed.
import { spawnSync } from 'node:child_process';

export function zbarimgAvailable(): boolean {
  try {
    return spawnSync('zbarimg', ['--version'], { stdio: 'ignore' }).status === 0;
  } catch {
    return false;
  }
}

/** Every symbol zbarimg finds in the image, as "TYPE:data" (e.g. "QR-Code:LKT7Q2M9XA"). */
export function zbarimg(file: string): string[] {
  const typed = spawnSync('zbarimg', ['-q', '-Sdisable', '-Sqrcode.enable', '-Scode128.enable', file], { encoding: 'utf8' });
  if (typed.status !== 0 && typed.status !== 4) throw new Error(`zbarimg failed (${typed.status}): ${typed.stderr}`);
  return typed.stdout.split('\n').filter(Boolean).sort();
}
