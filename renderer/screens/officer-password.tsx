// Give an officer a new password (they forgot theirs). Typed twice, never shown.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { OfficerRow } from '../../electron/contract-types';
import { Alert } from '../components/alert';
import { Dialog } from '../components/dialog';
import { Field } from '../components/field';
import { Kbd } from '../components/kbd';
import { errorMessage, formMessage } from '../i18n/errors';
import { newPasswordPair } from '../lib/schemas';
import { call } from '../lib/station';

type Values = z.input<typeof newPasswordPair>;

interface Props {
  officer: OfficerRow;
  onClose: () => void;
  onDone: () => void;
}

export function OfficerPasswordDialog({ officer, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<unknown>(null);
  const { register, handleSubmit, formState: { errors, isSubmitting } } = useForm<Values>({
    resolver: zodResolver(newPasswordPair),
    defaultValues: { password: '', confirm: '' },
  });
  const msg = (m?: string): string | undefined => (m ? formMessage(t, m) : undefined);

  const submit = handleSubmit(async (v) => {
    setFailure(null);
    try {
      await call('officers.resetPassword', { id: officer.id, password: v.password });
      onDone();
    } catch (err) {
      setFailure(err);
    }
  });

  return (
    <Dialog title={t('officers.passwordTitle', { name: officer.name })} onClose={onClose} testId="officer-password">
      <form onSubmit={(e) => void submit(e)} noValidate>
        {failure !== null && <Alert tone="problem">{errorMessage(t, failure)}</Alert>}
        <Field id="reset-password" label={t('field.newPassword')} error={msg(errors.password?.message)} hint={t('hint.password')}>
          <input id="reset-password" data-testid="reset-password" type="password" autoFocus autoComplete="new-password" {...register('password')} />
        </Field>
        <Field id="reset-confirm" label={t('field.confirm')} error={msg(errors.confirm?.message)}>
          <input id="reset-confirm" data-testid="reset-confirm" type="password" autoComplete="new-password" {...register('confirm')} />
        </Field>
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={isSubmitting} data-testid="reset-submit">
            {t('officers.resetPassword')} <Kbd keys="Enter" />
          </button>
          <button type="button" className="btn" onClick={onClose}>{t('action.cancel')} <Kbd keys="Esc" /></button>
        </div>
      </form>
    </Dialog>
  );
}
