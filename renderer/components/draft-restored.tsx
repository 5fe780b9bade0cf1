// One quiet line under a field whose text came back from a draft: the officer sees that the
// text is what they typed before (a reload, a crash), from when, and that it is not yet saved.
import { useTranslation } from 'react-i18next';

export function DraftRestored({ at }: { at: string }) {
  const { t } = useTranslation();
  return (
    <p className="field-hint draft-restored" role="status" data-testid="draft-restored">
      <span aria-hidden="true">↺ </span>{t('enrolmentFlow.draftRestored', { time: new Date(at).toLocaleTimeString() })}
    </p>
  );
}
