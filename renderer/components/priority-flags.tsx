import { useTranslation } from 'react-i18next';

const ICON: Record<string, string> = { elderly: '⁶⁰⁺', child: '◔', disabled: '♿' };

/** Priority flags as icon + word: these applicants are served first. */
export function PriorityFlags({ flags }: { flags: readonly string[] }) {
  const { t } = useTranslation();
  if (flags.length === 0) return null;
  return (
    <span className="flags" data-testid="priority-flags">
      {flags.map((f) => (
        <span key={f} className="flag" data-flag={f}>
          <span aria-hidden="true">{ICON[f] ?? '!'}</span> {t(`priority.${f}`, { defaultValue: f })}
        </span>
      ))}
    </span>
  );
}
