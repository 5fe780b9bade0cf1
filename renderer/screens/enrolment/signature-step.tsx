// The applicant's signature for the data page, cut from a scan of the signed application
// form (or any scanned page of this enrolment): the officer places a box over the signature
// — dragged with the mouse, or moved with the arrow keys and sized with Shift+arrows — and
// "Simpan tanda tangan" (Enter) has the station cut it from the page at its scanned
// resolution; right after the form is scanned, a first cut is taken at the form's usual box.
// A signature pad would plug in at the station (SignaturePadPort); none is
// configured, which the step says.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentPageInfo, EnrolmentView } from '../../../electron/contract-types';
import { Alert } from '../../components/alert';
import { BlobImage } from '../../components/blob-image';
import { Kbd } from '../../components/kbd';
import { useBlobUrl } from '../../lib/blob-cache';
import { enrolmentError } from '../../lib/device-text';
import { call } from '../../lib/station';

export interface Box { x: number; y: number; width: number; height: number }
/** Where a signature usually sits on the form: low on the right. */
const START: Box = { x: 0.5, y: 0.72, width: 0.4, height: 0.12 };
const MIN = 0.03;
const clamp = (b: Box): Box => {
  const width = Math.min(1, Math.max(MIN, b.width));
  const height = Math.min(1, Math.max(MIN, b.height));
  return { width, height, x: Math.min(1 - width, Math.max(0, b.x)), y: Math.min(1 - height, Math.max(0, b.y)) };
};

/** The application form first, then the other pages, newest last. */
function candidatePages(view: EnrolmentView): DocumentPageInfo[] {
  const forms = view.documents.filter((d) => d.docType === 'application_form');
  return [...forms, ...view.documents.filter((d) => d.docType !== 'application_form')];
}

function CropArea({ page, box, onBox }: { page: DocumentPageInfo; box: Box; onBox: (b: Box) => void }) {
  const { t } = useTranslation();
  const img = useBlobUrl(page.blobId, 'enrolment.signature');
  const frame = useRef<HTMLDivElement>(null);
  const drag = useRef<{ mode: 'move' | 'size'; x: number; y: number; start: Box } | null>(null);

  const onDown = (mode: 'move' | 'size') => (e: React.PointerEvent): void => {
    e.preventDefault();
    e.stopPropagation();
    (e.target as Element).setPointerCapture(e.pointerId);
    drag.current = { mode, x: e.clientX, y: e.clientY, start: box };
  };
  const onMove = (e: React.PointerEvent): void => {
    const d = drag.current;
    const r = frame.current?.getBoundingClientRect();
    if (!d || !r) return;
    const dx = (e.clientX - d.x) / r.width;
    const dy = (e.clientY - d.y) / r.height;
    onBox(clamp(d.mode === 'move' ? { ...d.start, x: d.start.x + dx, y: d.start.y + dy } : { ...d.start, width: d.start.width + dx, height: d.start.height + dy }));
  };
  const onKey = (e: React.KeyboardEvent): void => {
    const step = 0.01;
    const delta: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const d = delta[e.key];
    if (!d) return;
    e.preventDefault();
    onBox(clamp(e.shiftKey ? { ...box, width: box.width + d[0], height: box.height + d[1] } : { ...box, x: box.x + d[0], y: box.y + d[1] }));
  };

  if (img.state !== 'ready') return <BlobImage blobId={page.blobId} screen="enrolment.signature" alt="" className="signature-page" />;
  return (
    <div ref={frame} className="signature-page" data-testid="signature-page" onPointerMove={onMove} onPointerUp={() => { drag.current = null; }}>
      <img src={img.url} alt={t('bap.signature.pageAlt')} draggable={false} />
      <div className="signature-box" role="slider" tabIndex={0} aria-label={t('bap.signature.boxLabel')} aria-valuetext={`${Math.round(box.x * 100)}%, ${Math.round(box.y * 100)}%`}
        data-testid="signature-box" onPointerDown={onDown('move')} onKeyDown={onKey}
        style={{ left: `${box.x * 100}%`, top: `${box.y * 100}%`, width: `${box.width * 100}%`, height: `${box.height * 100}%` }}>
        <div className="signature-handle" data-testid="signature-handle" onPointerDown={onDown('size')} />
      </div>
    </div>
  );
}

export function SignatureStep({ view, onView }: { view: EnrolmentView; onView: (v: EnrolmentView) => void }) {
  const { t } = useTranslation();
  const id = view.appointment.id;
  const pages = candidatePages(view);
  const [pageId, setPageId] = useState<string | null>(pages[0]?.blobId ?? null);
  const [box, setBox] = useState<Box>(START);
  const [busy, setBusy] = useState<'scan' | 'crop' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const saveRef = useRef<HTMLButtonElement>(null);
  const scanRef = useRef<HTMLButtonElement>(null);
  const page = pages.find((p) => p.blobId === pageId) ?? pages[0] ?? null;

  // Without the signed form on file, the next thing is to scan it (Enter); with it, to save.
  const hasForm = pages.some((p) => p.docType === 'application_form');
  useEffect(() => { (hasForm ? saveRef : scanRef).current?.focus(); }, [page?.blobId, hasForm]);

  const scanForm = async (): Promise<void> => {
    setError(null);
    setBusy('scan');
    try {
      const v = await call('documents.scan', { appointmentId: id, docType: 'application_form', source: 'platen', colorMode: 'grayscale' });
      onView(v);
      const newest = v.documents.filter((d) => d.docType === 'application_form').at(-1);
      if (newest) {
        setPageId(newest.blobId);
        // The form's signature box sits where the form prints it: the first cut is taken at
        // once (one key for the signature). It is shown here and on the summary; the box can
        // be moved and saved again.
        if (!view.signature) onView(await call('signature.crop', { appointmentId: id, blobId: newest.blobId, box: START }));
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  const crop = async (): Promise<void> => {
    if (!page) return;
    setError(null);
    setBusy('crop');
    try {
      onView(await call('signature.crop', { appointmentId: id, blobId: page.blobId, box }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="step signature-step" data-testid="signature-step">
      <div>
        <div className="row-actions">
          <button ref={scanRef} type="button" className={`btn${hasForm ? '' : ' btn-primary'}`} onClick={() => void scanForm()} disabled={busy !== null} data-testid="signature-scan-form">
            {busy === 'scan' ? t('bap.signature.scanning') : t('bap.signature.scanForm')}{!hasForm && <> <Kbd keys="Enter" /></>}
          </button>
        </div>
        {page
          ? <CropArea key={page.blobId} page={page} box={box} onBox={setBox} />
          : <p className="muted" data-testid="signature-no-page">{t('bap.signature.noPage')}</p>}
      </div>
      <div>
        <p className="muted">{t('bap.signature.howTo')}</p>
        {pages.length > 0 && (
          <label className="inline-field">
            {t('bap.signature.page')}
            <select value={page?.blobId ?? ''} onChange={(e) => setPageId(e.target.value)} data-testid="signature-page-select">
              {pages.map((p) => <option key={p.blobId} value={p.blobId}>{t('enrolment.doc.pageOf', { page: p.page, doc: t(`enrolment.doc.typeName.${p.docType}`) })}</option>)}
            </select>
          </label>
        )}
        <form onSubmit={(e) => { e.preventDefault(); if (!busy) void crop(); }}>
          <button ref={saveRef} type="submit" className={`btn${hasForm ? ' btn-primary' : ''}`} disabled={!page || busy !== null} data-testid="signature-save">
            {t('bap.signature.save')}{hasForm && <> <Kbd keys="Enter" /></>}
          </button>
        </form>
        {error !== null && <Alert tone="problem" testId="signature-error">{enrolmentError(t, error)}</Alert>}
        <h3>{t('bap.signature.kept')}</h3>
        {view.signature
          ? (
            <div className="signature-kept" data-testid="signature-kept" data-width={view.signature.width} data-height={view.signature.height}>
              <BlobImage blobId={view.signature.blobId} screen="enrolment.signature" alt={t('bap.signature.keptAlt')} testId="signature-kept-img" />
            </div>
          )
          : <p className="muted" data-testid="signature-none">{t('bap.signature.none')}</p>}
        <p className="muted" data-testid="signature-pad">{t('bap.signature.noPad')}</p>
      </div>
    </div>
  );
}
