// The print operator's screen (issue 11): the print queue with its batch, the book stock,
// the passports not collected, and the day's reconciliation for the supervisor and the head
// of office. Each part shows only what the officer's roles may call; the station checks again.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../lib/session';
import { PrintQueue } from './print-queue';
import { StockPanel } from './stock-panel';
import { UncollectedPanel } from './uncollected-panel';
import { ReconciliationPanel } from './reconciliation-panel';

type Section = 'queue' | 'stock' | 'uncollected' | 'reconciliation';

export function PrintScreen() {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const sections: Section[] = [
    ...(hasRole('print', 'supervisor') ? ['queue', 'stock'] as const : []),
    'uncollected',
    ...(hasRole('supervisor', 'head') ? ['reconciliation'] as const : []),
  ];
  const [section, setSection] = useState<Section>(sections[0]!);
  return (
    <section className="card print-screen">
      <div className="heading-row no-print">
        <h1>{t('issuance.title')}</h1>
        <div className="row-actions" role="tablist">
          {sections.map((s) => (
            <button key={s} type="button" role="tab" aria-selected={s === section} className={`btn${s === section ? ' btn-primary' : ''}`}
              onClick={() => setSection(s)} data-testid={`print-section-${s}`}>
              {t(`issuance.sections.${s}`)}
            </button>
          ))}
        </div>
      </div>
      {section === 'queue' && <PrintQueue />}
      {section === 'stock' && <StockPanel />}
      {section === 'uncollected' && <UncollectedPanel />}
      {section === 'reconciliation' && <ReconciliationPanel />}
    </section>
  );
}
