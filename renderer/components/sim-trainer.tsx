// Training with a simulated reader: lay a sample passport on the simulated MRZ reader, or
// show a code to the simulated booking-code scanner. The simulator answers with the real
// protocol, so what follows (the read event, a garbled frame's sentence) is what a real
// reader would cause. Counter officers may use it too (devices.simulate), so the enrolment
// MRZ step can embed this box.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/errors';
import { errorKey, keyedText } from '../lib/device-text';
import { composeTd3 } from '../lib/mrz-sample';
import { call, on } from '../lib/station';
import { Alert } from './alert';

export const MRZ_VARIANTS = ['good', 'badCheckDigit', 'truncated', 'garbage', 'strayBytes'] as const;
export type MrzVariant = (typeof MRZ_VARIANTS)[number];

interface Props {
  /** The simulated device (its port kind is 'sim'). */
  deviceId: string;
  kind: 'mrz' | 'barcode';
  /** Compact: no heading (when the host screen already says what the box is). */
  compact?: boolean;
}

type Outcome = { tone: 'ready' | 'problem' | 'info'; text: string } | null;

export function SimTrainer({ deviceId, kind, compact = false }: Props) {
  const { t } = useTranslation();
  const [variant, setVariant] = useState<MrzVariant>('good');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [lastRead, setLastRead] = useState<string[] | null>(null);
  // What was shown to the simulated device. The read itself is pushed only to sessions that
  // may read it (a counter with an enrolment open), so a technician sees what was sent.
  const [sent, setSent] = useState<string[] | null>(null);

  // What the station made of it: the read event of this device (the screen that waits for
  // a passport or a booking code hears the same event).
  useEffect(() => {
    const offMrz = on('mrz.read', (e) => { if (e.deviceId === deviceId) setLastRead(e.lines); });
    const offCode = on('barcode.scanned', (e) => { if (e.deviceId === deviceId) setLastRead([e.code]); });
    return () => { offMrz(); offCode(); };
  }, [deviceId]);

  const fail = (err: unknown): void => {
    const keyed = errorKey(err);
    setOutcome({ tone: 'problem', text: keyed ? keyedText(t, keyed) : errorMessage(t, err) });
  };

  const present = async (): Promise<void> => {
    setBusy(true);
    setOutcome(null);
    setLastRead(null);
    setSent(null);
    try {
      const lines = composeTd3();
      await call('devices.simulate', { id: deviceId, action: 'present_document', lines, variant });
      setSent(lines);
      setOutcome({ tone: 'info', text: t('devices.sim.presented') });
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const scan = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const value = code.trim();
    if (!value) {
      setOutcome({ tone: 'problem', text: t('devices.sim.codeRequired') });
      return;
    }
    setBusy(true);
    setOutcome(null);
    setLastRead(null);
    setSent(null);
    try {
      await call('devices.simulate', { id: deviceId, action: 'scan_code', code: value });
      setSent([value]);
      setOutcome({ tone: 'info', text: t('devices.sim.scanned') });
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sim-trainer" data-testid={`sim-trainer-${deviceId}`}>
      {!compact && <h3>{t('devices.sim.title')}</h3>}
      {kind === 'mrz' ? (
        <div className="sim-row">
          <label className="inline-field" htmlFor={`sim-variant-${deviceId}`}>
            {t('devices.sim.variant')}
            <select
              id={`sim-variant-${deviceId}`} data-testid="sim-variant" value={variant}
              onChange={(e) => setVariant(e.target.value as MrzVariant)}
            >
              {MRZ_VARIANTS.map((v) => <option key={v} value={v}>{t(`devices.sim.variants.${v}`)}</option>)}
            </select>
          </label>
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void present()} data-testid="sim-present">
            {t('devices.sim.present')}
          </button>
        </div>
      ) : (
        <form className="sim-row" onSubmit={(e) => void scan(e)} noValidate>
          <label className="inline-field" htmlFor={`sim-code-${deviceId}`}>
            {t('devices.sim.code')}
            <input
              id={`sim-code-${deviceId}`} data-testid="sim-code" className="mono" autoComplete="off" maxLength={64}
              value={code} onChange={(e) => setCode(e.target.value)}
            />
          </label>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="sim-scan">
            {t('devices.sim.scan')}
          </button>
        </form>
      )}
      {outcome && <Alert tone={outcome.tone} testId="sim-outcome">{outcome.text}</Alert>}
      {(lastRead ?? sent) && (
        <div className="sim-read" data-testid="sim-read" data-source={lastRead ? 'read' : 'sent'}>
          <span className="muted">{t(lastRead ? 'devices.sim.read' : 'security.simSent')}</span>
          <pre className="mono sim-read-lines">{(lastRead ?? sent ?? []).join('\n')}</pre>
        </div>
      )}
    </div>
  );
}
