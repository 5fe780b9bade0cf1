// Add an applicant who came without an appointment. The form is checked as the officer
// types; what the station still refuses comes back with its field and is shown beside it.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../electron/contract';
import { Alert } from '../components/alert';
import { Dialog } from '../components/dialog';
import { Field } from '../components/field';
import { Kbd } from '../components/kbd';
import { errorField, errorMessage, formMessage } from '../i18n/errors';
import { NEW_SERVICE, PASSPORT_TYPES, PRIORITY_FLAGS, REPLACEMENT_SERVICES, SEXES } from '../../domain/catalog';
import { useSession } from '../lib/session';
import { call } from '../lib/station';
import { useHotkeys } from '../lib/use-hotkeys';
import { emptyWalkIn, walkInResolver, type WalkInValues } from './walk-in-schema';

type WalkIn = MethodInput<'queue.addWalkIn'>;
const FIELDS = ['nik', 'fullName', 'birthPlace', 'birthDate', 'sex', 'service', 'passportType', 'phone', 'priority'] as const;
type FieldName = (typeof FIELDS)[number];
const isField = (f: string | null): f is FieldName => f !== null && (FIELDS as readonly string[]).includes(f);

interface Props {
  onDone: () => void;
  onBack: () => void;
}

export function WalkInScreen({ onDone, onBack }: Props) {
  const { t } = useTranslation();
  const { session, notify } = useSession();
  const [failure, setFailure] = useState<unknown>(null);
  const [leaving, setLeaving] = useState(false);
  const { register, handleSubmit, setError, setFocus, formState: { errors, isSubmitting, isDirty } } = useForm<WalkInValues>({
    resolver: walkInResolver,
    defaultValues: emptyWalkIn,
    shouldFocusError: true,
  });
  const msg = (m?: string): string | undefined => (m ? formMessage(t, m) : undefined);

  const submit = handleSubmit(async (v) => {
    setFailure(null);
    const input: WalkIn = {
      nik: v.nik.trim(),
      fullName: v.fullName.trim(),
      birthPlace: v.birthPlace.trim(),
      birthDate: v.birthDate,
      sex: v.sex as WalkIn['sex'],
      service: v.service as WalkIn['service'],
      passportType: v.passportType as WalkIn['passportType'],
      phone: v.phone.trim(),
      priority: v.priority,
    };
    try {
      const row = await call('queue.addWalkIn', input);
      notify({ tone: 'ready', text: t('walkIn.added', { name: row.fullName, code: row.bookingCode }) });
      onDone();
    } catch (err) {
      const field = errorField(err);
      if (isField(field)) {
        setError(field, { type: 'server', message: errorMessage(t, err) });
        setFocus(field);
      } else {
        setFailure(err);
      }
    }
  });

  // Esc leaves the screen; a half-typed applicant is not thrown away without asking.
  useHotkeys({ Escape: () => (isDirty ? setLeaving(true) : onBack()) }, session.state === 'active');

  return (
    <section className="card">
      <h1>{t('walkIn.title')}</h1>
      <p className="muted">{t('walkIn.intro')}</p>
      {failure !== null && <Alert tone="problem" testId="walkin-error">{errorMessage(t, failure)}</Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="walkin-form" className="form-grid">
        <Field id="walkin-nik" label={t('field.nik')} error={msg(errors.nik?.message)} hint={t('hint.nik')}>
          <input id="walkin-nik" data-testid="walkin-nik" inputMode="numeric" maxLength={16} autoFocus autoComplete="off" {...register('nik')} />
        </Field>
        <Field id="walkin-fullName" label={t('field.fullName')} error={msg(errors.fullName?.message)}>
          <input id="walkin-fullName" data-testid="walkin-fullName" autoComplete="off" {...register('fullName')} />
        </Field>
        <Field id="walkin-birthPlace" label={t('field.birthPlace')} error={msg(errors.birthPlace?.message)}>
          <input id="walkin-birthPlace" data-testid="walkin-birthPlace" autoComplete="off" {...register('birthPlace')} />
        </Field>
        <Field id="walkin-birthDate" label={t('field.birthDate')} error={msg(errors.birthDate?.message)}>
          <input id="walkin-birthDate" data-testid="walkin-birthDate" type="date" {...register('birthDate')} />
        </Field>
        <fieldset className={`field choice${errors.sex ? ' field-invalid' : ''}`}>
          <legend>{t('field.sex')}</legend>
          {SEXES.map((s) => (
            <label key={s} className="choice-item">
              <input type="radio" value={s} data-testid={`walkin-sex-${s}`} {...register('sex')} /> {t(`sex.${s}`)}
            </label>
          ))}
          {errors.sex && <div className="field-error" role="alert">⚠ {msg(errors.sex.message)}</div>}
        </fieldset>
        <Field id="walkin-service" label={t('field.service')} error={msg(errors.service?.message)}>
          <select id="walkin-service" data-testid="walkin-service" {...register('service')}>
            <option value="">{t('walkIn.chooseService')}</option>
            <option value={NEW_SERVICE}>{t(`service.${NEW_SERVICE}`)}</option>
            <optgroup label={t('service.replacement')}>
              {REPLACEMENT_SERVICES.map((s) => <option key={s} value={s}>{t(`service.${s}`)}</option>)}
            </optgroup>
          </select>
        </Field>
        <fieldset className={`field choice${errors.passportType ? ' field-invalid' : ''}`}>
          <legend>{t('field.passportType')}</legend>
          {PASSPORT_TYPES.map((p) => (
            <label key={p} className="choice-item">
              <input type="radio" value={p} data-testid={`walkin-type-${p}`} {...register('passportType')} /> {t(`passportType.${p}`)}
            </label>
          ))}
          {errors.passportType && <div className="field-error" role="alert">⚠ {msg(errors.passportType.message)}</div>}
        </fieldset>
        <Field id="walkin-phone" label={t('field.phone')} error={msg(errors.phone?.message)} hint={t('hint.phone')}>
          <input id="walkin-phone" data-testid="walkin-phone" type="tel" autoComplete="off" {...register('phone')} />
        </Field>
        <fieldset className="field choice form-wide">
          <legend>{t('field.priority')}</legend>
          {PRIORITY_FLAGS.map((f) => (
            <label key={f} className="choice-item">
              <input type="checkbox" value={f} data-testid={`walkin-priority-${f}`} {...register('priority')} /> {t(`priority.${f}`)}
            </label>
          ))}
        </fieldset>
        <div className="actions form-wide actions-sticky">
          <button type="submit" className="btn btn-primary" disabled={isSubmitting} data-testid="walkin-submit">
            {t('walkIn.submit')} <Kbd keys="Enter" />
          </button>
          <button type="button" className="btn" onClick={() => (isDirty ? setLeaving(true) : onBack())}>
            {t('action.back')} <Kbd keys="Esc" />
          </button>
        </div>
      </form>
      {leaving && (
        <Dialog title={t('walkIn.discardTitle')} onClose={() => setLeaving(false)} testId="walkin-discard">
          <p>{t('walkIn.discardText')}</p>
          <div className="actions">
            <button type="button" className="btn" autoFocus onClick={() => setLeaving(false)}>{t('walkIn.keepEditing')} <Kbd keys="Esc" /></button>
            <button type="button" className="btn btn-danger" onClick={onBack} data-testid="walkin-discard-confirm">{t('walkIn.discard')}</button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
