// The state behind a NIP + password form (login, unlock): what was typed, the refusal,
// and where the cursor goes after it — a wrong password is retyped, a locked or disabled
// account needs another officer's NIP.
import { useRef, useState, type FormEvent } from 'react';
import type { SessionInfo } from '../../electron/contract-types';
import { errorCode } from '../i18n/errors';

export function useCredentials(initialNip: string, send: (nip: string, password: string) => Promise<SessionInfo>, onDone: (s: SessionInfo) => void) {
  const [nip, setNip] = useState(initialNip);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const nipRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!nip.trim()) { nipRef.current?.focus(); return; }
    if (!password) { passwordRef.current?.focus(); return; }
    setBusy(true);
    setError(null);
    try {
      onDone(await send(nip.trim(), password));
    } catch (err) {
      setError(err);
      setPassword('');
      if (errorCode(err) === 'bad_credentials') passwordRef.current?.focus();
      else nipRef.current?.select();
    } finally {
      setBusy(false);
    }
  };

  return { fields: { nip, setNip, password, setPassword, nipRef, passwordRef }, error, busy, submit };
}
