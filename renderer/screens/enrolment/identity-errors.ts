// One sentence for a refusal of the identity and details steps: the station's reason code
// first (a field rule, a four-eyes refusal), else the enrolment's general wording.
import type { TFunction } from 'i18next';
import { ApiError } from '../../api';
import { enrolmentError } from '../../lib/device-text';

export function identityError(t: TFunction, err: unknown): string {
  if (err instanceof ApiError) {
    const reason = err.error.params?.reason;
    if (typeof reason === 'string') {
      const keys = [`enrolIdentity.problem.${reason}`, `validation.${reason}`];
      if (keys.some((k) => t(k, { defaultValue: '' }) !== '')) return t(keys, { ...err.error.params });
    }
  }
  return enrolmentError(t, err);
}
