// Sentences that arrive from the station as a translation key with params (device and MRZ
// messages, capture prompts). Params that are themselves names of things the screen knows
// (a finger, an MRZ field, a sex) are translated before they go into the sentence.
import type { TFunction } from 'i18next';
import i18next from 'i18next';
import { ApiError } from '../api';
import { errorMessage } from '../i18n/errors';

export interface KeyedMessage { key: string; params?: Record<string, string | number> | undefined }

const FINGER = /^(left|right)_(thumb|index|middle|ring|little)$/;
const MRZ_FIELDS = new Set(['documentType', 'issuingState', 'documentNumber', 'primaryIdentifier', 'secondaryIdentifier',
  'nationality', 'birthDate', 'sex', 'expiryDate', 'optionalData', 'composite']);

export const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

function translateParam(t: TFunction, name: string, value: string | number): string | number {
  if (typeof value !== 'string') return value;
  // A finger named inside a sentence: "Letakkan ibu jari kanan …", "the right thumb".
  if (FINGER.test(value)) return lowerFirst(t(`enrolment.finger.${value}`));
  // An MRZ field inside a sentence: a lower-case noun phrase, not the screen's label.
  if (name === 'field' && MRZ_FIELDS.has(value)) return t(`mrz.fieldInSentence.${value}`);
  return value;
}

export function keyedText(t: TFunction, msg: KeyedMessage): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(msg.params ?? {})) params[k] = translateParam(t, k, v);
  // MRZ field sentences may have a wording of their own per field (mrz.field.checkDigit_composite).
  const field = msg.params?.field;
  const context = msg.key.startsWith('mrz.field.') && typeof field === 'string' ? { context: field } : {};
  return i18next.exists(msg.key) ? t(msg.key, { ...params, ...context }) : t('enrolment.unknownMessage', { key: msg.key });
}

/** The sentence key a contract error carries in params.key (device errors, MRZ bad input). */
export function errorKey(err: unknown): KeyedMessage | null {
  if (!(err instanceof ApiError)) return null;
  const key = err.error.params?.key;
  if ((err.error.code === 'device' || err.error.code === 'bad_input') && typeof key === 'string') {
    const { key: _k, ...params } = err.error.params ?? {};
    return { key, params };
  }
  return null;
}

/** One sentence for whatever an enrolment call threw: the station's own sentence key first. */
export function enrolmentError(t: TFunction, err: unknown): string {
  const keyed = errorKey(err);
  if (keyed) return keyedText(t, keyed);
  return errorMessage(t, err);
}
