// Step 3, the passport and the interview: type, validity (from the rules at today's date —
// where it differs from what was booked and paid for, both are shown and the supervisor
// sees it), the fee from the rules file, the payment with its billing code, and the purpose
// of travel with the officer's notes. An unpaid applicant goes on only with a supervisor's
// override, typed here (NIP, password, reason) and checked by the station. Enter saves.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentView } from '../../../electron/contract-types';
import type { ServiceRules } from '../../../domain/service-rules';
import { feeLines, maxValidityYears, total } from '../../../domain/service-rules';
import { localDate } from '../../../domain/dates';
import { PASSPORT_TYPES, type Service } from '../../../domain/catalog';
import { TRAVEL_PURPOSES, type TravelPurpose } from '../../../domain/enrolment-identity';
import { Alert } from '../../components/alert';
import { Dialog } from '../../components/dialog';
import { Kbd } from '../../components/kbd';
import { call } from '../../lib/station';
import { usePasswordAttempt } from '../../lib/use-password-attempt';
import { identityError } from './identity-errors';
import { useDraft } from '../../lib/use-draft';
import { DraftRestored } from '../../components/draft-restored';

interface Props {
  view: EnrolmentView;
  onView: (v: EnrolmentView) => void;
  onNext: () => void;
}

const rupiah = (n: number): string => `Rp ${n.toLocaleString('id-ID')}`;

export function DetailsStep({ view, onView, onNext }: Props) {
  const { t } = useTranslation();
  const d = view.details;
  const a = view.appointment;
  const [passportType, setPassportType] = useState(d.chosen?.passportType ?? a.passportType);
  const [married, setMarried] = useState(d.chosen?.married ?? false);
  const [sameDay, setSameDay] = useState(d.chosen?.sameDay ?? false);
  const [purpose, setPurpose] = useState<TravelPurpose | ''>(d.chosen?.travelPurpose ?? '');
  // The notes are typed text: kept as a draft while typed, until the details are saved.
  const notesDraft = useDraft(a.id, 'details.notes', d.chosen?.notes ?? '');
  const notes = notesDraft.text;
  const [rules, setRules] = useState<ServiceRules | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [overriding, setOverriding] = useState(false);
  const purposeRef = useRef<HTMLSelectElement>(null);
  const saveRef = useRef<HTMLButtonElement>(null);

  useEffect(() => { call('rules.current', {}).then(setRules, () => undefined); }, []);
  useEffect(() => { (purpose ? saveRef : purposeRef).current?.focus(); }, []);
  // After the override dialog (it hands focus back to its opener): on "save".
  const wasOverriding = useRef(false);
  useEffect(() => {
    if (wasOverriding.current && !overriding) saveRef.current?.focus();
    wasOverriding.current = overriding;
  }, [overriding]);

  // The screen shows what the station will compute with the same rules; the station's
  // answer (after saving) is the one kept.
  const years = rules ? maxValidityYears(rules, { birthDate: view.identity.current.birthDate, married }, localDate(new Date())) : d.validityYears;
  const lines = rules ? feeLines(rules, { passportType, years, service: a.service as Service, sameDay }) : d.fee.lines;
  const fee = total(lines);

  const save = async (e?: FormEvent): Promise<void> => {
    e?.preventDefault();
    if (!purpose) { setError(new Error('purpose')); purposeRef.current?.focus(); return; }
    setBusy(true);
    setError(null);
    try {
      onView(await call('enrolment.saveDetails', { appointmentId: a.id, passportType, married, sameDay, travelPurpose: purpose, notes }));
      void notesDraft.settle();
      onNext();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  // Enter anywhere but the notes saves and moves on (the notes take new lines; Ctrl+Enter saves).
  const onKey = (e: KeyboardEvent<HTMLFormElement>): void => {
    if (e.key !== 'Enter' || e.shiftKey) return;
    const inNotes = (e.target as HTMLElement).tagName === 'TEXTAREA';
    if (inNotes && !e.ctrlKey) return;
    if ((e.target as HTMLElement).tagName === 'BUTTON' && !inNotes) return;
    e.preventDefault();
    void save();
  };

  const pay = d.payment;
  return (
    <div className="step details-step" data-testid="details-step">
      <form onSubmit={(e) => void save(e)} onKeyDown={onKey} noValidate>
        <h2>{t('enrolIdentity.details.title')}</h2>
        {error !== null && <Alert tone="problem" testId="details-error">{error instanceof Error && error.message === 'purpose' ? t('enrolIdentity.details.purposeMissing') : identityError(t, error)}</Alert>}
        <div className="details-grid">
          <fieldset>
            <legend>{t('field.passportType')}</legend>
            {PASSPORT_TYPES.map((p) => (
              <label key={p} className="choice">
                <input type="radio" name="passportType" value={p} checked={passportType === p} onChange={() => setPassportType(p)} data-testid={`details-type-${p}`} />
                {t(`passportType.${p}`)}
              </label>
            ))}
            {passportType !== a.passportType && <p className="field-hint tone-problem" data-testid="details-type-changed">{t('enrolIdentity.details.typeChanged', { booked: t(`passportType.${a.passportType}`) })}</p>}
            <label className="choice">
              <input type="checkbox" checked={married} onChange={(e) => setMarried(e.target.checked)} data-testid="details-married" />
              {t('enrolIdentity.details.married')}
            </label>
            <label className="choice">
              <input type="checkbox" checked={sameDay} onChange={(e) => setSameDay(e.target.checked)} data-testid="details-same-day" />
              {t('enrolIdentity.details.sameDay')}
            </label>
          </fieldset>
          <div data-testid="details-validity" data-years={years} data-booked-years={d.bookedValidityYears}>
            <h3>{t('enrolIdentity.details.validity')}</h3>
            <p><strong>{t('enrolIdentity.details.years', { n: years })}</strong></p>
            {years !== d.bookedValidityYears && (
              <Alert tone="waiting" testId="details-validity-differs">
                {t('enrolIdentity.details.validityDiffers', { booked: d.bookedValidityYears, now: years })}
              </Alert>
            )}
            <table className="compare fee-table" data-testid="details-fee">
              <tbody>
                {lines.map((l) => <tr key={l.item}><th scope="row">{t(`enrolIdentity.details.feeItem.${l.item}`)}</th><td className="mono">{rupiah(l.amount)}</td></tr>)}
                <tr><th scope="row">{t('enrolIdentity.details.total')}</th><td className="mono" data-testid="details-fee-total" data-amount={fee}><strong>{rupiah(fee)}</strong></td></tr>
              </tbody>
            </table>
            {fee !== d.bookedFee && <p className="field-hint" data-testid="details-fee-booked">{t('enrolIdentity.details.bookedFee', { amount: rupiah(d.bookedFee) })}</p>}
          </div>
          <div data-testid="details-payment" data-status={pay.status} data-override={pay.override ? 'yes' : 'no'}>
            <h3>{t('enrolIdentity.details.payment')}</h3>
            <p>{t(`enrolIdentity.details.paymentStatus.${pay.status}`)}</p>
            <p className="mono" data-testid="details-billing-code">{t('field.billingCode')}: {pay.billingCode || '—'}</p>
            {pay.status === 'unpaid' && !pay.override && (
              <>
                <Alert tone="waiting" testId="details-unpaid">{t('enrolIdentity.details.unpaid')}</Alert>
                <button type="button" className="btn" onClick={() => setOverriding(true)} data-testid="details-override">{t('enrolIdentity.override.open')}</button>
              </>
            )}
            {pay.override && (
              <Alert tone="ready" testId="details-overridden">
                {t('enrolIdentity.details.overridden', { name: pay.override.supervisorName, reason: pay.override.reason })}
              </Alert>
            )}
          </div>
        </div>
        <fieldset className="interview">
          <legend>{t('enrolIdentity.details.interview')}</legend>
          <div className="field">
            <label htmlFor="details-purpose">{t('enrolIdentity.details.purpose')}</label>
            <select id="details-purpose" ref={purposeRef} value={purpose} onChange={(e) => setPurpose(e.target.value as TravelPurpose)} data-testid="details-purpose">
              <option value="">{t('enrolIdentity.details.choosePurpose')}</option>
              {TRAVEL_PURPOSES.map((p) => <option key={p} value={p}>{t(`enrolIdentity.purpose.${p}`)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="details-notes">{t('enrolIdentity.details.notes')}</label>
            <textarea id="details-notes" rows={2} maxLength={1000} value={notes} onChange={(e) => notesDraft.setText(e.target.value)} data-testid="details-notes" />
            {notesDraft.restoredAt && <DraftRestored at={notesDraft.restoredAt} />}
          </div>
        </fieldset>
        <div className="actions">
          <button ref={saveRef} type="submit" className="btn btn-primary" disabled={busy} data-testid="details-save">
            {t('enrolIdentity.details.save')} <Kbd keys="Enter" />
          </button>
        </div>
      </form>
      {overriding && (
        <OverrideDialog view={view} onClose={() => setOverriding(false)} onDone={(v) => { onView(v); setOverriding(false); }} />
      )}
    </div>
  );
}

/** The supervisor, at this counter, lets an unpaid applicant go on: NIP, password, reason. */
function OverrideDialog({ view, onClose, onDone }: { view: EnrolmentView; onClose: () => void; onDone: (v: EnrolmentView) => void }) {
  const { t } = useTranslation();
  const [nip, setNip] = useState('');
  const [password, setPassword] = useState('');
  // The reason is typed text: a draft while typed (the password never is).
  const reasonDraft = useDraft(view.appointment.id, 'override.reason');
  const reason = reasonDraft.text;
  const setReason = reasonDraft.setText;
  const { busy, error, attempt } = usePasswordAttempt(setPassword);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    e.stopPropagation();
    await attempt(async () => {
      const v = await call('enrolment.overridePayment', { appointmentId: view.appointment.id, nip, password, reason });
      void reasonDraft.settle();
      onDone(v);
    });
  };
  return (
    <Dialog title={t('enrolIdentity.override.title')} onClose={onClose} testId="override-dialog">
      <div>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <p className="muted">{t('enrolIdentity.override.intro')}</p>
          <div className="field">
            <label htmlFor="override-nip">{t('enrolIdentity.override.nip')}</label>
            <input id="override-nip" autoFocus inputMode="numeric" autoComplete="off" value={nip} onChange={(e) => setNip(e.target.value)} data-testid="override-nip" />
          </div>
          <div className="field">
            <label htmlFor="override-password">{t('field.password')}</label>
            <input id="override-password" type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} data-testid="override-password" />
          </div>
          <div className="field">
            <label htmlFor="override-reason">{t('enrolIdentity.override.reason')}</label>
            <input id="override-reason" maxLength={300} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="override-reason" />
          </div>
          {error !== null && <Alert tone="problem" testId="override-error">{identityError(t, error)}</Alert>}
          <div className="actions">
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="override-submit">{t('enrolIdentity.override.submit')} <Kbd keys="Enter" /></button>
            <button type="button" className="btn" onClick={onClose}>{t('enrolIdentity.correction.cancel')} <Kbd keys="Esc" /></button>
          </div>
        </form>
      </div>
    </Dialog>
  );
}
