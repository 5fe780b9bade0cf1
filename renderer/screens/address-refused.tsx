// Shown in the browser host when this tab has no way in: its address was already used (a
// copied or recorded address is worthless once used), it had no code, or the station was
// restarted since. Says what happened and how to get a fresh address from the running station.
import { useTranslation } from 'react-i18next';
import { Alert } from '../components/alert';
import { LanguageToggle } from '../components/language-toggle';
import { applyLanguage, currentLanguage, rememberLanguage } from '../i18n';

export type RefusedReason = 'code_refused' | 'no_address' | 'credential_refused';

export function AddressRefused({ reason }: { reason: RefusedReason }) {
  const { t } = useTranslation();
  return (
    <main className="center-screen" data-testid="address-refused" data-reason={reason}>
      <div className="card card-narrow">
        <h1>{t('hostAccess.title')}</h1>
        <Alert tone="problem">{t(`hostAccess.reason.${reason}`)}</Alert>
        <p>{t('hostAccess.howTo')}</p>
        <pre><code>npm run station:address</code></pre>
        <p>{t('hostAccess.dataDir')}</p>
      </div>
      <LanguageToggle onSwitch={() => { const next = currentLanguage() === 'id' ? 'en' : 'id'; rememberLanguage(next); void applyLanguage(next); }} />
    </main>
  );
}
