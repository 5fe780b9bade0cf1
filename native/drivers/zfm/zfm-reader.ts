// The ZFM family as a FingerprintReader: GenImg polling and UpImage become `capture`, Img2Tz
// with UpChar becomes `extractTemplate`, DownChar into both char buffers with Match becomes
// `compare`. The module's own 4-bit image is widened to 8 bits here, so nothing above the
// driver sees the packing.
import type {
  CaptureOptions, FingerprintCapabilities, FingerprintImage, FingerprintTemplate, MatchOutcome,
} from '../fingerprint-reader';
import { wrongFormat } from '../fingerprint-reader';
import { unpack4bpp } from '../../imaging/fingerprint-image';
import { ok } from '../../result';
import type { Result } from '../../result';
import { CHAR_FILE_BYTES } from './constants';
import type { ZfmDriver } from './driver';

/** The sensor's resolution (ZFM-20 manual: 500 dpi; the R503 the same). */
export const ZFM_PPI = 500;

export function zfmCapabilities(model: 'zfm' | 'r50x'): FingerprintCapabilities {
  const image = model === 'r50x' ? { width: 192, height: 192 } : { width: 256, height: 288 };
  return { model, templateFormat: 'zfm', templateBytes: CHAR_FILE_BYTES, onDeviceMatching: true, image: { ...image, ppi: ZFM_PPI } };
}

export async function zfmCapture(driver: ZfmDriver, opts: CaptureOptions = {}): Promise<Result<FingerprintImage>> {
  const onCountdown = (c: { remainingMs: number; message: { params: { seconds: number } } }): void =>
    opts.onEvent?.({ kind: 'waiting', remainingMs: c.remainingMs, seconds: c.message.params.seconds });
  const onProgress = (p: { received: number; total: number }): void => opts.onEvent?.({ kind: 'transfer', ...p });
  driver.on('countdown', onCountdown);
  driver.on('progress', onProgress);
  try {
    const img = await driver.captureImage(opts);
    if (!img.ok) return img;
    const { width, height, packed } = img.value;
    return ok({ ...unpack4bpp(packed, width, height), ppi: ZFM_PPI });
  } finally {
    driver.off('countdown', onCountdown);
    driver.off('progress', onProgress);
  }
}

/** Img2Tz into char buffer 1, then UpChar: the module's character file of the last image. */
export async function zfmExtractTemplate(driver: ZfmDriver): Promise<Result<FingerprintTemplate>> {
  const features = await driver.img2Tz(1);
  if (!features.ok) return features;
  const up = await driver.upChar(1);
  if (!up.ok) return up;
  return ok({ format: 'zfm', data: up.value });
}

/** Both character files into the char buffers, then the module's Match. */
export async function zfmCompare(driver: ZfmDriver, a: FingerprintTemplate, b: FingerprintTemplate): Promise<Result<MatchOutcome>> {
  for (const t of [a, b]) if (t.format !== 'zfm') return wrongFormat(driver, t);
  const first = await driver.downChar(1, a.data);
  if (!first.ok) return first;
  const second = await driver.downChar(2, b.data);
  if (!second.ok) return second;
  const m = await driver.match();
  if (!m.ok) return m;
  return ok({ matched: m.value.matched, score: m.value.score });
}
