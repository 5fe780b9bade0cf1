// Log in with NIP and password. Refusals say plainly why (wrong password, locked for N
// minutes, disabled account) and put the cursor where the officer types next.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo, SetupStatus } from '../../electron/contract-types';
import { Alert } from '../components/alert';
import { CredentialFields } from '../components/credential-fields';
import { Kbd } from '../components/kbd';
import { LanguageToggle } from '../components/language-toggle';
import { errorCode, errorMessage } from '../i18n/errors';
import { useLoginLanguage } from '../lib/use-login-language';
import { call } from '../lib/station';

interface Props {
  setup: SetupStatus;
  onDone: (s: SessionInfo) => void;
  /** Called once the form is on screen (the app fetches the workspace meanwhile). */
  onShown?: () => void;
}

export function LoginScreen({ setup, onDone, onShown }: Props) {
  const { t } = useTranslation();
  const [nip, setNip] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const nipRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const toggleLanguage = useLoginLanguage();

  useEffect(() => {
    nipRef.current?.focus();
    onShown?.();
  }, [onShown]);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!nip.trim()) { nipRef.current?.focus(); return; }
    if (!password) { passwordRef.current?.focus(); return; }
    setBusy(true);
    setError(null);
    try {
      onDone(await call('auth.login', { nip: nip.trim(), password }));
    } catch (err) {
      setError(err);
      setPassword('');
      // A wrong password is retyped; a locked or disabled account needs a different officer.
      const code = errorCode(err);
      if (code === 'bad_credentials') passwordRef.current?.focus();
      else nipRef.current?.select();
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="center-screen">
      <form className="card card-narrow" onSubmit={(e) => void submit(e)} data-testid="login-form" noValidate>
        <h1>{t('login.title')}</h1>
        <p className="muted">{t('login.subtitle', { station: setup.stationId })}</p>
        {error !== null && (
          <Alert tone="problem" testId="login-error">
            <span data-code={errorCode(error) ?? 'internal'}>{errorMessage(t, error)}</span>
          </Alert>
        )}
        <CredentialFields
          prefix="login" nip={nip} setNip={setNip} password={password} setPassword={setPassword}
          nipRef={nipRef} passwordRef={passwordRef}
        />
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
