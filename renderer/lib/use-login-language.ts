// Before anyone logs in there is no officer to remember the language for: the choice is
// kept on this machine. Alt+B switches it, as in the status bar after login.
import { useCallback } from 'react';
import { applyLanguage, currentLanguage, rememberLanguage } from '../i18n';
import { useHotkeys } from './use-hotkeys';

export function useLoginLanguage(): () => void {
  const toggle = useCallback(() => {
    const next = currentLanguage() === 'id' ? 'en' : 'id';
    rememberLanguage(next);
    void applyLanguage(next);
  }, []);
  useHotkeys({ 'Alt+B': toggle }, true, 'global');
  return toggle;
}
