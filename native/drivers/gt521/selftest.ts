// The technician's self-test of a GT-521Fxx: facts a person can read, each check with its
// own outcome, stopping early only when the module does not identify at all.
import { describeError } from '../../result';
import type { SelfTestCheck } from '../fingerprint-reader';
import type { Gt521Driver } from './driver';

export async function gt521SelfTest(driver: Gt521Driver): Promise<SelfTestCheck[]> {
  const checks: SelfTestCheck[] = [];
  const id = await driver.identify();
  checks.push({
    name: 'identify',
    ok: id.ok,
    detail: id.ok ? `GT-521${id.value.model.toUpperCase()}, firmware ${id.value.info.firmwareVersion.toString(16)}, serial ${id.value.info.serialNumber}, ${id.value.baudRate} baud` : describeError(id.error),
  });
  if (!id.ok) return checks;
  const pressed = await driver.isPressFinger();
  checks.push({ name: 'sensor', ok: pressed.ok, detail: pressed.ok ? (pressed.value ? 'finger on sensor' : 'sensor answers, no finger') : describeError(pressed.error) });
  const count = await driver.enrollCount();
  checks.push({ name: 'library', ok: count.ok, detail: count.ok ? `${count.value} of ${id.value.capacity} slots used` : describeError(count.error) });
  // The 1:1 comparison borrows the last slot: a template the technician stored there would be lost.
  const scratch = await driver.checkEnrolled(driver.scratchSlot);
  checks.push({
    name: 'scratch slot',
    ok: scratch.ok && !scratch.value,
    detail: scratch.ok ? (scratch.value ? `slot ${driver.scratchSlot} holds a template: delete it (DeleteID) before use` : `slot ${driver.scratchSlot} free`) : describeError(scratch.error),
  });
  return checks;
}
