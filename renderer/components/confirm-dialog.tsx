// A yes/no question before something is lost: the text names what goes; Esc keeps it.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './dialog';
import { Kbd } from './kbd';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  testId?: string;
}

export function ConfirmDialog({ title, children, confirmLabel, danger = false, busy = false, onConfirm, onClose, testId }: Props) {
  const { t } = useTranslation();
  return (
    <Dialog title={title} onClose={onClose} testId={testId}>
      {children}
      <div className="actions">
        <button type="button" className={`btn ${danger ? 'btn-danger' : 'btn-primary'}`} autoFocus disabled={busy} onClick={onConfirm} data-testid="confirm-yes">
          {confirmLabel} <Kbd keys="Enter" />
        </button>
        <button type="button" className="btn" onClick={onClose} data-testid="confirm-no">{t('action.cancel')} <Kbd keys="Esc" /></button>
      </div>
    </Dialog>
  );
}
