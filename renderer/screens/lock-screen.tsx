// Covers the whole workspace when the session is locked (idle, Alt+L, or the station).
// The same officer unlocks and carries on; a different officer unlocking ends the first
// officer's session (the station does that) and the app says who is logged in now.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../electron/contract-types';
import { Alert } from '../components/alert';
import { CredentialFields } from '../components/credential-fields';
import { Kbd } from '../components/kbd';
import { errorMessage } from '../i18n/errors';
import { useCredentials } from '../lib/use-credentials';
import { call } from '../lib/station';

interface Props {
  session: SessionInfo;
  onUnlocked: (s: SessionInfo) => void;
  onLoggedOut: () => void;
}

export function LockScreen({ session, onUnlocked, onLoggedOut }: Props) {
  const { t } = useTranslation();
  const { fields, error, busy, submit } = useCredentials(session.nip, (nip, password) => call('auth.unlock', { nip, password }), onUnlocked);
  const { passwordRef } = fields;

  // The officer who locked is the likely one to come back: their NIP is filled in.
  useEffect(() => { passwordRef.current?.focus(); }, []);


  const logout = (): void => {
    call('auth.logout', {}).finally(onLoggedOut).catch(() => undefined);
  };

  return (
    <div className="lock-overlay" role="dialog" aria-modal="true" aria-labelledby="lock-title" data-testid="lock-screen">
      <form className="card card-narrow" onSubmit={(e) => void submit(e)} noValidate>
        <h1 id="lock-title"><span aria-hidden="true">⚷ </span>{t('lock.title')}</h1>
        <p data-testid="lock-owner">{t('lock.owner', { name: session.name, nip: session.nip })}</p>
        <p className="muted">{t('lock.otherOfficer', { name: session.name })}</p>
        {error !== null && <Alert tone="problem" testId="unlock-error">{errorMessage(t, error)}</Alert>}
        <CredentialFields prefix="unlock" {...fields} />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy} data-testid="unlock-submit">
          {t('action.unlock')} <Kbd keys="Enter" />
        </button>
        <div className="form-foot">
          <button type="button" className="btn btn-quiet" onClick={logout} data-testid="lock-logout">{t('action.logout')}</button>
        </div>
      </form>
    </div>
  );
}
