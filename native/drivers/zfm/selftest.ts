// The technician's self-test of a ZFM module: facts a person can read, each check with
// its own outcome, stopping early only when the module does not identify at all.
import { describeError } from '../../result';
import type { SelfTestCheck } from '../fingerprint-reader';
import type { ZfmDriver } from './driver';

export type { SelfTestCheck };

export async function zfmSelfTest(driver: ZfmDriver): Promise<SelfTestCheck[]> {
  const checks: SelfTestCheck[] = [];
  const id = await driver.identify();
  checks.push({ name: 'identify', ok: id.ok, detail: id.ok ? `packet ${id.value.sysParams.packetBytes} B, ${id.value.sysParams.baudRate} baud, library ${id.value.sysParams.librarySize}` : describeError(id.error) });
  if (!id.ok) return checks;
  const g = await driver.genImg();
  checks.push({ name: 'sensor', ok: g.ok, detail: g.ok ? (g.value ? 'finger on sensor' : 'sensor answers, no finger') : describeError(g.error) });
  const t = await driver.templateNum();
  checks.push({ name: 'library', ok: t.ok, detail: t.ok ? `${t.value} templates stored` : describeError(t.error) });
  checks.push({ name: 'led ring', ok: true, detail: id.value.hasLedRing ? 'present' : 'none' });
  return checks;
}
