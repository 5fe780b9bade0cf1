// Station settings (administrators): how soon an idle screen locks, and how many wrong
// passwords lock an account for how long.
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { StationSettings } from '../../electron/contract-types';
import { Alert } from '../components/alert';
import { Field } from '../components/field';
import { Kbd } from '../components/kbd';
import { KeyProtectionPanel } from '../components/key-protection-panel';
import { OfficePanel } from '../components/office-panel';
import { StockConfigPanel } from './issuance-settings/stock-config-panel';
import { ReceiptSettingsPanel } from './issuance-settings/receipt-settings-panel';
import { errorField, errorMessage } from '../i18n/errors';
import { useSession } from '../lib/session';
import { call } from '../lib/station';

const whole = (min: number, max: number) =>
  z.number({ error: 'validation.number' }).int('validation.number').min(min, 'validation.range').max(max, 'validation.range');

// Ranges as the contract has them; the error text names them.
const RANGES = { idleLockMinutes: [1, 240], maxFailedLogins: [3, 20], lockoutMinutes: [1, 1440], reviewBacklogLimit: [1, 1000], blobRetentionDays: [1, 3650] } as const;
const schema = z.object({
  idleLockMinutes: whole(...RANGES.idleLockMinutes),
  maxFailedLogins: whole(...RANGES.maxFailedLogins),
  lockoutMinutes: whole(...RANGES.lockoutMinutes),
  reviewBacklogLimit: whole(...RANGES.reviewBacklogLimit),
  blobRetentionDays: whole(...RANGES.blobRetentionDays),
});
type Values = z.input<typeof schema>;
type Key = keyof typeof RANGES;
const KEYS = Object.keys(RANGES) as Key[];

export function SettingsScreen({ onTrip }: { onTrip?: () => void } = {}) {
  const { t } = useTranslation();
  const { session, setSession, notify } = useSession();
  const [loaded, setLoaded] = useState<StationSettings | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const { register, handleSubmit, reset, setError, setFocus, formState: { errors, isSubmitting } } = useForm<Values>({
    resolver: zodResolver(schema),
  });

  useEffect(() => {
    call('settings.get', {}).then((s) => { setLoaded(s); reset(s); setFocus('idleLockMinutes'); }, setFailure);
  }, [reset, setFocus]);

  const submit = handleSubmit(async (v) => {
    setFailure(null);
    try {
      const saved = await call('settings.update', v);
      setLoaded(saved);
      reset(saved);
      // The idle lock of this very screen follows the new setting at once.
      setSession({ ...session, idleLockMinutes: saved.idleLockMinutes });
      notify({ tone: 'ready', text: t('settings.saved') });
    } catch (err) {
      const field = errorField(err);
      if (field && (KEYS as string[]).includes(field)) {
        setError(field as Key, { type: 'server', message: errorMessage(t, err) });
        setFocus(field as Key);
      } else {
        setFailure(err);
      }
    }
  });

  const msg = (k: Key): string | undefined => {
    const m = errors[k]?.message;
    if (!m) return undefined;
    const [min, max] = RANGES[k];
    return t(m, { min, max });
  };

  return (
    <section className="card settings-screen">
      <h1>{t('settings.title')}</h1>
      {failure !== null && <Alert tone="problem" testId="settings-error">{errorMessage(t, failure)}</Alert>}
      {/* Two columns at the counter's 1366 px: the policy form, and how the key and the office link stand. */}
      <div className="settings-columns">
      <div>
      {loaded && (
        <form onSubmit={(e) => void submit(e)} noValidate data-testid="settings-form">
          {KEYS.map((k) => (
            <Field key={k} id={`settings-${k}`} label={t(`settings.${k}`)} error={msg(k)} hint={t('settings.range', { min: RANGES[k][0], max: RANGES[k][1] })}>
              <input
                id={`settings-${k}`} data-testid={`settings-${k}`} type="number" inputMode="numeric"
                min={RANGES[k][0]} max={RANGES[k][1]} {...register(k, { valueAsNumber: true })}
              />
            </Field>
          ))}
          <button type="submit" className="btn btn-primary" disabled={isSubmitting} data-testid="settings-save">
            {t('action.save')} <Kbd keys="Enter" />
          </button>
        </form>
      )}
      </div>
      <div>
      <KeyProtectionPanel />
      <OfficePanel />
      {onTrip && (
        <button type="button" className="btn" onClick={onTrip} data-testid="settings-trip">
          {t('trip.title')} <Kbd keys="Shift+F8" />
        </button>
      )}
      </div>
      </div>
      {/* Issuance: the book series and the receipt's office details, below the station's policy. */}
      <div className="settings-columns">
        <div><StockConfigPanel /></div>
        <div><ReceiptSettingsPanel /></div>
      </div>
    </section>
  );
}
