// Settings → Receipts (administrators): what the applicant's receipt says about the office —
// its name and address, the hours for collecting the passport — and how the collection date
// is counted: so many working days after the interview, over the days the office is closed
// (the weekdays it does not open, national holidays, collective leave if it closes then, its
// own closures). The station answers each save with the date a receipt printed today gives.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiptSettingsView } from '../../../electron/receipt-settings-types';
import { Alert } from '../../components/alert';
import { enrolmentError } from '../../lib/device-text';
import { call } from '../../lib/station';

type Note = { tone: 'ready' | 'problem'; text: string };
interface Form {
  officeName: string; officeAddress: string; collectionWorkingDays: string; hours: string;
  closedWeekdays: number[]; closedOnCollectiveLeave: boolean; extraClosedDates: string[];
}

/** Monday first, as an Indonesian office week is read; 0 = Sunday as the station counts. */
const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

const toForm = (v: ReceiptSettingsView): Form => ({
  officeName: v.officeName, officeAddress: v.officeAddress, collectionWorkingDays: String(v.collectionWorkingDays), hours: v.collectionHours.join('\n'),
  closedWeekdays: v.closedWeekdays, closedOnCollectiveLeave: v.closedOnCollectiveLeave, extraClosedDates: v.extraClosedDates,
});

export function ReceiptSettingsPanel() {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<ReceiptSettingsView | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [newDate, setNewDate] = useState('');
  const [note, setNote] = useState<Note | null>(null);
  const [busy, setBusy] = useState(false);

  const show = (v: ReceiptSettingsView) => { setView(v); setForm(toForm(v)); };
  useEffect(() => { call('receipts.settings', {}).then(show, (err: unknown) => setNote({ tone: 'problem', text: enrolmentError(t, err) })); }, [t]);

  const day = (iso: string) => new Date(`${iso}T12:00:00`).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'id-ID', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const weekdayName = (d: number) => new Date(Date.UTC(2026, 1, 1 + d)).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'id-ID', { weekday: 'short', timeZone: 'UTC' });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!form) return;
    const days = Number(form.collectionWorkingDays);
    const hours = form.hours.split('\n').map((h) => h.trim()).filter(Boolean);
    // The same limits as the contract, said before the station says them.
    if (!Number.isInteger(days) || days < 0 || days > 60) { setNote({ tone: 'problem', text: t('stockAdmin.workingDaysRange') }); return; }
    if (hours.length < 1 || hours.length > 4) { setNote({ tone: 'problem', text: t('stockAdmin.hoursCount') }); return; }
    if (form.closedWeekdays.length >= 7) { setNote({ tone: 'problem', text: t('error.reason.office_never_open') }); return; }
    setBusy(true);
    try {
      show(await call('receipts.setSettings', {
        officeName: form.officeName, officeAddress: form.officeAddress, collectionWorkingDays: days, collectionHours: hours,
        closedWeekdays: form.closedWeekdays, closedOnCollectiveLeave: form.closedOnCollectiveLeave, extraClosedDates: form.extraClosedDates,
      }));
      setNote({ tone: 'ready', text: t('stockAdmin.receiptSaved') });
    } catch (err) {
      setNote({ tone: 'problem', text: enrolmentError(t, err) });
    } finally { setBusy(false); }
  };

  const set = (patch: Partial<Form>) => setForm((f) => f && { ...f, ...patch });
  const addDate = () => {
    if (!form || !ISO.test(newDate)) return;
    set({ extraClosedDates: [...new Set([...form.extraClosedDates, newDate])].sort() });
    setNewDate('');
  };

  return (
    <section className="receipt-settings-panel" data-testid="receipt-settings-panel" aria-labelledby="receipt-settings-title">
      <h2 id="receipt-settings-title">{t('stockAdmin.receiptTitle')}</h2>
      {note && <Alert tone={note.tone} testId="receipt-settings-message">{note.text}</Alert>}
      {form && view && (
        <form onSubmit={(e) => void save(e)} data-testid="receipt-settings-form">
          <label className="inline-field">{t('stockAdmin.officeName')}
            <input value={form.officeName} onChange={(e) => set({ officeName: e.target.value })} required minLength={3} maxLength={80} data-testid="receipt-office-name" />
          </label>
          <label className="inline-field">{t('stockAdmin.officeAddress')}
            <input value={form.officeAddress} onChange={(e) => set({ officeAddress: e.target.value })} maxLength={160} data-testid="receipt-office-address" />
          </label>
          <label className="inline-field">{t('stockAdmin.collectionHours')}
            <textarea rows={2} value={form.hours} onChange={(e) => set({ hours: e.target.value })} data-testid="receipt-hours" />
          </label>
          <label className="inline-field">{t('stockAdmin.workingDays')}
            <input type="number" inputMode="numeric" min={0} max={60} value={form.collectionWorkingDays} onChange={(e) => set({ collectionWorkingDays: e.target.value })} data-testid="receipt-working-days" />
          </label>
          <fieldset className="weekday-choice" data-testid="receipt-closed-weekdays">
            <legend>{t('stockAdmin.closedWeekdays')}</legend>
            {WEEK.map((d) => (
              <label key={d}>
                <input type="checkbox" checked={form.closedWeekdays.includes(d)} data-testid={`receipt-closed-${d}`}
                  onChange={(e) => set({ closedWeekdays: e.target.checked ? [...form.closedWeekdays, d].sort() : form.closedWeekdays.filter((x) => x !== d) })} />
                {' '}{weekdayName(d)}
              </label>
            ))}
          </fieldset>
          <label>
            <input type="checkbox" checked={form.closedOnCollectiveLeave} onChange={(e) => set({ closedOnCollectiveLeave: e.target.checked })} data-testid="receipt-collective-leave" />
            {' '}{t('stockAdmin.collectiveLeave')}
          </label>
          <div className="inline-form">
            <label className="inline-field">{t('stockAdmin.ownClosure')}
              <input type="date" value={newDate} onChange={(e) => setNewDate(e.target.value)} data-testid="receipt-closed-date" />
            </label>
            <button type="button" className="btn" disabled={!ISO.test(newDate)} onClick={addDate} data-testid="receipt-closed-add">{t('stockAdmin.addClosure')}</button>
          </div>
          {form.extraClosedDates.length > 0 && (
            <ul data-testid="receipt-closed-dates">
              {form.extraClosedDates.map((d) => (
                <li key={d}>{day(d)} <button type="button" className="btn btn-quiet" onClick={() => set({ extraClosedDates: form.extraClosedDates.filter((x) => x !== d) })}>{t('stockAdmin.removeClosure')}</button></li>
              ))}
            </ul>
          )}
          <p data-testid="receipt-preview">
            {t('stockAdmin.preview', { interview: day(view.preview.interviewDate), collection: day(view.preview.collectionDate), count: view.collectionWorkingDays })}
            {view.preview.skipped.length > 0 && ` ${t('stockAdmin.previewSkipped', { dates: view.preview.skipped.map((s) => (s.name ? `${s.date} (${s.name})` : s.date)).join(', ') })}`}
          </p>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="receipt-settings-save">{t('action.save')}</button>
        </form>
      )}
    </section>
  );
}
