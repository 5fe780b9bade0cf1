// One sentence for each thing the supervisor must look at (EnrolmentView.flags): the summary
// shows them to the officer before sending, the review screen to the supervisor.
import type { TFunction } from 'i18next';
import type { SupervisorFlag } from '../../../electron/contract-types';

export function flagText(t: TFunction, f: SupervisorFlag): string {
  switch (f.kind) {
    case 'correction': return t('enrolIdentity.flag.correction', { field: t(`field.${f.field}`) });
    case 'nik_warning': return t(`enrolIdentity.identity.nikWarning.${f.problem}`);
    case 'disagreement_kept': return t('enrolIdentity.flag.disagreement_kept', { field: t(`enrolIdentity.disagreement.${f.field}`) });
    case 'validity_differs': return t('enrolIdentity.flag.validity_differs', { booked: f.booked, now: f.now });
    case 'passport_type_changed': return t('enrolIdentity.flag.passport_type_changed', { booked: t(`passportType.${f.booked}`), now: t(`passportType.${f.now}`) });
    case 'payment_override': return t('enrolIdentity.flag.payment_override', { name: f.supervisorName });
  }
}
