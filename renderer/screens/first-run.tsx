// The very first start of a station: nobody can log in yet, so the first administrator is
// created here. The station refuses this once an administrator exists.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { SessionInfo, SetupStatus } from '../../electron/contract-types';
import { Alert } from '../components/alert';
import { Field } from '../components/field';
import { Kbd } from '../components/kbd';
import { LanguageToggle } from '../components/language-toggle';
import { errorField, errorMessage, formMessage } from '../i18n/errors';
import { nameField, newPasswordPair, nipField } from '../lib/schemas';
import { call } from '../lib/station';
import { useLoginLanguage } from '../lib/use-login-language';

const schema = z.object({ name: nameField, nip: nipField }).and(newPasswordPair);
type Values = z.input<typeof schema>;

interface Props {
  setup: SetupStatus;
  onDone: (s: SessionInfo) => void;
}

export function FirstRunScreen({ setup, onDone }: Props) {
  const { t } = useTranslation();
  const toggleLanguage = useLoginLanguage();
  const [failure, setFailure] = useState<unknown>(null);
  const { register, handleSubmit, setError, setFocus, formState: { errors, isSubmitting } } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { name: '', nip: '', password: '', confirm: '' },
    shouldFocusError: true,
  });
  const msg = (m?: string): string | undefined => (m ? formMessage(t, m) : undefined);

  const submit = handleSubmit(async (v) => {
    setFailure(null);
    try {
      onDone(await call('setup.createFirstAdmin', { name: v.name.trim(), nip: v.nip.trim(), password: v.password }));
    } catch (err) {
      const field = errorField(err);
      if (field === 'name' || field === 'nip' || field === 'password') {
        setError(field, { type: 'server', message: errorMessage(t, err) });
        setFocus(field);
      } else {
        setFailure(err);
      }
    }
  });

  return (
    <main className="center-screen">
      <form className="card card-narrow" onSubmit={(e) => void submit(e)} data-testid="first-run-form" noValidate>
        <h1>{t('firstRun.title')}</h1>
        <p>{t('firstRun.intro')}</p>
        <p className="muted">{t('firstRun.station', { station: setup.stationId, version: setup.version })}</p>
        {failure !== null && <Alert tone="problem" testId="first-run-error">{errorMessage(t, failure)}</Alert>}
        <Field id="setup-name" label={t('field.name')} error={msg(errors.name?.message)}>
          <input id="setup-name" data-testid="setup-name" autoFocus autoComplete="name" {...register('name')} />
        </Field>
        <Field id="setup-nip" label={t('field.nip')} error={msg(errors.nip?.message)} hint={t('hint.nip')}>
          <input id="setup-nip" data-testid="setup-nip" inputMode="numeric" autoComplete="username" {...register('nip')} />
        </Field>
        <Field id="setup-password" label={t('field.password')} error={msg(errors.password?.message)} hint={t('hint.password')}>
          <input id="setup-password" data-testid="setup-password" type="password" autoComplete="new-password" {...register('password')} />
        </Field>
        <Field id="setup-confirm" label={t('field.confirm')} error={msg(errors.confirm?.message)}>
          <input id="setup-confirm" data-testid="setup-confirm" type="password" autoComplete="new-password" {...register('confirm')} />
        </Field>
        <button type="submit" className="btn btn-primary btn-block" disabled={isSubmitting} data-testid="setup-submit">
          {t('firstRun.submit')} <Kbd keys="Enter" />
        </button>
        <div className="form-foot"><LanguageToggle onSwitch={toggleLanguage} /></div>
      </form>
    </main>
  );
}
