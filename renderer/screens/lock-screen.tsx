// Covers the whole workspace when the session is locked (idle, Alt+L, or the station).
// The same officer unlocks and carries on; a different officer unlocking ends the first
// officer's session (the station does that) and the app says who is logged in now.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../electron/contract-types';
import { Alert } from '../components/alert';
import { CredentialFields } from '../components/credential-fields';
import { Kbd } from '../components/kbd';
import { errorCode, errorMessage } from '../i18n/errors';
import { call } from '../lib/station';

interface Props {
  session: SessionInfo;
  onUnlocked: (s: SessionInfo) => void;
  onLoggedOut: () => void;
}

export function LockScreen({ session, onUnlocked, onLoggedOut }: Props) {
  const { t } = useTranslation();
  const [nip, setNip] = useState(session.nip);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const nipRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  // The officer who locked is the likely one to come back: their NIP is filled in.
  useEffect(() => { passwordRef.current?.focus(); }, []);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!nip.trim()) { nipRef.current?.focus(); return; }
    if (!password) { passwordRef.current?.focus(); return; }
    setBusy(true);
    setError(null);
    try {
      onUnlocked(await call('auth.unlock', { nip: nip.trim(), password }));
    } catch (err) {
      setError(err);
      setPassword('');
      if (errorCode(err) === 'bad_credentials') passwordRef.current?.focus();
      else nipRef.current?.select();
    } finally {
      setBusy(false);
    }
  };

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
        <CredentialFields
          prefix="unlock" nip={nip} setNip={setNip} password={password} setPassword={setPassword}
          nipRef={nipRef} passwordRef={passwordRef}
        />
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
