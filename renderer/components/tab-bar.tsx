import { useTranslation } from 'react-i18next';
import { Kbd } from './kbd';

export interface Tab<Id extends string> { id: Id; key: string }

interface Props<Id extends string> {
  tabs: readonly Tab<Id>[];
  current: Id;
  onSelect: (id: Id) => void;
}

/** The screens this officer's roles open, each with its function key. */
export function TabBar<Id extends string>({ tabs, current, onSelect }: Props<Id>) {
  const { t } = useTranslation();
  return (
    <nav className="tab-bar" role="tablist" aria-label={t('nav.label')}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          aria-selected={tab.id === current}
          className={`tab${tab.id === current ? ' tab-current' : ''}`}
          onClick={() => onSelect(tab.id)}
          data-testid={`tab-${tab.id}`}
        >
          {t(`nav.${tab.id}`)} <Kbd keys={tab.key} />
        </button>
      ))}
    </nav>
  );
}
