// The applicant's identity at the counter: the booking as booked, the officer's corrections
// made with the identity card (KTP) in hand, and what follows from them — the name as the
// MRZ will render it, and whether the NIK still agrees with the birth date. A correction
// never overwrites the booking: the booking row stays as booked, and the current identity is
// the booking with each field's latest correction applied.
import { z } from 'zod';
import { SEXES, type Sex } from './catalog';
import { isoDateField, nikField, personNameField, placeField } from './fields';
import { composeNameField, TD3_NAME_WIDTH } from './mrz/mrz-name-field';
import { transliterateName } from './mrz/transliterate';
import { parseNik, checkNik } from './nik';

export const IDENTITY_FIELDS = ['fullName', 'birthPlace', 'birthDate', 'sex', 'nik'] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

export interface Identity {
  fullName: string;
  birthPlace: string;
  birthDate: string;
  sex: Sex;
  nik: string;
}

/** Why the officer corrected a field: the pick list (the text says the rest). */
export const CORRECTION_REASONS = ['booking_typo', 'ktp_differs', 'civil_record', 'other'] as const;
export type CorrectionReason = (typeof CORRECTION_REASONS)[number];

export interface Correction {
  field: IdentityField;
  before: string;
  after: string;
  reason: CorrectionReason;
  reasonText: string;
  at: string;
  officerId: string;
}

/** Each field's rule for a corrected value: the same rules a walk-in's form applies. */
const FIELD_RULES: Record<IdentityField, z.ZodType<string>> = {
  fullName: personNameField,
  birthPlace: placeField,
  birthDate: isoDateField,
  sex: z.enum(SEXES, 'choose'),
  nik: nikField,
};

export type CorrectionProblem = 'same_value' | 'future_date' | 'nik_region' | string;

/**
 * Checks a corrected value; returns it normalised, or a problem code. A NIK whose embedded
 * birth date disagrees is *not* a problem here (a NIK is not reissued when a birth date is
 * corrected): that is a warning for the supervisor (nikWarning).
 */
export function checkCorrection(field: IdentityField, value: string, current: Identity, today: string): { ok: true; value: string } | { ok: false; problem: CorrectionProblem } {
  const parsed = FIELD_RULES[field].safeParse(value);
  if (!parsed.success) return { ok: false, problem: parsed.error.issues[0]?.message ?? 'invalid' };
  const v = field === 'fullName' || field === 'birthPlace' ? parsed.data.replace(/\s+/g, ' ').toUpperCase() : parsed.data;
  // Names are kept in capitals (as the passport prints them): a change of case alone is no correction.
  if (v.toUpperCase() === current[field].toUpperCase()) return { ok: false, problem: 'same_value' };
  if (field === 'birthDate' && v > today) return { ok: false, problem: 'future_date' };
  if (field === 'nik') {
    const p = parseNik(v);
    if (p === 'nik_region') return { ok: false, problem: 'nik_region' };
    if (p === 'nik_format') return { ok: false, problem: 'nik' };
  }
  return { ok: true, value: v };
}

/** The booking with each field's latest correction applied. */
export function currentIdentity(booked: Identity, corrections: readonly Correction[]): Identity {
  const out: Identity = { ...booked };
  for (const c of corrections) {
    if (c.field === 'sex') out.sex = c.after as Sex;
    else out[c.field] = c.after;
  }
  return out;
}

/** The NIK's embedded birth date or sex against the current identity: a supervisor's warning. */
export function nikWarning(identity: Identity): 'nik_birthdate_mismatch' | 'nik_sex_mismatch' | null {
  const p = checkNik(identity.nik, identity.birthDate, identity.sex);
  return p === 'nik_birthdate_mismatch' || p === 'nik_sex_mismatch' ? p : null;
}

export interface MrzNamePreview {
  /** The 39 characters of the TD3 name field, fillers '<' included. */
  field: string;
  truncated: boolean;
  /** A character the MRZ cannot carry, if the name holds one. */
  badChar: string | null;
}

/**
 * The name as the new passport's MRZ will render it. One KTP name field is split the way the
 * data page is filled: the last word is the primary identifier, the words before it the
 * secondary; a single word is a mononym (primary only).
 */
export function mrzNamePreview(fullName: string): MrzNamePreview {
  const t = transliterateName(fullName);
  if (!t.ok) return { field: '<'.repeat(TD3_NAME_WIDTH), truncated: false, badChar: t.badChar };
  const words = t.components;
  if (words.length === 0) return { field: '<'.repeat(TD3_NAME_WIDTH), truncated: false, badChar: null };
  const r = composeNameField([words.at(-1)!], words.slice(0, -1));
  return { field: r.field, truncated: r.truncated, badChar: null };
}

/** Why a passport is wanted: asked in the interview. */
export const TRAVEL_PURPOSES = ['umrah', 'hajj', 'work', 'study', 'tourism', 'family', 'other'] as const;
export type TravelPurpose = (typeof TRAVEL_PURPOSES)[number];
