// Form rules checked on the screen before a call, so the officer hears about a typo at once.
// They are the contract's own field rules (domain/fields.ts); the station checks again.
// Messages are codes, shown as `validation.<code>` (formMessage in i18n/errors.ts).
import { z } from 'zod';
import { nipField, passwordField, personNameField } from '../../domain/fields';

export { nipField, passwordField };
export const nameField = personNameField;

/** A new password typed twice. */
export const newPasswordPair = z.object({
  password: passwordField,
  confirm: z.string(),
}).refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'password_mismatch' });
