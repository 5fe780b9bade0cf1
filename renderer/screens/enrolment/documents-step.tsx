// Step 2, supporting documents: choose what is being scanned and how, "Pindai" (Enter), and
// the pages appear as thumbnails grouped by document. A page can be rescanned (the old page
// goes only once the new one is in) or removed (after a question that names the page).
// Scanner problems are shown as the station's sentence next to the step. The resolution is
// "automatic" by default (what the document type needs; the station picks the scanner's
// nearest at or above it), and a running scan can be cancelled (nothing is stored).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentPageInfo, DocumentType, EnrolmentView } from '../../../electron/contract-types';
import { DOCUMENT_TYPES } from '../../../domain/catalog';
import { DOCUMENT_MIN_DPI } from '../../../domain/document-scan';
import { Alert } from '../../components/alert';
import { BlobImage } from '../../components/blob-image';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Kbd } from '../../components/kbd';
import { enrolmentError, errorKey } from '../../lib/device-text';
import { call } from '../../lib/station';
import { useHotkeys } from '../../lib/use-hotkeys';

export { DOCUMENT_TYPES };
const SOURCES = ['platen', 'feeder'] as const;
/** 'auto' = the document type's need; a number = at least that many dpi. */
const RESOLUTIONS = ['auto', 150, 200, 300, 600] as const;
const COLOR_MODES = ['color', 'grayscale'] as const;

interface Settings {
  docType: DocumentType;
  source: (typeof SOURCES)[number];
  resolution: (typeof RESOLUTIONS)[number];
  colorMode: (typeof COLOR_MODES)[number];
}

type Pending = { kind: 'remove' | 'rescan'; page: DocumentPageInfo };

export function DocumentsStep({ view, onView }: { view: EnrolmentView; onView: (v: EnrolmentView) => void }) {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<Settings>({ docType: view.nextDocType ?? 'ktp', source: 'platen', resolution: 'auto', colorMode: 'color' });
  const [cancelling, setCancelling] = useState(false);
  const [busy, setBusy] = useState<{ since: number; label: string } | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const scanRef = useRef<HTMLButtonElement>(null);
  const id = view.appointment.id;

  const refocus = useRef(false);
  useEffect(() => {
    if (!busy && refocus.current) {
      refocus.current = false;
      scanRef.current?.focus();
    }
  }, [busy]);

  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => setElapsed(Math.floor((Date.now() - busy.since) / 1000)), 250);
    return () => clearInterval(timer);
  }, [busy]);

  const docName = (d: DocumentType): string => t(`enrolment.doc.typeName.${d}`);

  // The checklist picks what is scanned next: the first line still open, in the rules' order.
  const nextDocType = view.nextDocType;
  useEffect(() => {
    if (nextDocType) setSettings((s) => ({ ...s, docType: nextDocType }));
  }, [nextDocType]);

  const scan = async (s: Settings, replace?: DocumentPageInfo): Promise<void> => {
    setError(null);
    setElapsed(0);
    setBusy({ since: Date.now(), label: t('enrolment.doc.scanning', { doc: docName(s.docType) }) });
    try {
      let v = await call('documents.scan', {
        appointmentId: id, docType: s.docType, source: s.source, colorMode: s.colorMode, ...(s.resolution === 'auto' ? {} : { resolution: s.resolution }),
      });
      // The old page goes only after the new one is safely stored.
      if (replace) v = await call('documents.remove', { appointmentId: id, blobId: replace.blobId });
      onView(v);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
      setCancelling(false);
      // The button is still disabled until the next render: focus it then.
      refocus.current = true;
    }
  };

  const cancelScan = async (): Promise<void> => {
    setCancelling(true);
    try {
      await call('documents.cancelScan', { appointmentId: id });
    } catch (err) {
      setCancelling(false);
      setError(err);
    }
  };
  const cancelledByOfficer = errorKey(error)?.key === 'device.escl.cancelled';
  // Esc stops the running scan; it is claimed before the enrolment's "back".
  useHotkeys({ Escape: () => { if (!cancelling) void cancelScan(); } }, busy !== null && !pending);

  const confirm = async (): Promise<void> => {
    if (!pending) return;
    const p = pending;
    setPending(null);
    if (p.kind === 'rescan') { await scan({ ...settings, docType: p.page.docType }, p.page); return; }
    setError(null);
    try {
      onView(await call('documents.remove', { appointmentId: id, blobId: p.page.blobId }));
    } catch (err) {
      setError(err);
    }
    scanRef.current?.focus();
  };

  const groups = DOCUMENT_TYPES.map((d) => ({ docType: d, pages: view.documents.filter((p) => p.docType === d).sort((a, b) => a.page - b.page) }))
    .filter((g) => g.pages.length > 0);

  return (
    <div className="step documents-step">
      <h2>{t('enrolment.doc.title')}</h2>
      <ul className="doc-checklist" data-testid="doc-checklist" aria-label={t('bap.checklist.title')}>
        {view.checklist.map((line) => (
          <li key={line.anyOf.join('|')} data-testid="doc-checklist-line" data-types={line.anyOf.join(',')} data-done={line.satisfiedBy ? 'true' : 'false'}>
            <span className={`badge ${line.satisfiedBy ? 'tone-ready' : 'tone-waiting'}`} aria-hidden="true">{line.satisfiedBy ? '✔' : '◷'}</span>
            <span>{line.satisfiedBy ? docName(line.satisfiedBy) : line.anyOf.map(docName).join(t('bap.checklist.or'))}</span>
          </li>
        ))}
      </ul>
      <form className="scan-form" onSubmit={(e) => { e.preventDefault(); if (!busy) void scan(settings); }} data-testid="scan-form">
        <label className="inline-field">
          {t('enrolment.doc.type')}
          <select value={settings.docType} data-testid="doc-type" onChange={(e) => setSettings({ ...settings, docType: e.target.value as DocumentType })}>
            {DOCUMENT_TYPES.map((d) => <option key={d} value={d}>{docName(d)}</option>)}
          </select>
        </label>
        <label className="inline-field">
          {t('enrolment.doc.source')}
          <select value={settings.source} data-testid="doc-source" onChange={(e) => setSettings({ ...settings, source: e.target.value as Settings['source'] })}>
            {SOURCES.map((s) => <option key={s} value={s}>{t(`enrolment.doc.sourceName.${s}`)}</option>)}
          </select>
        </label>
        <label className="inline-field">
          {t('enrolment.docScan.resolution')}
          <select value={settings.resolution} data-testid="doc-resolution" title={t('enrolment.docScan.hint')}
            onChange={(e) => setSettings({ ...settings, resolution: e.target.value === 'auto' ? 'auto' : (Number(e.target.value) as Settings['resolution']) })}>
            {RESOLUTIONS.map((r) => (
              <option key={r} value={r}>{r === 'auto' ? t('enrolment.docScan.auto', { dpi: DOCUMENT_MIN_DPI[settings.docType] }) : t('enrolment.docScan.atLeast', { dpi: r })}</option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          {t('enrolment.doc.color')}
          <select value={settings.colorMode} data-testid="doc-color" onChange={(e) => setSettings({ ...settings, colorMode: e.target.value as Settings['colorMode'] })}>
            {COLOR_MODES.map((c) => <option key={c} value={c}>{t(`enrolment.doc.colorName.${c}`)}</option>)}
          </select>
        </label>
        <button ref={scanRef} type="submit" className="btn btn-primary" disabled={busy !== null} autoFocus data-testid="doc-scan">
          {t('enrolment.doc.scan')} <Kbd keys="Enter" />
        </button>
      </form>
      {settings.source === 'feeder' && <p className="muted">{t('enrolment.doc.feederHint')}</p>}
      {busy && (
        <div className="alert alert-waiting" role="status" data-testid="doc-busy">
          <span className="alert-icon busy-icon" aria-hidden="true">◔</span>
          <div className="alert-text">{cancelling ? t('enrolment.docScan.cancelling') : busy.label} {t('enrolment.doc.elapsed', { seconds: elapsed })}</div>
          <button type="button" className="btn btn-small" disabled={cancelling} onClick={() => void cancelScan()} data-testid="doc-cancel">
            {t('enrolment.docScan.cancel')} <Kbd keys="Esc" />
          </button>
        </div>
      )}
      {error !== null && <Alert tone={cancelledByOfficer ? 'info' : 'problem'} testId="doc-error">{enrolmentError(t, error)}</Alert>}
      {groups.length === 0 && !busy && <p className="muted" data-testid="doc-empty">{t('enrolment.doc.empty')}</p>}
      {groups.map((g) => (
        <section key={g.docType} className="doc-group" data-testid={`doc-group-${g.docType}`}>
          <h3>{docName(g.docType)} <span className="muted">· {t('enrolment.doc.pages', { n: g.pages.length })}</span></h3>
          <ul className="thumbs">
            {g.pages.map((p) => {
              const label = t('enrolment.doc.pageOf', { page: p.page, doc: docName(p.docType) });
              return (
                <li key={p.blobId} className="thumb" data-testid="doc-thumb" data-blob-id={p.blobId}>
                  <BlobImage screen="enrolment.documents" blobId={p.blobId} alt={label} className="thumb-img" testId="doc-thumb-img" />
                  <div className="thumb-caption">{label}<br /><span className="muted">{p.width}×{p.height} · {t('enrolment.doc.dpi', { dpi: p.resolution })}</span></div>
                  <div className="row-actions">
                    <button type="button" className="btn btn-small" disabled={busy !== null} onClick={() => setPending({ kind: 'rescan', page: p })} data-testid="doc-rescan">
                      {t('enrolment.doc.rescan')}
                    </button>
                    <button type="button" className="btn btn-small btn-danger-quiet" disabled={busy !== null} onClick={() => setPending({ kind: 'remove', page: p })} data-testid="doc-remove">
                      {t('enrolment.doc.remove')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      {pending && (
        <ConfirmDialog
          title={t(pending.kind === 'remove' ? 'enrolment.doc.removeTitle' : 'enrolment.doc.rescanTitle')}
          confirmLabel={t(pending.kind === 'remove' ? 'enrolment.doc.removeConfirm' : 'enrolment.doc.rescanConfirm')}
          danger={pending.kind === 'remove'}
          onConfirm={() => void confirm()}
          onClose={() => { setPending(null); scanRef.current?.focus(); }}
          testId="doc-confirm"
        >
          <p>{t(pending.kind === 'remove' ? 'enrolment.doc.removeText' : 'enrolment.doc.rescanText', { page: pending.page.page, doc: docName(pending.page.docType) })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
