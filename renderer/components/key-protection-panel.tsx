// How the station key is kept, for the administrator; on Linux without a desktop keyring,
// the one place where they may agree to seal it with Chromium's built-in password, after
// reading what that means. The station checks the role and the state again.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyProtection } from '../../electron/contract-types';
import { errorMessage } from '../i18n/errors';
import { call } from '../lib/station';
import { Alert } from './alert';
import { ConfirmDialog } from './confirm-dialog';

export function KeyProtectionPanel() {
  const { t } = useTranslation();
  const [state, setState] = useState<KeyProtection | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => { call('keys.protection', {}).then(setState, setFailure); }, []);

  const confirm = async (): Promise<void> => {
    setBusy(true);
    setFailure(null);
    try {
      setState(await call('keys.confirmWeakSeal', { understood: true }));
      setAsking(false);
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  const backend = state?.backend ?? '';
  return (
    <section data-testid="key-protection" aria-labelledby="key-protection-title">
      <h2 id="key-protection-title">{t('keyProtection.title')}</h2>
      {failure !== null && <Alert tone="problem" testId="key-protection-error">{errorMessage(t, failure)}</Alert>}
      {state && state.awaitingConfirmation && (
        <>
          <Alert tone="problem" testId="key-protection-weak">{t('keyProtection.awaiting', { backend })}</Alert>
          <div className="actions">
            <button type="button" className="btn btn-warning" onClick={() => setAsking(true)} data-testid="key-protection-seal">{t('keyProtection.seal')}</button>
          </div>
        </>
      )}
      {state && !state.awaitingConfirmation && (
        <p data-testid="key-protection-state">
          {state.keptIn === 'file' ? t('keyProtection.file') : state.weak ? t('keyProtection.sealedWeak', { backend }) : t('keyProtection.sealed', { backend: backend || t('keyProtection.osKeychain') })}
        </p>
      )}
      {asking && (
        <ConfirmDialog
          title={t('keyProtection.confirmTitle')} confirmLabel={t('keyProtection.confirm')} danger busy={busy}
          onConfirm={() => void confirm()} onClose={() => setAsking(false)} testId="key-protection-dialog"
        >
          <p>{t('keyProtection.confirmText', { backend })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
