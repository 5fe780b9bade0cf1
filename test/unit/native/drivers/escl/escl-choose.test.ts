// The scan-settings chooser against capability documents written from the Mopria eSCL
// element names (test/fixtures/escl/README.md): the station picks what the scanner offers.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCapabilities } from '../../../../../native/drivers/escl/escl-xml';
import type { EsclCapabilities } from '../../../../../native/drivers/escl/escl-xml';
import { chooseResolution, chooseScanSettings, offeredResolutions } from '../../../../../native/drivers/escl/escl-choose';
import { DOCUMENT_MIN_DPI } from '../../../../../domain/document-scan';

const caps = (name: string): EsclCapabilities => {
  const c = parseCapabilities(readFileSync(path.resolve('test/fixtures/escl', name), 'utf8'));
  if (!c) throw new Error(`${name} does not parse`);
  return c;
};

describe('parsing the capability fixtures', () => {
  it('reads each source with its own resolutions, colour modes and size', () => {
    const c = caps('office-150-300.xml');
    expect(c.platen).toMatchObject({ resolutions: [150, 300], colorModes: ['RGB24', 'Grayscale8'], maxWidth: 2550, maxHeight: 3507 });
    expect(c.feeder).toMatchObject({ resolutions: [300], formats: ['image/jpeg'], maxHeight: 4200 });
  });

  it('reads a resolution range (any step from Min to Max) under another namespace prefix', () => {
    const c = caps('range-grey.xml');
    expect(c.platen?.resolutionRange).toEqual({ min: 100, max: 600, step: 50 });
    expect(offeredResolutions(c.platen!)).toEqual([100, 150, 200, 250, 300, 350, 400, 450, 500, 550, 600]);
    expect(c.feeder).toBeUndefined();
  });
});

describe('chooseResolution', () => {
  it('takes the lowest offered at or above the need, else the highest offered', () => {
    expect(chooseResolution([150, 300], 200)).toBe(300);
    expect(chooseResolution([150, 300], 150)).toBe(150);
    expect(chooseResolution([150, 300], 600)).toBe(300);
    expect(chooseResolution([], 200)).toBeUndefined();
  });
});

describe('chooseScanSettings', () => {
  it('office unit: a family card (200 dpi needed) is scanned at 300 on either source, never at a refused 200', () => {
    const c = caps('office-150-300.xml');
    const platen = chooseScanSettings(c, { source: 'Platen', minResolution: DOCUMENT_MIN_DPI.kk, color: 'color' });
    expect(platen).toMatchObject({ ok: true, settings: { source: 'Platen', resolution: 300, colorMode: 'RGB24', format: 'image/jpeg', region: { x: 0, y: 0, width: 2550, height: 3507 } } });
    const feeder = chooseScanSettings(c, { source: 'Feeder', minResolution: 200, color: 'grayscale' });
    expect(feeder).toMatchObject({ ok: true, settings: { source: 'Feeder', resolution: 300, colorMode: 'Grayscale8', region: { width: 2550, height: 4200 } } });
  });

  it('office unit: a 150 dpi wish on the flatbed stays at 150', () => {
    const r = chooseScanSettings(caps('office-150-300.xml'), { source: 'Platen', minResolution: 150, color: 'color' });
    expect(r.ok && r.settings.resolution).toBe(150);
  });

  it('range scanner: rounds the need up to the next step; a colour wish falls back to grey; JPEG is preferred even listed after PNG', () => {
    const r = chooseScanSettings(caps('range-grey.xml'), { source: 'Platen', minResolution: 220, color: 'color' });
    expect(r).toMatchObject({ ok: true, settings: { resolution: 250, colorMode: 'Grayscale8', format: 'image/jpeg' }, fallback: { colorMode: true, resolution: false, source: false } });
  });

  it('range scanner: the feeder is asked for but there is none, so the glass is used', () => {
    const r = chooseScanSettings(caps('range-grey.xml'), { source: 'Feeder', minResolution: 300, color: 'grayscale' });
    expect(r).toMatchObject({ ok: true, settings: { source: 'Platen', resolution: 300 }, fallback: { source: true } });
  });

  it('sheet-fed scanner: a KTP (300 dpi) on the glass goes through the feeder at 400, as JPEG not PDF', () => {
    const r = chooseScanSettings(caps('sheetfed-pdf-jpeg.xml'), { source: 'Platen', minResolution: DOCUMENT_MIN_DPI.ktp, color: 'color' });
    expect(r).toMatchObject({ ok: true, settings: { source: 'Feeder', resolution: 400, format: 'image/jpeg', colorMode: 'RGB24' } });
  });

  it('a need above everything offered takes the highest offered and says so', () => {
    const r = chooseScanSettings(caps('office-150-300.xml'), { source: 'Feeder', minResolution: 600, color: 'color' });
    expect(r).toMatchObject({ ok: true, settings: { resolution: 300 }, fallback: { resolution: true } });
  });

  it('a scanner offering only PDF has no format the station can use', () => {
    expect(chooseScanSettings(caps('pdf-only.xml'), { source: 'Platen', minResolution: 200, color: 'color' })).toEqual({ ok: false, reason: 'no_format' });
  });

  it('a scanner with neither source has nothing to offer', () => {
    expect(chooseScanSettings({ duplex: false }, { source: 'Platen', minResolution: 200, color: 'color' })).toEqual({ ok: false, reason: 'no_source' });
  });
});
