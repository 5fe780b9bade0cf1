import type { ReactNode } from 'react';

interface Props {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: ReactNode;
}

/** A labelled form field with its error right next to it, where the officer looks. */
export function Field({ id, label, error, hint, children }: Props) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !error && <div className="field-hint">{hint}</div>}
      {error && (
        <div className="field-error" role="alert" id={`${id}-error`} data-testid={`${id}-error`}>
          <span aria-hidden="true">⚠ </span>{error}
        </div>
      )}
    </div>
  );
}
