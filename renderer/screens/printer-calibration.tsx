// A passport printer's calibration, for the technician: the calibration page (or the sample
// data page) as this printer gets it, previewed with pdf.js at fitted size or 1:1, the
// printer's offsets in millimetres tried live on the preview, saved, and the page printed
// on the printer. Print it, measure the crosshair and the rulers on the book, correct, print
// again.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceView, PrinterPrintResult } from '../../electron/contract-types';
import { Alert } from '../components/alert';
import { Kbd } from '../components/kbd';
import { PdfPreview } from '../components/pdf-preview';
import type { PreviewScale } from '../components/pdf-preview';
import { keyedText } from '../lib/device-text';
import { useDebounced } from '../lib/use-debounced';
import { useHotkeys } from '../lib/use-hotkeys';
import { call } from '../lib/station';
import { deviceErrorMessage } from './device-form';

const MAX_MM = 5;

interface Props {
  device: DeviceView;
  onSaved: () => void;
  onClose: () => void;
}

const stored = (d: DeviceView, k: 'offsetXMm' | 'offsetYMm'): string => {
  const v = d.settings[k];
  return typeof v === 'number' ? String(v) : '0';
};

function parseMm(text: string): number | null {
  const n = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(n) && Math.abs(n) <= MAX_MM ? n : null;
}

export function PrinterCalibrationPanel({ device, onSaved, onClose }: Props) {
  const { t } = useTranslation();
  const panelRef = useRef<HTMLElement>(null);
  const xRef = useRef<HTMLInputElement>(null);
  const [page, setPage] = useState<'calibration' | 'sample'>('calibration');
  const [scale, setScale] = useState<PreviewScale>('fit');
  const [x, setX] = useState(() => stored(device, 'offsetXMm'));
  const [y, setY] = useState(() => stored(device, 'offsetYMm'));
  const [pdf, setPdf] = useState<Uint8Array | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [outcome, setOutcome] = useState<PrinterPrintResult | null>(null);
  const [savedNote, setSavedNote] = useState(false);
  const id = device.id;

  const ox = parseMm(x);
  const oy = parseMm(y);
  const valid = ox !== null && oy !== null;
  const tried = useDebounced(`${ox ?? ''}|${oy ?? ''}|${page}`, 250);
  const changed = valid && (String(ox) !== stored(device, 'offsetXMm') || String(oy) !== stored(device, 'offsetYMm'));

  useEffect(() => {
    panelRef.current?.scrollIntoView?.({ block: 'start' });
    xRef.current?.focus();
  }, [id]);

  // The preview follows the offsets being typed, a moment after the typing stops.
  useEffect(() => {
    const [sx, sy, p] = tried.split('|');
    if (sx === '' || sy === '') return;
    let alive = true;
    call('printer.page', { id, page: p as 'calibration' | 'sample', offsetX: Number(sx), offsetY: Number(sy) }).then(
      (v) => { if (alive) { setPdf(Uint8Array.from(atob(v.pdfBase64), (c) => c.charCodeAt(0))); setFailure(null); } },
      (err: unknown) => { if (alive) setFailure(deviceErrorMessage(t, err)); },
    );
    return () => { alive = false; };
  }, [id, tried, t]);

  const save = async (): Promise<void> => {
    if (!valid) return;
    setSaving(true);
    setSavedNote(false);
    try {
      await call('printer.setOffsets', { id, x: ox, y: oy });
      setSavedNote(true);
      onSaved();
    } catch (err) {
      setFailure(deviceErrorMessage(t, err));
    } finally {
      setSaving(false);
    }
  };

  const print = async (): Promise<void> => {
    setPrinting(true);
    setOutcome(null);
    try {
      // What is printed carries the saved offsets: save first when they were changed.
      if (changed) await save();
      setOutcome(await call('printer.printPage', { id, page }));
    } catch (err) {
      setFailure(deviceErrorMessage(t, err));
    } finally {
      setPrinting(false);
    }
  };

  useHotkeys({ 'Alt+S': () => void save(), 'Alt+P': () => { if (!printing) void print(); } });

  const offsetField = (axis: 'x' | 'y', value: string, set: (v: string) => void) => (
    <div className={`field${parseMm(value) === null ? ' field-invalid' : ''}`}>
      <label htmlFor={`offset-${axis}`}>{t(`printerCal.offset.${axis}`)}</label>
      <div className="offset-input">
        <button type="button" className="btn btn-small" aria-label={t('printerCal.less')} onClick={() => set(String(Math.max(-MAX_MM, Math.round(((parseMm(value) ?? 0) - 0.1) * 10) / 10)))} data-testid={`offset-${axis}-less`}>−</button>
        <input id={`offset-${axis}`} ref={axis === 'x' ? xRef : undefined} inputMode="decimal" className="mono" value={value}
          onChange={(e) => set(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') void save(); }}
          aria-invalid={parseMm(value) === null} data-testid={`offset-${axis}`} />
        <button type="button" className="btn btn-small" aria-label={t('printerCal.more')} onClick={() => set(String(Math.min(MAX_MM, Math.round(((parseMm(value) ?? 0) + 0.1) * 10) / 10)))} data-testid={`offset-${axis}-more`}>+</button>
        <span className="muted">mm</span>
      </div>
      {parseMm(value) === null && <div className="field-error" role="alert"><span aria-hidden="true">⚠ </span>{t('printerCal.offsetRange', { max: MAX_MM })}</div>}
    </div>
  );

  return (
    <section ref={panelRef} className="card printer-calibration" data-testid="printer-calibration" aria-label={t('printerCal.title', { label: device.label })}>
      <div className="heading-row">
        <h2>{t('printerCal.title', { label: device.label })}</h2>
        <button type="button" className="btn btn-small" onClick={onClose} data-testid="printer-calibration-close">{t('action.close')}</button>
      </div>
      <div className="printer-calibration-body">
        <div className="printer-calibration-preview">
          <PdfPreview pdf={pdf} scale={scale} onScaleChange={setScale} testId="printer-preview"
            label={t(page === 'calibration' ? 'printerCal.previewCalibration' : 'printerCal.previewSample')} />
        </div>
        <div className="printer-calibration-controls">
          <fieldset className="field choice" data-testid="printer-page-choice">
            <legend>{t('printerCal.page')}</legend>
            {(['calibration', 'sample'] as const).map((p) => (
              <label key={p} className="choice-item">
                <input type="radio" name="printer-page" value={p} checked={page === p} onChange={() => setPage(p)} data-testid={`printer-page-${p}`} />
                {t(`printerCal.pageKind.${p}`)}
              </label>
            ))}
          </fieldset>
          <div className="offset-row">
            {offsetField('x', x, setX)}
            {offsetField('y', y, setY)}
          </div>
          <div className="actions">
            <button type="button" className="btn btn-primary" disabled={!valid || printing} onClick={() => void print()} data-testid="printer-print">
              {t(page === 'calibration' ? 'printerCal.printCalibration' : 'printerCal.printSample')} <Kbd keys="Alt+P" />
            </button>
            <button type="button" className="btn" disabled={!valid || !changed || saving} onClick={() => void save()} data-testid="offsets-save">
              {t('printerCal.save')} <Kbd keys="Alt+S" />
            </button>
          </div>
          {failure && <Alert tone="problem" testId="printer-calibration-error">{failure}</Alert>}
          {savedNote && !changed && <Alert tone="ready" testId="offsets-saved">{t('printerCal.saved')}</Alert>}
          {printing && <Alert tone="waiting" testId="printer-printing">{t('printerCal.printing')}</Alert>}
          {outcome && (
            <Alert tone={outcome.ok ? 'ready' : 'problem'} testId="printer-outcome">
              {keyedText(t, outcome.message)}
              {outcome.ok && outcome.jobId !== undefined && <div className="alert-hint">{t('printerCal.job', { job: outcome.jobId, seconds: ((outcome.totalMs ?? 0) / 1000).toFixed(1) })}</div>}
            </Alert>
          )}
          {device.status.simulated && (
            <div className="printer-sim" data-testid="printer-sim">
              <span className="muted">{t('printerCal.sim.title')}</span>
              {(['media-jam', 'media-empty', 'door-open', 'offline', 'clear'] as const).map((f) => (
                <button key={f} type="button" className="btn btn-small" data-testid={`printer-sim-${f}`}
                  onClick={() => void call('devices.simulate', { id, action: 'fault', variant: f }).catch((err: unknown) => setFailure(deviceErrorMessage(t, err)))}>
                  {t(`printerCal.sim.${f}`)}
                </button>
              ))}
            </div>
          )}
          <p className="muted">{t('printerCal.howTo')}</p>
        </div>
      </div>
    </section>
  );
}
