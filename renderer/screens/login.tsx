// Log in with NIP and password. Refusals say plainly why (wrong password, locked for N
// minutes, disabled account) and put the cursor where the officer types next.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo, SetupStatus } from '../../electron/contract-types';
import type { SessionEndReason } from '../../electron/contract';
import { Alert } from '../components/alert';
import { CredentialFields } from '../components/credential-fields';
import { Kbd } from '../components/kbd';
import { LanguageToggle } from '../components/language-toggle';
import { errorCode, errorMessage } from '../i18n/errors';
import { useLoginLanguage } from '../lib/use-login-language';
import { useCredentials } from '../lib/use-credentials';
import { call } from '../lib/station';

interface Props {
  /** Null while the station has not answered yet (the form takes typing meanwhile). */
  setup: SetupStatus | null;
  onDone: (s: SessionInfo) => void;
  /** Called once the form is on screen (the app fetches the workspace meanwhile). */
  onShown?: () => void;
  /** The station ended the previous session on its own: say why. */
  ended?: SessionEndReason | null;
}

export function LoginScreen({ setup, onDone, onShown, ended = null }: Props) {
  const { t } = useTranslation();
  const { fields, error, busy, submit } = useCredentials('', (nip, password) => call('auth.login', { nip, password }), onDone);
  const { nipRef } = fields;
  const toggleLanguage = useLoginLanguage();

  useEffect(() => {
    nipRef.current?.focus();
    onShown?.();
  }, [onShown]);


  return (
    <main className="center-screen">
      <form className="card card-narrow" onSubmit={(e) => void submit(e)} data-testid="login-form" noValidate>
        <h1>{t('login.title')}</h1>
        {/* Its line is kept while the station has not answered, so the form does not move. */}
        <p className="muted" data-testid="login-station">{setup ? t('login.subtitle', { station: setup.stationId }) : '\u00a0'}</p>
        {ended !== null && error === null && <Alert tone="info" testId="session-ended"><span data-reason={ended}>{t(`security.ended.${ended}`)}</span></Alert>}
        {error !== null && (
          <Alert tone="problem" testId="login-error">
            <span data-code={errorCode(error) ?? 'internal'}>{errorMessage(t, error)}</span>
          </Alert>
        )}
        <CredentialFields prefix="login" {...fields} />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy} data-testid="login-submit">
          {busy ? t('login.busy') : t('action.login')} <Kbd keys="Enter" />
        </button>
        <div className="form-foot">
          <LanguageToggle onSwitch={toggleLanguage} />
        </div>
      </form>
    </main>
  );
}
