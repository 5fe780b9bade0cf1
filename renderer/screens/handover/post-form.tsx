// Sent by post: the address, the courier (Pos Indonesia unless another is chosen), its
// tracking number and the day the parcel left (today unless said otherwise).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverView, IssueResult } from '../../../electron/handover-types';
import { COURIERS, DEFAULT_COURIER } from '../../../domain/handover';
import { Alert } from '../../components/alert';
import { Field } from '../../components/field';
import { Kbd } from '../../components/kbd';
import { call } from '../../lib/station';
import { handoverError } from './handover-text';

export function PostForm({ view, today, onDone }: { view: HandoverView; today: string; onDone: (r: IssueResult, text: string) => void }) {
  const { t } = useTranslation();
  const [address, setAddress] = useState('');
  const [courier, setCourier] = useState<string>(DEFAULT_COURIER);
  const [trackingNumber, setTracking] = useState('');
  const [dispatchDate, setDate] = useState(today);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const addressRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => addressRef.current?.focus(), []);

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    call('issuance.dispatch', { appointmentId: view.appointment.id, address, courier, trackingNumber, dispatchDate })
      .then((r) => onDone(r, t('handover.dispatched', { name: view.appointment.fullName, courier, tracking: trackingNumber.trim().toUpperCase() })), (err: unknown) => setProblem(handoverError(t, err)))
      .finally(() => setBusy(false));
  };

  return (
    <form className="form-grid" onSubmit={submit} data-testid="handover-post">
      <Field id="post-address" label={t('handover.address')}>
        {/* Enter submits; Shift+Enter starts a new line of the address. */}
        <textarea id="post-address" ref={addressRef} rows={2} value={address} maxLength={500} onChange={(e) => setAddress(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); submit(); } }} data-testid="post-address" />
      </Field>
      <Field id="post-courier" label={t('handover.courier')}>
        <input id="post-courier" list="post-couriers" value={courier} maxLength={60} onChange={(e) => setCourier(e.target.value)} data-testid="post-courier" />
      </Field>
      <datalist id="post-couriers">{COURIERS.map((c) => <option key={c} value={c} />)}</datalist>
      <Field id="post-tracking" label={t('handover.tracking')}>
        <input id="post-tracking" className="mono" value={trackingNumber} maxLength={40} onChange={(e) => setTracking(e.target.value)} data-testid="post-tracking" />
      </Field>
      <Field id="post-date" label={t('handover.dispatchDate')}>
        <input id="post-date" type="date" value={dispatchDate} max={today} onChange={(e) => setDate(e.target.value)} data-testid="post-date" />
      </Field>
      {problem && <Alert tone="problem" testId="handover-post-problem">{problem}</Alert>}
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="post-send">{busy ? t('handover.working') : t('handover.send')} <Kbd keys="Enter" /></button>
    </form>
  );
}
