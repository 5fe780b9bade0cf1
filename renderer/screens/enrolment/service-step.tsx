// The service step (replacement, lost, damaged): the old passport — its number and expiry
// from the MRZ read, the issue date and what happens to the book — and, for a lost or
// damaged passport, the interview record (BAP): police report, the applicant's account, the
// officer's finding, and the fine from the rules file. Typed text is saved by the station
// as it is typed (half a second after the last key), so nothing typed is lost to a crash or
// a step change. The BAP is made as a PDF in Indonesian, previewed with pdf.js, printed or
// saved, and the signed copy is scanned back as the document 'bap_signed'.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentView } from '../../../electron/contract-types';
import { issueDateCandidates, OLD_PASSPORT_DISPOSITIONS, type BapData, type OldPassportData } from '../../../domain/service-step';
import { localDate } from '../../../domain/dates';
import { Alert } from '../../components/alert';
import { Kbd } from '../../components/kbd';
import { PdfPreview } from '../../components/pdf-preview';
import { enrolmentError } from '../../lib/device-text';
import { printPdf } from '../../lib/print-pdf';
import { call } from '../../lib/station';
import { useHotkeys } from '../../lib/use-hotkeys';

export const formatRupiah = (n: number): string => `Rp ${new Intl.NumberFormat('id-ID').format(n)}`;

const SAVE_AFTER_MS = 500;
const DEFAULT_DISPOSITION = 'cancelled_returned' as const;

type Patch = { oldPassport?: Partial<Record<keyof OldPassportData, string>>; bap?: Partial<BapData> };

/** Keeps typed text on screen and sends it to the station shortly after the last key. */
function useDraftSaver(appointmentId: string, onView: (v: EnrolmentView) => void) {
  const pending = useRef<Patch>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' | 'error'; at?: Date; error?: unknown }>({ kind: 'idle' });

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) { clearTimeout(timer.current); timer.current = null; }
    const patch = pending.current;
    if (!patch.oldPassport && !patch.bap) return;
    pending.current = {};
    setState({ kind: 'saving' });
    try {
      const v = await call('enrolment.saveService', { appointmentId, ...(patch as object) });
      onView(v);
      setState({ kind: 'saved', at: new Date() });
    } catch (error) {
      // Kept for the next try: what failed to save is sent again with the next keys.
      pending.current = { oldPassport: { ...patch.oldPassport, ...pending.current.oldPassport }, bap: { ...patch.bap, ...pending.current.bap } };
      if (!patch.oldPassport) delete pending.current.oldPassport;
      if (!patch.bap) delete pending.current.bap;
      setState({ kind: 'error', error });
    }
  }, [appointmentId, onView]);

  const queue = useCallback((p: Patch, now = false) => {
    pending.current = {
      ...(p.oldPassport || pending.current.oldPassport ? { oldPassport: { ...pending.current.oldPassport, ...p.oldPassport } } : {}),
      ...(p.bap || pending.current.bap ? { bap: { ...pending.current.bap, ...p.bap } } : {}),
    };
    if (timer.current) clearTimeout(timer.current);
    if (now) { void flush(); return; }
    timer.current = setTimeout(() => void flush(), SAVE_AFTER_MS);
  }, [flush]);

  // Leaving the step sends what is still waiting.
  useEffect(() => () => { void flush(); }, [flush]);
  return { queue, flush, state };
}

export function ServiceStep({ view, onView, onGoTo }: { view: EnrolmentView; onView: (v: EnrolmentView) => void; onGoTo: (step: 'mrz' | 'documents') => void }) {
  const { t } = useTranslation();
  const id = view.appointment.id;
  const s = view.service;
  const { queue, flush, state } = useDraftSaver(id, onView);
  // The officer's text lives here while typed; the station's copy seeds it once.
  // The usual fate of the old book (cancelled, returned to the applicant) is the default,
  // shown and saved at once; the officer changes it when the book is kept.
  const [old, setOld] = useState<OldPassportData>(() => ({ ...(s.oldPassport?.issueDate ? { issueDate: s.oldPassport.issueDate } : {}), disposition: s.oldPassport?.disposition ?? DEFAULT_DISPOSITION }));
  const [bap, setBap] = useState<BapData>(() => ({ ...s.bap }));
  const [pdf, setPdf] = useState<{ bytes: Uint8Array; fileName: string } | null>(null);
  const [busy, setBusy] = useState<'pdf' | 'scan' | 'print' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const firstRef = useRef<HTMLInputElement>(null);

  const candidateRef = useRef<HTMLButtonElement>(null);
  const candidates = s.oldPassport && !s.oldPassport.issueDate ? issueDateCandidates(s.oldPassport.expiryDate, localDate(new Date())) : [];
  useEffect(() => {
    if (s.oldPassport && !s.oldPassport.disposition) queue({ oldPassport: { disposition: DEFAULT_DISPOSITION } }, true);
    (candidateRef.current ?? firstRef.current)?.focus();
  }, []);

  // The issue date as the old book prints it, from its MRZ expiry: one key, then the documents.
  const takeIssueDate = async (date: string): Promise<void> => {
    setOld((o) => ({ ...o, issueDate: date }));
    queue({ oldPassport: { issueDate: date, disposition: old.disposition ?? DEFAULT_DISPOSITION } });
    await flush();
    if (!s.bap) onGoTo('documents');
  };

  const setBapField = <K extends keyof BapData>(k: K, v: BapData[K], now = false): void => {
    setBap((b) => ({ ...b, [k]: v }));
    queue({ bap: { [k]: v } }, now);
  };

  const makePdf = async (): Promise<void> => {
    setError(null);
    setBusy('pdf');
    try {
      await flush();
      const r = await call('enrolment.bapPdf', { appointmentId: id });
      setPdf({ bytes: Uint8Array.from(atob(r.pdfBase64), (c) => c.charCodeAt(0)), fileName: r.fileName });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  const print = async (): Promise<void> => {
    if (!pdf) return;
    setBusy('print');
    try { await printPdf(pdf.bytes); } catch (err) { setError(err); } finally { setBusy(null); }
  };

  const save = (): void => {
    if (!pdf) return;
    const url = URL.createObjectURL(new Blob([pdf.bytes.slice().buffer], { type: 'application/pdf' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = pdf.fileName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const scanSigned = async (): Promise<void> => {
    setError(null);
    setBusy('scan');
    try {
      onView(await call('documents.scan', { appointmentId: id, docType: 'bap_signed', source: 'platen', colorMode: 'grayscale' }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  useHotkeys({ 'Alt+M': () => { if (!busy) void makePdf(); } }, s.bap !== null);

  const signedPages = view.documents.filter((d) => d.docType === 'bap_signed').length;
  const saved = state.kind === 'saving' ? t('bap.saving') : state.kind === 'saved' ? t('bap.saved', { time: state.at!.toLocaleTimeString() }) : '';
  const disaster = view.appointment.service === 'replace_disaster';

  return (
    <div className="step service-step" data-testid="service-step">
      <div className="service-form">
        {s.oldPassport && (
          <fieldset className="service-old" data-testid="old-passport">
            <legend>{t('bap.old.title')}</legend>
            {s.oldPassport.number
              ? (
                <dl className="facts">
                  <div><dt>{t('bap.old.number')}</dt><dd className="mono" data-testid="old-number">{s.oldPassport.number}</dd></div>
                  <div><dt>{t('bap.old.expiry')}</dt><dd data-testid="old-expiry">{s.oldPassport.expiryDate ?? '—'}</dd></div>
                </dl>
              )
              : <p className="muted" data-testid="old-no-mrz">{t('bap.old.noMrz')} <button type="button" className="btn btn-small" onClick={() => onGoTo('mrz')}>{t('bap.old.readMrz')}</button></p>}
            {candidates.length > 0 && (
              <div className="row-actions" data-testid="old-issue-candidates" title={t('enrolKeys.issueFromExpiryHint')}>
                {candidates.map((c, i) => (
                  <button key={c.years} ref={i === 0 ? candidateRef : undefined} type="button" className={`btn btn-small${i === 0 ? ' btn-primary' : ''}`}
                    onClick={() => void takeIssueDate(c.date)} data-testid={`old-issue-candidate-${c.years}`}>
                    {t('enrolKeys.issueFromExpiry', { date: c.date, years: c.years })}{i === 0 && <> <Kbd keys="Enter" /></>}
                  </button>
                ))}
              </div>
            )}
            <label className="inline-field">
              {t('bap.old.issueDate')}
              <input ref={s.oldPassport ? firstRef : undefined} type="date" value={old.issueDate ?? ''} data-testid="old-issue-date"
                onChange={(e) => { setOld({ ...old, issueDate: e.target.value }); queue({ oldPassport: { issueDate: e.target.value } }); }} />
            </label>
            <div role="radiogroup" aria-label={t('bap.old.disposition')} className="radio-row" title={t('enrolKeys.dispositionDefault')}>
              <span>{t('bap.old.disposition')}</span>
              {OLD_PASSPORT_DISPOSITIONS.map((d) => (
                <label key={d} className="radio">
                  <input type="radio" name="old-disposition" value={d} checked={old.disposition === d} data-testid={`old-disposition-${d}`}
                    onChange={() => { setOld({ ...old, disposition: d }); queue({ oldPassport: { disposition: d } }, true); }} />
                  {t(`bap.old.dispositionName.${d}`)}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        {s.bap && (
          <fieldset className="service-bap" data-testid="bap">
            <legend>{t('bap.title')}</legend>
            {s.kind.policeReport && (
              <div className="bap-row">
                <label className="inline-field">
                  {t('bap.policeNumber')}
                  <input ref={s.oldPassport ? undefined : firstRef} value={bap.policeReportNumber ?? ''} maxLength={60} data-testid="bap-police-number"
                    onChange={(e) => setBapField('policeReportNumber', e.target.value)} />
                </label>
                <label className="inline-field">
                  {t('bap.policeDate')}
                  <input type="date" value={bap.policeReportDate ?? ''} data-testid="bap-police-date" onChange={(e) => setBapField('policeReportDate', e.target.value)} />
                </label>
              </div>
            )}
            <label className="stacked-field">
              {t('bap.narrative')}
              <textarea rows={3} value={bap.narrative ?? ''} maxLength={4000} data-testid="bap-narrative" placeholder={t('bap.narrativeHint')}
                onChange={(e) => setBapField('narrative', e.target.value)} />
            </label>
            <label className="stacked-field">
              {t('bap.finding')}
              <textarea rows={2} value={bap.finding ?? ''} maxLength={4000} data-testid="bap-finding" onChange={(e) => setBapField('finding', e.target.value)} />
            </label>
            <div className="bap-row">
              {!disaster && (
                <label className="radio">
                  <input type="checkbox" checked={bap.forceMajeure ?? false} data-testid="bap-force-majeure" onChange={(e) => setBapField('forceMajeure', e.target.checked, true)} />
                  {t('bap.forceMajeure')}
                </label>
              )}
              <p className="bap-fine" data-testid="bap-fine" data-amount={s.fine} title={s.fineSource}>
                {s.fine > 0 ? t('bap.fine', { amount: formatRupiah(s.fine) }) : t('bap.noFine')}
              </p>
            </div>
          </fieldset>
        )}
        <p className="autosave muted" data-testid="service-saved" data-state={state.kind} aria-live="polite">{saved}</p>
        {state.kind === 'error' && <Alert tone="problem" testId="service-save-error">{t('bap.saveFailed', { reason: enrolmentError(t, state.error) })}</Alert>}
        {error !== null && <Alert tone="problem" testId="service-error">{enrolmentError(t, error)}</Alert>}
      </div>
      {s.bap && (
        <div className="service-pdf">
          <div className="row-actions">
            <button type="button" className="btn btn-primary" onClick={() => void makePdf()} disabled={busy !== null} data-testid="bap-make-pdf">
              {t(pdf ? 'bap.pdfAgain' : 'bap.makePdf')} <Kbd keys="Alt+M" />
            </button>
            <button type="button" className="btn" onClick={() => void print()} disabled={!pdf || busy !== null} data-testid="bap-print">{t('bap.print')}</button>
            <button type="button" className="btn" onClick={save} disabled={!pdf} data-testid="bap-save-pdf">{t('bap.savePdf')}</button>
          </div>
          {pdf ? <PdfPreview pdf={pdf.bytes} scale="fit" label={t('bap.pdfLabel')} testId="bap-preview" /> : <p className="muted">{t('bap.pdfHint')}</p>}
          <div className="row-actions">
            <button type="button" className="btn" onClick={() => void scanSigned()} disabled={busy !== null} data-testid="bap-scan-signed">
              {busy === 'scan' ? t('bap.scanning') : t('bap.scanSigned')}
            </button>
            <span data-testid="bap-signed" data-pages={signedPages} className={signedPages ? 'badge tone-ready' : 'badge tone-waiting'}>
              {signedPages ? t('bap.signedScanned', { n: signedPages }) : t('bap.signedMissing')}
            </span>
          </div>
        </div>
      )}
    </div>
  );
}
