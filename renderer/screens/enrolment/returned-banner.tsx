// On a returned enrolment: why the supervisor sent it back, in their words, where the
// officer corrects it. It goes when the enrolment is resubmitted.
import { useTranslation } from 'react-i18next';
import type { EnrolmentView } from '../../../electron/contract-types';
import { Alert } from '../../components/alert';

export function ReturnedBanner({ view }: { view: EnrolmentView }) {
  const { t } = useTranslation();
  const r = view.lastReturn;
  if (!r) return null;
  return (
    <Alert tone="problem" testId="enrolment-returned">
      <strong>{t('review.returnedBanner', { reason: t(`review.returnReason.${r.reason}`, { defaultValue: r.reason }), name: r.officerName ?? '–', time: new Date(r.at).toLocaleString() })}</strong>
      {r.note && <> <q data-testid="enrolment-returned-note">{r.note}</q></>}
    </Alert>
  );
}
