// The handover's sentences for the station's refusals: its own reasons first (handover.reason.*),
// then the shared error sentences.
import type { TFunction } from 'i18next';
import i18next from 'i18next';
import { ApiError } from '../../api';
import { errorMessage } from '../../i18n/errors';

/** Every reason the station gives for refusing a handover or a dispatch (domain/handover.ts, issuance.ts). */
export const HANDOVER_REASONS = [
  'not_printed', 'already_issued', 'already_dispatched', 'qc_missing', 'identity_unverified', 'override_reason',
  'representative_name', 'representative_nik', 'letter_missing', 'address_missing', 'courier_missing', 'tracking_missing',
  'dispatch_date', 'template_format', 'no_templates', 'not_supervisor',
] as const;

export function handoverError(t: TFunction, err: unknown): string {
  const reason = err instanceof ApiError ? err.error.params?.reason : undefined;
  if (typeof reason === 'string' && i18next.exists(`handover.reason.${reason}`)) return t(`handover.reason.${reason}`, { ...(err as ApiError).error.params });
  return errorMessage(t, err);
}
