// Step 2, the applicant's identity: the booking beside what the old passport's MRZ says, and
// the value now in use. The officer corrects a field with the KTP in hand (a reason from the
// list and a sentence; the booking stays as booked, the supervisor sees each correction) and
// answers each disagreement with the old passport: correct it, or keep the KTP's value.
// Nothing to change: Enter confirms and moves on.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentView, IdentityField } from '../../../electron/contract-types';
import { Alert } from '../../components/alert';
import { Dialog } from '../../components/dialog';
import { Kbd } from '../../components/kbd';
import { call } from '../../lib/station';
import { CORRECTION_REASONS, IDENTITY_FIELDS, mrzNamePreview, type CorrectionReason } from '../../../domain/enrolment-identity';
import { identityError } from './identity-errors';
import { useDraft } from '../../lib/use-draft';

type DisagreementField = 'name' | 'birthDate' | 'sex';
const DISAGREEMENT_OF: Partial<Record<IdentityField, DisagreementField>> = { fullName: 'name', birthDate: 'birthDate', sex: 'sex' };

interface Props {
  view: EnrolmentView;
  onView: (v: EnrolmentView) => void;
  onNext: () => void;
}

export function IdentityStep({ view, onView, onNext }: Props) {
  const { t } = useTranslation();
  const id = view.identity;
  const [editing, setEditing] = useState<{ field: IdentityField; value: string } | null>(null);
  const [kept, setKept] = useState<DisagreementField[]>(id.disagreementsKept);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  // Back on "confirm" once a correction dialog has closed (the dialog hands focus back to the
  // button that opened it, so this runs after it is gone).
  useEffect(() => { if (!editing) confirmRef.current?.focus(); }, [editing]);
  const mrz = view.mrz;
  const open = id.disagreements.map((d) => d.field);

  const mrzValue = (f: IdentityField): string | null => {
    if (!mrz) return null;
    if (f === 'fullName') return [mrz.secondaryIdentifier, mrz.primaryIdentifier].filter(Boolean).join(' ');
    if (f === 'birthDate') return mrz.birthDate;
    if (f === 'sex') return mrz.sex;
    return null;
  };
  const show = (f: IdentityField, v: string | null): string => (v === null || v === '' ? '—' : f === 'sex' ? t(`sex.${v}`, { defaultValue: v }) : v);

  const confirm = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      onView(await call('enrolment.confirmIdentity', { appointmentId: view.appointment.id, keepDisagreements: kept.filter((f) => open.includes(f)) }));
      onNext();
    } catch (err) {
      setError(err);
      confirmRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const preview = mrzNamePreview(id.current.fullName);
  return (
    <div className="step identity-step" data-testid="identity-step" data-confirmed={id.confirmed ? 'yes' : 'no'}>
      <h2>{t('enrolIdentity.identity.title')}</h2>
      <p className="muted">{t('enrolIdentity.identity.intro')}</p>
      {error !== null && <Alert tone="problem" testId="identity-error">{identityError(t, error)}</Alert>}
      {id.nikWarning && <Alert tone="waiting" testId="identity-nik-warning">{t(`enrolIdentity.identity.nikWarning.${id.nikWarning}`)}</Alert>}
      <table className="compare identity-table" data-testid="identity-table">
        <thead>
          <tr>
            <th scope="col">{t('enrolIdentity.identity.field')}</th>
            <th scope="col">{t('enrolIdentity.identity.booked')}</th>
            <th scope="col">{t('enrolIdentity.identity.onPassport')}</th>
            <th scope="col">{t('enrolIdentity.identity.now')}</th>
            <th scope="col"><span className="sr-only">{t('enrolIdentity.identity.correct')}</span></th>
          </tr>
        </thead>
        <tbody>
          {IDENTITY_FIELDS.map((f) => {
            const corrected = id.current[f] !== id.booked[f];
            const dis = DISAGREEMENT_OF[f];
            const disagrees = dis !== undefined && open.includes(dis);
            return (
              <tr key={f} data-testid={`identity-row-${f}`} data-corrected={corrected ? 'yes' : 'no'} data-disagrees={disagrees ? 'yes' : 'no'}>
                <th scope="row">{t(`field.${f}`)}</th>
                <td className="mono">{show(f, id.booked[f])}</td>
                <td className={`mono${disagrees ? ' tone-problem' : ''}`}>{disagrees && <span aria-hidden="true">? </span>}{show(f, mrzValue(f))}</td>
                <td className="mono" data-testid={`identity-now-${f}`}>
                  {corrected && <span className="badge tone-problem" title={t('enrolIdentity.identity.correctedHint')}>✎</span>} {show(f, id.current[f])}
                  {f === 'fullName' && (
                    <div className="mrz-name-preview" data-testid="identity-mrz-name" data-truncated={preview.truncated ? 'yes' : 'no'}>
                      <span className="muted">{t('enrolIdentity.identity.mrzName')}</span> <code>{preview.field}</code>
                      {preview.truncated && <span className="tone-problem"> {t('enrolIdentity.identity.truncated')}</span>}
                    </div>
                  )}
                </td>
                <td>
                  <button type="button" className="btn btn-small" data-testid={`identity-edit-${f}`} onClick={() => setEditing({ field: f, value: id.current[f] })}>
                    {t('enrolIdentity.identity.correct')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {open.length > 0 && (
        <div className="questions" data-testid="identity-disagreements">
          <h3>{t('enrolIdentity.identity.disagreementsTitle')}</h3>
          <ul>
            {open.map((f) => (
              <li key={f} data-testid={`identity-disagreement-${f}`}>
                <label className="inline-field">
                  <input
                    type="checkbox" checked={kept.includes(f)} data-testid={`identity-keep-${f}`}
                    onChange={(e) => setKept((k) => (e.target.checked ? [...k, f] : k.filter((x) => x !== f)))}
                  />
                  {t('enrolIdentity.identity.keep', { field: t(`enrolIdentity.disagreement.${f}`) })}
                </label>
                {' '}
                <button
                  type="button" className="btn btn-small" data-testid={`identity-take-${f}`}
                  onClick={() => { const field = f === 'name' ? 'fullName' : f; setEditing({ field, value: mrzValue(field) ?? '' }); }}
                >
                  {t('enrolIdentity.identity.takeFromPassport')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {id.corrections.length > 0 && (
        <ul className="corrections" data-testid="identity-corrections">
          {id.corrections.map((c, i) => (
            <li key={i} data-field={c.field}>
              {t('enrolIdentity.identity.correctionLine', {
                field: t(`field.${c.field}`), before: show(c.field, c.before), after: show(c.field, c.after),
                reason: t(`enrolIdentity.reason.${c.reason}`), text: c.reasonText,
              })}
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button ref={confirmRef} type="button" className="btn btn-primary" autoFocus disabled={busy} onClick={() => void confirm()} data-testid="identity-confirm">
          {t('enrolIdentity.identity.confirm')} <Kbd keys="Enter" />
        </button>
      </div>
      {editing && (
        <CorrectionDialog
          view={view} field={editing.field} initial={editing.value}
          onClose={() => setEditing(null)}
          onSaved={(v) => { onView(v); setEditing(null); }}
        />
      )}
    </div>
  );
}

function CorrectionDialog({ view, field, initial, onClose, onSaved }: {
  view: EnrolmentView; field: IdentityField; initial: string; onClose: () => void; onSaved: (v: EnrolmentView) => void;
}) {
  const { t } = useTranslation();
  // What is typed (the new value, the reason's sentence) is a draft while typed: Esc closes
  // the dialog, and opening it again for the same field brings the text back.
  const valueDraft = useDraft(view.appointment.id, `correction.${field}.value`, initial);
  const textDraft = useDraft(view.appointment.id, `correction.${field}.text`);
  const value = valueDraft.text;
  const setValue = valueDraft.setText;
  const text = textDraft.text;
  const setText = textDraft.setText;
  const [reason, setReason] = useState<CorrectionReason | ''>('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const before = view.identity.current[field];

  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!reason) { setError(new Error('reason')); return; }
    setBusy(true);
    setError(null);
    try {
      const v = await call('enrolment.correct', { appointmentId: view.appointment.id, field, value, reason, reasonText: text });
      void valueDraft.clear();
      void textDraft.clear();
      onSaved(v);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const preview = field === 'fullName' ? mrzNamePreview(value) : null;
  return (
    <Dialog title={t('enrolIdentity.correction.title', { field: t(`field.${field}`) })} onClose={onClose} testId="correction-dialog">
      <form onSubmit={(e) => void save(e)} noValidate>
        <p className="muted">{t('enrolIdentity.correction.before', { value: before })}</p>
        <div className="field">
          <label htmlFor="correction-value">{t('enrolIdentity.correction.after')}</label>
          {field === 'sex' ? (
            <select id="correction-value" autoFocus value={value} onChange={(e) => setValue(e.target.value)} data-testid="correction-value">
              <option value="M">{t('sex.M')}</option>
              <option value="F">{t('sex.F')}</option>
            </select>
          ) : (
            <input
              id="correction-value" autoFocus autoComplete="off" spellCheck={false} value={value} maxLength={200}
              onChange={(e) => setValue(e.target.value)} data-testid="correction-value"
              placeholder={field === 'birthDate' ? 'YYYY-MM-DD' : undefined} inputMode={field === 'nik' ? 'numeric' : undefined}
            />
          )}
          {preview && (
            <div className="field-hint" data-testid="correction-mrz-name" data-truncated={preview.truncated ? 'yes' : 'no'}>
              {t('enrolIdentity.identity.mrzName')} <code>{preview.field}</code>
              {preview.truncated && <span className="tone-problem"> {t('enrolIdentity.identity.truncated')}</span>}
              {preview.badChar && <span className="tone-problem"> {t('enrolIdentity.identity.badChar', { char: preview.badChar })}</span>}
            </div>
          )}
        </div>
        <div className="field">
          <label htmlFor="correction-reason">{t('enrolIdentity.correction.reason')}</label>
          <select id="correction-reason" value={reason} onChange={(e) => setReason(e.target.value as CorrectionReason)} data-testid="correction-reason">
            <option value="">{t('enrolIdentity.correction.choose')}</option>
            {CORRECTION_REASONS.map((r) => <option key={r} value={r}>{t(`enrolIdentity.reason.${r}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="correction-text">{t('enrolIdentity.correction.text')}</label>
          <input id="correction-text" value={text} maxLength={300} onChange={(e) => setText(e.target.value)} data-testid="correction-text" />
        </div>
        {error !== null && (
          <Alert tone="problem" testId="correction-error">
            {error instanceof Error && error.message === 'reason' ? t('enrolIdentity.correction.reasonMissing') : identityError(t, error)}
          </Alert>
        )}
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="correction-save">{t('enrolIdentity.correction.save')} <Kbd keys="Enter" /></button>
          <button type="button" className="btn" onClick={onClose}>{t('enrolIdentity.correction.cancel')} <Kbd keys="Esc" /></button>
        </div>
      </form>
    </Dialog>
  );
}
