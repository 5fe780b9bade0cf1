// Field rules shared by the contract (the station checks every call with them) and the
// screens (a form checks the same rule while the officer types). Each message is a stable
// code: the station returns it as the reason of a bad_input error, the screen shows
// `validation.<code>`.
import { z } from 'zod';
import { PASSPORT_TYPES, PRIORITY_FLAGS, SERVICES, SEXES } from './catalog';
import { isRealDate } from './dates';
import { checkNik } from './nik';

export const nipField = z.string().trim().regex(/^\d{8,18}$/, 'nip');
export const passwordField = z.string().min(8, 'password_short').max(200, 'too_long');
/** A password being checked (login, unlock): any length the station accepts. */
export const anyPasswordField = z.string().min(1, 'required').max(200, 'too_long');
export const personNameField = z.string().trim().min(1, 'required').max(120, 'too_long');
export const placeField = z.string().trim().min(1, 'required').max(80, 'too_long');
export const uuidField = z.string().uuid('id');

/** A real calendar date written YYYY-MM-DD (9999-99-99 is refused, not only its shape). */
export const isoDateField = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date').refine((s) => {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  return y >= 1900 && y <= 2200 && isRealDate(y, m, d);
}, 'date_invalid');

export const nikField = z.string().trim().regex(/^\d{16}$/, 'nik');
export const phoneField = z.string().trim().regex(/^(\+?\d{8,15})?$/, 'phone');

/** A list of choices, each at most once: a choice given twice is a mistake, refused rather than merged. */
export const uniqueChoices = <const T extends readonly [string, ...string[]]>(choices: T) =>
  z.array(z.enum(choices, 'choose')).max(choices.length).refine((xs) => new Set(xs).size === xs.length, 'duplicate');

/** Each flag at most once: a flag given twice is a mistake, not more priority. */
export const priorityFlagsField = z.array(z.enum(PRIORITY_FLAGS, 'choose')).max(PRIORITY_FLAGS.length)
  .refine((flags) => new Set(flags).size === flags.length, 'duplicate');

/** A walk-in applicant, as the counter enters them. */
export const walkInInput = z.object({
  nik: nikField,
  fullName: personNameField,
  birthPlace: placeField,
  birthDate: isoDateField,
  sex: z.enum(SEXES, 'choose'),
  service: z.enum(SERVICES, 'choose'),
  passportType: z.enum(PASSPORT_TYPES, 'choose'),
  phone: phoneField.optional(),
  priority: priorityFlagsField.default([]),
}).strict().superRefine((v, ctx) => {
  // The NIK embeds the date of birth (day + 40 for women): both must agree.
  const problem = checkNik(v.nik, v.birthDate, v.sex);
  if (problem) ctx.addIssue({ code: 'custom', path: ['nik'], message: problem });
});
export type WalkInInput = z.input<typeof walkInInput>;
