// A modal on the native <dialog>: the browser traps focus and turns Esc into "cancel", so the
// officer can always back out with one key.
import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
}

export function Dialog({ title, onClose, children, testId }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (!d.open) d.showModal();
    // The browser may close a dialog on its own (a repeated Esc skips "cancel"): follow it,
    // or the screen would think the dialog is still open and never show it again.
    const closed = (): void => onCloseRef.current();
    d.addEventListener('close', closed);
    return () => {
      d.removeEventListener('close', closed);
      if (d.open) d.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-label={title}
      data-testid={testId}
      onCancel={(e) => { e.preventDefault(); onClose(); }}
    >
      <h2 className="dialog-title">{title}</h2>
      {children}
    </dialog>
  );
}
