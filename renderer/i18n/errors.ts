// Turns whatever a call threw into one sentence in the officer's language: what happened and
// what to do. Contract errors carry a stable code (error.<code>), their params, and for
// bad_input the field that was wrong (field.<name>).
import type { TFunction } from 'i18next';
import i18next from 'i18next';
import { ApiError } from '../api';
import { isConnectionError } from '../lib/station';

export function fieldLabel(t: TFunction, field: string): string {
  return t(`field.${field}`, { defaultValue: field });
}

export function errorMessage(t: TFunction, err: unknown): string {
  if (!(err instanceof ApiError)) return t('error.internal');
  if (isConnectionError(err)) return t('error.connection');
  const { code, params, field } = err.error;
  // Most specific sentence first: the station's reason, then the code for that field.
  const reason = params?.reason;
  if (typeof reason === 'string' && i18next.exists(`error.reason.${reason}`)) return t(`error.reason.${reason}`, { ...params });
  if (field && i18next.exists(`error.${code}_field.${field}`)) return t(`error.${code}_field.${field}`, { ...params });
  if (code === 'throttled') return t('security.throttled', { ...params });
  if (code === 'bad_credentials' && params?.remaining !== undefined) return t('error.bad_credentials_remaining', { ...params });
  if (code === 'bad_input' && field) return t('error.bad_input', { ...params, field: fieldLabel(t, field) });
  const key = `error.${code}`;
  return i18next.exists(key) ? t(key, { ...params }) : t('error.internal');
}

/** A form field's message: a rule's code (validation.<code>), or a sentence already written. */
export function formMessage(t: TFunction, message: string): string {
  return i18next.exists(`validation.${message}`) ? t(`validation.${message}`) : t(message);
}

/** The contract error of a thrown value, if it is one. */
export function errorCode(err: unknown): string | null {
  return err instanceof ApiError ? err.error.code : null;
}

export function errorField(err: unknown): string | null {
  return err instanceof ApiError && err.error.field ? err.error.field : null;
}
