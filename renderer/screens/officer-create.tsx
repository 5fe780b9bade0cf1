// Add an officer: name, NIP, a first password typed twice, and one or more roles.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { OfficerRow } from '../../electron/contract-types';
import { Alert } from '../components/alert';
import { Dialog } from '../components/dialog';
import { Field } from '../components/field';
import { Kbd } from '../components/kbd';
import { RoleCheckboxes } from '../components/role-checkboxes';
import { errorField, errorMessage, formMessage } from '../i18n/errors';
import { ROLES } from '../../domain/catalog';
import { nameField, newPasswordPair, nipField } from '../lib/schemas';
import { call } from '../lib/station';

const schema = z.object({
  name: nameField,
  nip: nipField,
  roles: z.array(z.enum(ROLES)).min(1, 'validation.roles'),
}).and(newPasswordPair);
type Values = z.input<typeof schema>;

interface Props {
  onClose: () => void;
  onCreated: (o: OfficerRow) => void;
}

export function OfficerCreateDialog({ onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<unknown>(null);
  const { register, handleSubmit, setError, setFocus, formState: { errors, isSubmitting } } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { name: '', nip: '', password: '', confirm: '', roles: ['counter'] },
  });
  const msg = (m?: string): string | undefined => (m ? formMessage(t, m) : undefined);

  const submit = handleSubmit(async (v) => {
    setFailure(null);
    try {
      onCreated(await call('officers.create', { name: v.name.trim(), nip: v.nip.trim(), password: v.password, roles: v.roles }));
    } catch (err) {
      const field = errorField(err);
      if (field === 'name' || field === 'nip' || field === 'password' || field === 'roles') {
        setError(field, { type: 'server', message: errorMessage(t, err) });
        if (field !== 'roles') setFocus(field);
      } else {
        setFailure(err);
      }
    }
  });

  return (
    <Dialog title={t('officers.addTitle')} onClose={onClose} testId="officer-create">
      <form onSubmit={(e) => void submit(e)} noValidate>
        {failure !== null && <Alert tone="problem" testId="officer-create-error">{errorMessage(t, failure)}</Alert>}
        <Field id="officer-name" label={t('field.name')} error={msg(errors.name?.message)}>
          <input id="officer-name" data-testid="officer-name" autoFocus autoComplete="off" {...register('name')} />
        </Field>
        <Field id="officer-nip" label={t('field.nip')} error={msg(errors.nip?.message)} hint={t('hint.nip')}>
          <input id="officer-nip" data-testid="officer-nip" inputMode="numeric" autoComplete="off" {...register('nip')} />
        </Field>
        <Field id="officer-password" label={t('field.password')} error={msg(errors.password?.message)} hint={t('hint.password')}>
          <input id="officer-password" data-testid="officer-password" type="password" autoComplete="new-password" {...register('password')} />
        </Field>
        <Field id="officer-confirm" label={t('field.confirm')} error={msg(errors.confirm?.message)}>
          <input id="officer-confirm" data-testid="officer-confirm" type="password" autoComplete="new-password" {...register('confirm')} />
        </Field>
        <RoleCheckboxes idPrefix="officer" registration={register('roles')} error={msg(errors.roles?.message)} />
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={isSubmitting} data-testid="officer-submit">
            {t('officers.add')} <Kbd keys="Enter" />
          </button>
          <button type="button" className="btn" onClick={onClose}>{t('action.cancel')} <Kbd keys="Esc" /></button>
        </div>
      </form>
    </Dialog>
  );
}
