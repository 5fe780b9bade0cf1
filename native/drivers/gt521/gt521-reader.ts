// The GT-521Fxx as a FingerprintReader. capture = CmosLed on, IsPressFinger polled with a
// countdown, CaptureFinger (best quality), GetImage with progress, CmosLed off — all in one
// exchange. extractTemplate = MakeTemplate (498 bytes, the module's own format). compare =
// the module has no "match these two templates": one template is put into a borrowed slot
// (SetTemplate, duplicate check off), the other verified against it (VerifyTemplate), and
// the slot emptied again (DeleteID).
import type {
  CaptureOptions, FingerprintCapabilities, FingerprintImage, FingerprintTemplate, MatchOutcome,
} from '../fingerprint-reader';
import { wrongFormat } from '../fingerprint-reader';
import { DEVICE_KEYS, fail, ok } from '../../result';
import type { Result } from '../../result';
import { sleep } from '../../transport/exchange';
import { GT521_PPI, IMAGE, TEMPLATE_BYTES } from './constants';
import type { Gt521Model } from './constants';
import type { Gt521Driver } from './driver';

export function gt521Capabilities(model: Gt521Model): FingerprintCapabilities {
  return { model: `gt521${model}`, templateFormat: 'gt521', templateBytes: TEMPLATE_BYTES, onDeviceMatching: true, image: { ...IMAGE, ppi: GT521_PPI } };
}

export function gt521Capture(driver: Gt521Driver, opts: CaptureOptions = {}): Promise<Result<FingerprintImage>> {
  return driver.exclusive(async () => {
    const led = await driver.doLed(true);
    if (!led.ok) return led;
    let linkLost = false;
    try {
      const waited = await waitForFinger(driver, opts);
      if (!waited.ok) {
        linkLost = waited.error.code === 'timeout' || waited.error.code === 'disconnected';
        return waited;
      }
      const captured = await driver.doCaptureFinger(true);
      if (!captured.ok) {
        linkLost = captured.error.code === 'timeout' || captured.error.code === 'disconnected';
        if (captured.error.code === 'rejected') driver.emitNotice(captured.error.key, captured.error.params);
        return captured;
      }
      const image = await driver.doGetImage({
        ...(opts.signal ? { signal: opts.signal } : {}),
        onProgress: (received, total) => opts.onEvent?.({ kind: 'transfer', received, total }),
      });
      if (!image.ok) linkLost = image.error.code !== 'rejected';
      return image;
    } finally {
      // A silent or vanished module would only add another timeout.
      if (!linkLost) await driver.doLed(false);
    }
  });
}

async function waitForFinger(driver: Gt521Driver, opts: CaptureOptions): Promise<Result<void>> {
  const totalMs = opts.timeoutMs ?? 10_000;
  const pollMs = opts.pollMs ?? 100;
  const started = Date.now();
  let lastSecond = -1;
  for (;;) {
    if (opts.signal?.aborted) return fail('cancelled', DEVICE_KEYS.cancelled);
    const remainingMs = Math.max(0, totalMs - (Date.now() - started));
    const seconds = Math.ceil(remainingMs / 1000);
    if (seconds !== lastSecond) {
      lastSecond = seconds;
      opts.onEvent?.({ kind: 'waiting', remainingMs, seconds });
      driver.emitNotice('device.gt521.place_finger', { seconds });
    }
    const pressed = await driver.doIsPressFinger();
    if (!pressed.ok) return pressed;
    if (pressed.value) return ok(undefined);
    if (Date.now() - started >= totalMs) {
      const params = { seconds: Math.round(totalMs / 1000) };
      driver.emitNotice('device.gt521.no_finger', params);
      return fail('rejected', 'device.gt521.no_finger', params, `no finger within ${totalMs} ms`);
    }
    if (!(await sleep(pollMs, opts.signal))) return fail('cancelled', DEVICE_KEYS.cancelled);
  }
}

/** MakeTemplate from the image CaptureFinger left in the module. */
export async function gt521ExtractTemplate(driver: Gt521Driver): Promise<Result<FingerprintTemplate>> {
  const t = await driver.makeTemplate();
  return t.ok ? ok({ format: 'gt521', data: t.value }) : t;
}

export function gt521Compare(driver: Gt521Driver, a: FingerprintTemplate, b: FingerprintTemplate): Promise<Result<MatchOutcome>> {
  for (const t of [a, b]) if (t.format !== 'gt521') return Promise.resolve(wrongFormat(driver, t));
  return driver.exclusive(async () => {
    const slot = driver.scratchSlot;
    const put = await driver.doSetTemplate(slot, a.data, false);
    if (!put.ok) return put;
    const verdict = await driver.doVerifyTemplate(slot, b.data);
    // The borrowed slot is emptied whatever the verdict, unless the link is gone.
    if (verdict.ok || verdict.error.code === 'rejected') {
      const emptied = await driver.doDeleteId(slot);
      if (!emptied.ok && verdict.ok) return emptied;
    }
    return verdict;
  });
}
