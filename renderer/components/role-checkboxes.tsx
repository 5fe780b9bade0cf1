import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../domain/catalog';

interface Props {
  idPrefix: string;
  registration: UseFormRegisterReturn;
  error?: string | undefined;
}

/** Role choice for an officer; several roles may be ticked. */
export function RoleCheckboxes({ idPrefix, registration, error }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className={`field choice${error ? ' field-invalid' : ''}`} data-testid={`${idPrefix}-roles`}>
      <legend>{t('field.roles')}</legend>
      {ROLES.map((r) => (
        <label key={r} className="choice-item">
          <input type="checkbox" value={r} data-testid={`${idPrefix}-role-${r}`} {...registration} /> {t(`role.${r}`)}
        </label>
      ))}
      {error && <div className="field-error" role="alert">⚠ {error}</div>}
    </fieldset>
  );
}
