import type { ReactNode } from 'react';

const ICON = { ready: '✔', problem: '⚠', info: 'ℹ', waiting: '◔' } as const;

interface Props {
  tone: keyof typeof ICON;
  children: ReactNode;
  testId?: string;
}

/** A message block: colour + icon + words, announced to screen readers. */
export function Alert({ tone, children, testId }: Props) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'problem' ? 'alert' : 'status'} data-testid={testId}>
      <span className="alert-icon" aria-hidden="true">{ICON[tone]}</span>
      <div className="alert-text">{children}</div>
    </div>
  );
}
