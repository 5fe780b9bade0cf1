// A dialog that sends an officer's password (a supervisor's override, a batch of approvals):
// busy while the call runs, the error it met, and the password cleared after a refusal, so a
// wrong one is typed again rather than sent twice. One place for the pattern both dialogs use.
import { useState } from 'react';

export function usePasswordAttempt(setPassword: (password: string) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const attempt = async (send: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await send();
    } catch (err) {
      setError(err);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, attempt };
}
