// The stock's two actions outside a print job: a blank book found damaged (or misprinted
// outside the queue) is spoiled with its reason, and a range of blank books goes back to
// headquarters with its delivery note (supervisor only). Both are asked once more before they
// are recorded, because neither can be undone; the station checks the roles and the books.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { enrolmentError } from '../../lib/device-text';
import { useSession } from '../../lib/session';
import { call } from '../../lib/station';
import { normaliseSerial } from '../../../domain/stock';

type Note = { tone: 'ready' | 'problem'; text: string };
type Pending = { kind: 'spoil' } | { kind: 'return' };

const BLANK_REASONS = ['damaged', 'misprint'] as const;

export function StockActions({ onChanged, onNote }: { onChanged: () => Promise<void>; onNote: (n: Note) => void }) {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const [spoil, setSpoil] = useState<{ serial: string; reason: (typeof BLANK_REASONS)[number] }>({ serial: '', reason: 'damaged' });
  const [ret, setRet] = useState({ first: '', last: '', reference: '' });
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);

  const ask = (kind: Pending['kind']) => (e: FormEvent) => { e.preventDefault(); setPending({ kind }); };

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      if (pending.kind === 'spoil') {
        await call('stock.spoil', { serial: spoil.serial, reason: spoil.reason });
        onNote({ tone: 'ready', text: t('stockAdmin.spoiled', { serial: normaliseSerial(spoil.serial), reason: t(`issuance.reason.${spoil.reason}`) }) });
        setSpoil((s) => ({ ...s, serial: '' }));
      } else {
        await call('stock.return', ret);
        onNote({ tone: 'ready', text: t('stockAdmin.returned', { first: normaliseSerial(ret.first), last: normaliseSerial(ret.last), reference: ret.reference.trim() }) });
        setRet({ first: '', last: '', reference: '' });
      }
      await onChanged();
    } catch (err) {
      onNote({ tone: 'problem', text: enrolmentError(t, err) });
    } finally {
      setBusy(false);
      setPending(null);
    }
  };

  return (
    <div className="stock-actions" data-testid="stock-actions">
      <div>
      <h2>{t('stockAdmin.spoilTitle')}</h2>
      <p className="hint">{t('stockAdmin.spoilHint')}</p>
      <form className="inline-form" onSubmit={ask('spoil')} data-testid="stock-spoil">
        <label className="inline-field">{t('issuance.serial')}
          <input value={spoil.serial} onChange={(e) => setSpoil((s) => ({ ...s, serial: e.target.value }))} required maxLength={20} autoComplete="off" data-testid="spoil-serial" />
        </label>
        <label className="inline-field">{t('issuance.spoilReason')}
          <select value={spoil.reason} onChange={(e) => setSpoil((s) => ({ ...s, reason: e.target.value as (typeof BLANK_REASONS)[number] }))} data-testid="spoil-reason">
            {BLANK_REASONS.map((r) => <option key={r} value={r}>{t(`issuance.reason.${r}`)}</option>)}
          </select>
        </label>
        <button type="submit" className="btn btn-danger" disabled={busy || !spoil.serial.trim()} data-testid="spoil-submit">{t('stockAdmin.spoil')}</button>
      </form>
      </div>
      {hasRole('supervisor') && (
        <div>
          <h2>{t('stockAdmin.returnTitle')}</h2>
          <p className="hint">{t('stockAdmin.returnHint')}</p>
          <form className="inline-form" onSubmit={ask('return')} data-testid="stock-return">
            <label className="inline-field">{t('issuance.first')}<input value={ret.first} onChange={(e) => setRet((r) => ({ ...r, first: e.target.value }))} required maxLength={20} data-testid="return-first" /></label>
            <label className="inline-field">{t('issuance.last')}<input value={ret.last} onChange={(e) => setRet((r) => ({ ...r, last: e.target.value }))} required maxLength={20} data-testid="return-last" /></label>
            <label className="inline-field">{t('stockAdmin.returnReference')}<input value={ret.reference} onChange={(e) => setRet((r) => ({ ...r, reference: e.target.value }))} required minLength={3} maxLength={60} data-testid="return-reference" /></label>
            <button type="submit" className="btn" disabled={busy} data-testid="return-submit">{t('stockAdmin.return')}</button>
          </form>
        </div>
      )}
      {pending && (
        <ConfirmDialog
          title={t(pending.kind === 'spoil' ? 'stockAdmin.spoilConfirmTitle' : 'stockAdmin.returnConfirmTitle')}
          confirmLabel={t(pending.kind === 'spoil' ? 'stockAdmin.spoil' : 'stockAdmin.return')}
          danger={pending.kind === 'spoil'} busy={busy} onConfirm={() => void confirm()} onClose={() => setPending(null)} testId="stock-confirm"
        >
          <p>{pending.kind === 'spoil'
            ? t('stockAdmin.spoilConfirm', { serial: normaliseSerial(spoil.serial), reason: t(`issuance.reason.${spoil.reason}`) })
            : t('stockAdmin.returnConfirm', { first: normaliseSerial(ret.first), last: normaliseSerial(ret.last), reference: ret.reference.trim() })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
