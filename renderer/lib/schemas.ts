// Form rules checked on the screen before a call, so the officer hears about a typo at once.
// They mirror the contract's input schemas; the station checks again. Messages are
// translation keys (validation.*), rendered by the form.
import { z } from 'zod';

export const nipField = z.string().trim().regex(/^\d{8,18}$/, 'validation.nip');
export const passwordField = z.string().min(8, 'validation.password_short').max(200, 'validation.too_long');
export const nameField = z.string().trim().min(1, 'validation.required').max(120, 'validation.too_long');

/** A new password typed twice. */
export const newPasswordPair = z.object({
  password: passwordField,
  confirm: z.string(),
}).refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'validation.password_mismatch' });
