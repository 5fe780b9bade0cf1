import { useTranslation } from 'react-i18next';
import { Kbd } from './kbd';

interface Props {
  onSwitch: () => void;
  busy?: boolean;
}

/** Names the other language in that language, so a reader of either can find it. */
export function LanguageToggle({ onSwitch, busy = false }: Props) {
  const { t } = useTranslation();
  return (
    <button type="button" className="btn btn-quiet" onClick={onSwitch} disabled={busy} data-testid="language-toggle">
      <span aria-hidden="true">⇄ </span>{t('language.switchTo')} <Kbd keys="Alt+B" />
    </button>
  );
}
