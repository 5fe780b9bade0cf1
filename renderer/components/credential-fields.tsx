// NIP and password, as the login and the lock screen ask for them (the same fields, the
// same autocomplete hints, so a password manager and the officer's habits work on both).
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from './field';

interface Props {
  /** Prefix of the ids and test ids: "login" → login-nip, login-password. */
  prefix: string;
  nip: string;
  setNip: (v: string) => void;
  password: string;
  setPassword: (v: string) => void;
  nipRef: RefObject<HTMLInputElement | null>;
  passwordRef: RefObject<HTMLInputElement | null>;
}

export function CredentialFields({ prefix, nip, setNip, password, setPassword, nipRef, passwordRef }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Field id={`${prefix}-nip`} label={t('field.nip')}>
        <input
          id={`${prefix}-nip`} ref={nipRef} data-testid={`${prefix}-nip`} inputMode="numeric" autoComplete="username"
          value={nip} onChange={(e) => setNip(e.target.value)}
        />
      </Field>
      <Field id={`${prefix}-password`} label={t('field.password')}>
        <input
          id={`${prefix}-password`} ref={passwordRef} data-testid={`${prefix}-password`} type="password" autoComplete="current-password"
          value={password} onChange={(e) => setPassword(e.target.value)}
        />
      </Field>
    </>
  );
}
