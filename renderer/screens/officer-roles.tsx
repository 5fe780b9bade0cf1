// Change which roles an officer holds.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { OfficerRow } from '../../electron/contract-types';
import { Alert } from '../components/alert';
import { Dialog } from '../components/dialog';
import { Kbd } from '../components/kbd';
import { RoleCheckboxes } from '../components/role-checkboxes';
import { errorMessage } from '../i18n/errors';
import { ROLES } from '../../domain/catalog';
import { call } from '../lib/station';

const schema = z.object({ roles: z.array(z.enum(ROLES)).min(1, 'validation.roles') });
type Values = z.input<typeof schema>;

interface Props {
  officer: OfficerRow;
  onClose: () => void;
  onSaved: (o: OfficerRow) => void;
}

export function OfficerRolesDialog({ officer, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<unknown>(null);
  const { register, handleSubmit, formState: { errors, isSubmitting } } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { roles: officer.roles },
  });

  const submit = handleSubmit(async (v) => {
    setFailure(null);
    try {
      onSaved(await call('officers.update', { id: officer.id, roles: v.roles }));
    } catch (err) {
      setFailure(err);
    }
  });

  return (
    <Dialog title={t('officers.rolesTitle', { name: officer.name })} onClose={onClose} testId="officer-roles">
      <form onSubmit={(e) => void submit(e)} noValidate>
        {failure !== null && <Alert tone="problem">{errorMessage(t, failure)}</Alert>}
        <RoleCheckboxes idPrefix="edit" registration={register('roles')} error={errors.roles?.message ? t(errors.roles.message) : undefined} />
        <div className="actions">
          <button type="submit" className="btn btn-primary" autoFocus disabled={isSubmitting} data-testid="roles-save">
            {t('action.save')} <Kbd keys="Enter" />
          </button>
          <button type="button" className="btn" onClick={onClose}>{t('action.cancel')} <Kbd keys="Esc" /></button>
        </div>
      </form>
    </Dialog>
  );
}
