// Chooses a scan's settings from what the scanner says it can do (ScannerCapabilities),
// so a scan is never refused for a setting the station could have picked itself:
// - the input source asked for, else the other one the scanner has;
// - the lowest resolution at or above what the document needs, else the highest it has;
// - the colour mode asked for, else the nearest one it lists (colour → grey → black & white);
// - JPEG, else PNG (both become thumbnails); the source's whole area.
// Pure: the caps come from escl-xml's parser, the result goes to EsclClient.scan.
import type { EsclCapabilities, EsclColorMode, EsclFormat, EsclScanSettings, EsclSource, EsclSourceCaps } from './escl-xml';

export interface ScanWish {
  source: EsclSource;
  /** The document's needs, in dots per inch: the chosen resolution is at least this when the scanner can. */
  minResolution: number;
  color: 'color' | 'grayscale';
}

export type ScanChoice =
  | { ok: true; settings: EsclScanSettings; fallback: { source: boolean; resolution: boolean; colorMode: boolean } }
  | { ok: false; reason: 'no_source' | 'no_resolution' | 'no_color_mode' | 'no_format' };

const COLOR_ORDER: Record<ScanWish['color'], EsclColorMode[]> = {
  color: ['RGB24', 'Grayscale8', 'BlackAndWhite1'],
  grayscale: ['Grayscale8', 'RGB24', 'BlackAndWhite1'],
};
const FORMAT_ORDER: EsclFormat[] = ['image/jpeg', 'image/png'];

export function sourceCaps(caps: EsclCapabilities, source: EsclSource): EsclSourceCaps | undefined {
  return source === 'Feeder' ? caps.feeder : caps.platen;
}

/** Every resolution a source offers: its list, plus the range's steps (capped, for a range of 1 dpi steps). */
export function offeredResolutions(src: EsclSourceCaps): number[] {
  const all = new Set(src.resolutions);
  const r = src.resolutionRange;
  if (r) for (let v = r.min, n = 0; v <= r.max && n < 2400; v += r.step, n++) all.add(v);
  return [...all].sort((a, b) => a - b);
}

/** The lowest offered resolution at or above `need`, else the highest offered. */
export function chooseResolution(offered: readonly number[], need: number): number | undefined {
  return offered.find((r) => r >= need) ?? offered.at(-1);
}

export function chooseScanSettings(caps: EsclCapabilities, wish: ScanWish): ScanChoice {
  const other: EsclSource = wish.source === 'Feeder' ? 'Platen' : 'Feeder';
  const source = sourceCaps(caps, wish.source) ? wish.source : sourceCaps(caps, other) ? other : undefined;
  if (!source) return { ok: false, reason: 'no_source' };
  const src = sourceCaps(caps, source)!;

  const resolution = chooseResolution(offeredResolutions(src), wish.minResolution);
  if (resolution === undefined) return { ok: false, reason: 'no_resolution' };
  // A scanner that lists no colour modes at all is asked for the wish as it is.
  const colorMode = src.colorModes.length === 0 ? COLOR_ORDER[wish.color][0]! : COLOR_ORDER[wish.color].find((m) => src.colorModes.includes(m));
  if (!colorMode) return { ok: false, reason: 'no_color_mode' };
  const format = src.formats.length === 0 ? 'image/jpeg' : FORMAT_ORDER.find((f) => src.formats.includes(f));
  if (!format) return { ok: false, reason: 'no_format' };

  return {
    ok: true,
    settings: { source, resolution, colorMode, format, region: { x: 0, y: 0, width: src.maxWidth, height: src.maxHeight } },
    fallback: { source: source !== wish.source, resolution: resolution < wish.minResolution, colorMode: colorMode !== COLOR_ORDER[wish.color][0] },
  };
}
