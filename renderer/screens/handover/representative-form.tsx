// A representative collects with a letter of authorisation (surat kuasa): their name and NIK
// (checked by the station with the NIK rules of domain/nik.ts) and the letter: scanned on the
// document scanner (Alt+M), or its details noted.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverView, IssueResult } from '../../../electron/handover-types';
import { Alert } from '../../components/alert';
import { Field } from '../../components/field';
import { Kbd } from '../../components/kbd';
import { parseNik } from '../../../domain/nik';
import { call } from '../../lib/station';
import { useHotkeys } from '../../lib/use-hotkeys';
import { handoverError } from './handover-text';

export function RepresentativeForm({ view, onDone }: { view: HandoverView; onDone: (r: IssueResult, text: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [nik, setNik] = useState('');
  const [letterNote, setLetterNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [letter, setLetter] = useState<{ blobId: string; pages: number } | null>(null);
  const [scanning, setScanning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => nameRef.current?.focus(), []);
  // The same rule the station applies, shown as the officer types the 16th digit.
  const nikProblem = nik.trim().length >= 16 && typeof parseNik(nik.trim()) === 'string' ? t('handover.reason.representative_nik') : undefined;

  const scan = () => {
    if (scanning) return;
    setScanning(true);
    setProblem(null);
    call('issuance.scanLetter', { appointmentId: view.appointment.id })
      .then(setLetter, (err: unknown) => setProblem(handoverError(t, err)))
      .finally(() => setScanning(false));
  };
  useHotkeys({ 'Alt+M': scan });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    call('issuance.issue', { appointmentId: view.appointment.id, collector: { kind: 'representative', name: name.trim(), nik: nik.trim(), letterNote: letterNote.trim(), ...(letter ? { letterBlobId: letter.blobId } : {}) } })
      .then((r) => onDone(r, t('handover.handedOverTo', { name: view.appointment.fullName, representative: name.trim() })), (err: unknown) => setProblem(handoverError(t, err)))
      .finally(() => setBusy(false));
  };

  return (
    <form className="form-grid" onSubmit={submit} data-testid="handover-representative">
      <Field id="rep-name" label={t('handover.repName')}>
        <input id="rep-name" ref={nameRef} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} data-testid="rep-name" />
      </Field>
      <Field id="rep-nik" label={t('handover.repNik')} error={nikProblem}>
        <input id="rep-nik" className="mono" value={nik} inputMode="numeric" maxLength={16} onChange={(e) => setNik(e.target.value.replace(/\D/g, ''))} data-testid="rep-nik" />
      </Field>
      <Field id="rep-letter" label={t('handover.letter')} hint={t('handover.letterHint')}>
        <input id="rep-letter" value={letterNote} maxLength={300} onChange={(e) => setLetterNote(e.target.value)} data-testid="rep-letter" />
      </Field>
      <div className="toolbar">
        <button type="button" className="btn" onClick={scan} disabled={scanning} data-testid="rep-scan">{scanning ? t('handover.scanning') : t('handover.scanLetter')} <Kbd keys="Alt+M" /></button>
        {letter && <Alert tone="ready" testId="rep-letter-scanned">{t('handover.letterScanned', { count: letter.pages })}</Alert>}
      </div>
      {problem && <Alert tone="problem" testId="handover-rep-problem">{problem}</Alert>}
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="rep-give">{busy ? t('handover.working') : t('handover.give')} <Kbd keys="Enter" /></button>
    </form>
  );
}
