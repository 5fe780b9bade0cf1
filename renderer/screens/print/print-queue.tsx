// The print queue: approved applications, oldest approval first. The operator selects several
// and prints them as a batch; for each, the serial of the book loaded in the printer is
// scanned or typed (the station checks it before anything prints), the page is printed, then
// checked on the MRZ reader. A failed job asks whether the book was spoiled; a spoiled book is
// recorded and the same application waits for a new book. Where the office has several
// passport printers the operator picks the one for the batch; the station checks it.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentRow } from '../../../electron/contract-types';
import type { PrintJobView, PrintQueueView, QcView, SpoilReason, StockOverview } from '../../../electron/issuance-types';
import { Alert } from '../../components/alert';
import { Dialog } from '../../components/dialog';
import { enrolmentError } from '../../lib/device-text';
import { on, call } from '../../lib/station';
import { useDevices } from '../../lib/use-devices';
import { PASSPORT_PRINTER_DRIVERS } from './printer-choice';

type Phase = 'serial' | 'printing' | 'printed' | 'checking' | 'qcPassed' | 'qcFailed' | 'failed';
interface Work { appointment: AppointmentRow; job: PrintJobView | null; phase: Phase }
type Note = { tone: 'ready' | 'problem' | 'info'; text: string };

export function PrintQueue() {
  const { t } = useTranslation();
  const [q, setQ] = useState<PrintQueueView | null>(null);
  const [stock, setStock] = useState<StockOverview | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [batch, setBatch] = useState<AppointmentRow[]>([]);
  const [batchTotal, setBatchTotal] = useState(0);
  const [work, setWork] = useState<Work | null>(null);
  const [serial, setSerial] = useState('');
  const [qc, setQc] = useState<QcView | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const [reason, setReason] = useState<SpoilReason>('jam');
  const serialRef = useRef<HTMLInputElement>(null);
  const printers = useDevices().filter((d) => d.kind === 'printer' && PASSPORT_PRINTER_DRIVERS.includes(d.driver));
  const [chosen, setChosen] = useState('');
  // The operator's choice while it exists; otherwise the first passport printer.
  const printerId = printers.some((p) => p.id === chosen) ? chosen : printers[0]?.id ?? '';
  const printerLabel = (id: string | null) => printers.find((p) => p.id === id)?.label ?? id ?? '';

  const load = useCallback(async () => {
    try {
      const [queue, overview] = await Promise.all([call('issuance.queue', {}), call('stock.overview', {})]);
      setQ(queue);
      setStock(overview);
    } catch (err) { setNote({ tone: 'problem', text: enrolmentError(t, err) }); }
  }, [t]);
  useEffect(() => { void load(); }, [load]);
  useEffect(() => on('queue.changed', () => { void load(); }), [load]);
  useEffect(() => { if (work?.phase === 'serial') serialRef.current?.focus(); }, [work?.phase, work?.appointment.id]);

  const fail = (err: unknown) => setNote({ tone: 'problem', text: enrolmentError(t, err) });

  /** The next application of the batch, or the end of it. */
  const nextOfBatch = (rest: AppointmentRow[]) => {
    setBatch(rest);
    setQc(null);
    setSerial('');
    if (rest[0]) setWork({ appointment: rest[0], job: null, phase: 'serial' });
    else { setWork(null); setNote({ tone: 'ready', text: t('issuance.batchDone') }); }
  };

  const startBatch = () => {
    if (!q) return;
    const rows = q.waiting.filter((w) => selected.includes(w.appointment.id)).map((w) => w.appointment);
    setSelected([]);
    setNote(null);
    setBatchTotal(rows.length);
    nextOfBatch(rows);
  };

  const print = async (e: FormEvent) => {
    e.preventDefault();
    if (!work || !serial.trim()) return;
    setNote(null);
    setWork({ ...work, phase: 'printing' });
    try {
      const job = await call('issuance.print', { appointmentId: work.appointment.id, serial: serial.trim(), ...(printerId ? { printerId } : {}) });
      setWork({ ...work, job, phase: job.state === 'printed' ? 'printed' : 'failed' });
    } catch (err) {
      fail(err);
      setWork({ ...work, phase: 'serial' });
    }
    void load();
  };

  const check = async () => {
    if (!work?.job) return;
    setWork({ ...work, phase: 'checking' });
    try {
      const r = await call('issuance.check', { jobId: work.job.id });
      setQc(r);
      setWork({ ...work, job: r.job, phase: r.passed ? 'qcPassed' : 'qcFailed' });
    } catch (err) {
      fail(err);
      setWork({ ...work, phase: 'printed' });
    }
    void load();
  };

  /** Spoiled (or back in stock): the same application waits for a new book. */
  const decide = async (spoiled: boolean, why: SpoilReason) => {
    if (!work?.job) return;
    try {
      const job = spoiled ? await call('issuance.spoil', { jobId: work.job.id, reason: why }) : await call('issuance.requeue', { jobId: work.job.id });
      setNote({ tone: 'info', text: t(spoiled ? 'issuance.spoiledDone' : 'issuance.requeuedDone', { serial: job.serial }) });
      setQc(null);
      setSerial('');
      setWork({ appointment: work.appointment, job: null, phase: 'serial' });
    } catch (err) { fail(err); }
    void load();
  };

  const resume = (j: PrintQueueView['open'][number]) => {
    setNote(null);
    setQc(null);
    const phase: Phase = j.state === 'failed' ? 'failed' : j.qcPassed === false ? 'qcFailed' : 'printed';
    setWork({ appointment: j.appointment, job: j, phase });
  };

  const seriesOf = (a: AppointmentRow) => stock?.series.filter((s) => s.passportType === a.passportType) ?? [];
  const nextSerial = (a: AppointmentRow) => stock?.next.find((n) => seriesOf(a).some((s) => s.id === n.series) && n.serials[0])?.serials[0];
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));

  return (
    <div className="print-queue" data-testid="print-queue">
      {note && <Alert tone={note.tone} testId="print-note">{note.text}</Alert>}
      {work && (
        <div className="print-work card" data-testid="print-work">
          <h2>{work.appointment.fullName} · {work.appointment.bookingCode} · {t(`passportType.${work.appointment.passportType}`)}</h2>
          {batch.length > 0 && <p className="hint" data-testid="print-batch-progress">{t('issuance.batchProgress', { n: batchTotal - batch.length + 1, total: batchTotal })}</p>}
          {work.phase === 'serial' && (
            <form className="inline-form" onSubmit={(e) => void print(e)}>
              <p>{t('issuance.loadBook', { series: seriesOf(work.appointment).map((s) => `${s.id} (${s.example})`).join(', ') })}</p>
              {nextSerial(work.appointment) && <p className="hint" data-testid="print-next-serial">{t('issuance.nextInStock', { serial: nextSerial(work.appointment) })}</p>}
              <label className="inline-field">{t('issuance.serial')}
                <input ref={serialRef} value={serial} onChange={(e) => setSerial(e.target.value)} maxLength={20} autoComplete="off" data-testid="print-serial" />
              </label>
              <button type="submit" className="btn btn-primary" disabled={!serial.trim()} data-testid="print-go">{t('issuance.print')}</button>
              {batch.length > 0 && <button type="button" className="btn" onClick={() => nextOfBatch(batch.slice(1))} data-testid="print-skip">{t('issuance.skip')}</button>}
            </form>
          )}
          {work.phase === 'printing' && <Alert tone="info" testId="print-printing">{t('issuance.printing', { serial: serial.trim().toUpperCase() })}</Alert>}
          {(work.phase === 'printed' || work.phase === 'checking') && work.job && (
            <div>
              <Alert tone="info" testId="print-printed">{t('issuance.printed', { serial: work.job.serial })}</Alert>
              {work.job.printerId && <p className="hint" data-testid="print-printed-on">{t('stockAdmin.printedOn', { printer: printerLabel(work.job.printerId) })}</p>}
              <button type="button" className="btn btn-primary" autoFocus disabled={work.phase === 'checking'} onClick={() => void check()} data-testid="print-check">
                {work.phase === 'checking' ? t('issuance.checking') : t('issuance.check')}
              </button>
            </div>
          )}
          {work.phase === 'qcPassed' && work.job && (
            <div>
              <Alert tone="ready" testId="print-qc-passed">{t('issuance.qcPassed', { serial: work.job.serial })}</Alert>
              <button type="button" className="btn btn-primary" autoFocus onClick={() => nextOfBatch(batch.slice(1))} data-testid="print-next">{t('issuance.next')}</button>
            </div>
          )}
          {work.phase === 'qcFailed' && work.job && (
            <div>
              <Alert tone="problem" testId="print-qc-failed">{t('issuance.qcFailed', { serial: work.job.serial })}</Alert>
              {qc && qc.mismatches.length > 0 && (
                <table className="table" data-testid="print-qc-mismatches">
                  <thead><tr><th>{t('issuance.field')}</th><th>{t('issuance.expected')}</th><th>{t('issuance.read')}</th></tr></thead>
                  <tbody>{qc.mismatches.map((m) => <tr key={m.field}><td>{t(`issuance.qcField.${m.field}`)}</td><td className="mono">{m.expected}</td><td className="mono">{m.read}</td></tr>)}</tbody>
                </table>
              )}
              <button type="button" className="btn btn-danger" onClick={() => void decide(true, 'qc_failed')} data-testid="print-spoil-qc">{t('issuance.spoilQc')}</button>
            </div>
          )}
        </div>
      )}
      {work?.phase === 'failed' && work.job && (
        <Dialog title={t('issuance.failedTitle')} onClose={() => undefined} testId="print-failed-dialog">
          {work.job.message && <Alert tone="problem">{t(work.job.message.key, { ...work.job.message.params, defaultValue: work.job.message.key })}</Alert>}
          <p>{t('issuance.failedQuestion', { serial: work.job.serial })}</p>
          <label className="inline-field">{t('issuance.spoilReason')}
            <select value={reason} onChange={(e) => setReason(e.target.value as SpoilReason)} data-testid="print-spoil-reason">
              {(['jam', 'misprint', 'damaged'] as const).map((r) => <option key={r} value={r}>{t(`issuance.reason.${r}`)}</option>)}
            </select>
          </label>
          <div className="actions">
            <button type="button" className="btn btn-danger" autoFocus onClick={() => void decide(true, reason)} data-testid="print-spoiled-yes">{t('issuance.spoiledYes')}</button>
            <button type="button" className="btn" onClick={() => void decide(false, reason)} data-testid="print-spoiled-no">{t('issuance.spoiledNo')}</button>
          </div>
        </Dialog>
      )}
      {q && q.open.length > 0 && (
        <>
          <h2>{t('issuance.openJobs')}</h2>
          <table className="table" data-testid="print-open-jobs">
            <tbody>
              {q.open.map((j) => (
                <tr key={j.id}>
                  <td>{j.appointment.bookingCode}</td><td>{j.appointment.fullName}</td><td className="mono">{j.serial}</td>
                  <td>{t(`issuance.jobState.${j.qcPassed === false ? 'qcFailed' : j.state}`)}</td>
                  <td><button type="button" className="btn" disabled={j.state === 'printing'} onClick={() => resume(j)} data-testid={`print-resume-${j.serial}`}>{t('issuance.select')}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <div className="heading-row">
        <h2>{t('issuance.sections.queue')}</h2>
        {printers.length > 0 && (
          <label className="inline-field">{t('stockAdmin.printer')}
            <select value={printerId} onChange={(e) => setChosen(e.target.value)} disabled={work !== null} data-testid="print-printer">
              {printers.map((p) => <option key={p.id} value={p.id}>{p.label}{p.state === 'connected' ? '' : ` — ${t(`device.state.${p.state}`, { defaultValue: p.state })}`}</option>)}
            </select>
          </label>
        )}
        <button type="button" className="btn btn-primary" disabled={selected.length === 0 || work !== null} onClick={startBatch} data-testid="print-selected">
          {t('issuance.printSelected', { count: selected.length })}
        </button>
      </div>
      {q?.waiting.length === 0 && <p>{t('issuance.queueEmpty')}</p>}
      {q && q.waiting.length > 0 && (
        <div className="table-scroll">
          <table className="table" data-testid="print-waiting">
            <thead><tr><th>{t('issuance.select')}</th><th>{t('field.bookingCode')}</th><th>{t('field.fullName')}</th><th>{t('field.passportType')}</th><th>{t('issuance.approvedAt')}</th></tr></thead>
            <tbody>
              {q.waiting.map((w) => (
                <tr key={w.appointment.id} data-testid={`print-row-${w.appointment.bookingCode}`}>
                  <td><input type="checkbox" checked={selected.includes(w.appointment.id)} onChange={() => toggle(w.appointment.id)} aria-label={w.appointment.fullName} data-testid={`print-pick-${w.appointment.bookingCode}`} /></td>
                  <td>{w.appointment.bookingCode}</td><td>{w.appointment.fullName}</td><td>{t(`passportType.${w.appointment.passportType}`)}</td>
                  <td>{new Date(w.approvedAt).toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
