// Where the trip's backup goes: one of the removable drives the station sees mounted, or a
// folder the officer types. A read-only drive is shown but cannot be picked.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TripDrive } from '../../../electron/trip-types';
import { Alert } from '../../components/alert';
import { errorMessage } from '../../i18n/errors';
import { call } from '../../lib/station';

interface Props { value: string; onChange: (dir: string) => void }

const OTHER = '\u0000other';

export function DrivePicker({ value, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const [drives, setDrives] = useState<TripDrive[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [other, setOther] = useState('');
  const [otherChosen, setOtherChosen] = useState(false);
  const load = useCallback(() => {
    setFailure(null);
    call('trip.drives', {}).then(setDrives, setFailure);
  }, []);
  useEffect(load, [load]);
  const size = (bytes: number) => new Intl.NumberFormat(i18n.language, { style: 'unit', unit: bytes >= 1e9 ? 'gigabyte' : 'megabyte', maximumFractionDigits: 1 })
    .format(bytes >= 1e9 ? bytes / 1e9 : bytes / 1e6);
  const pick = (dir: string) => { setOtherChosen(dir === OTHER); onChange(dir === OTHER ? other.trim() : dir); };

  return (
    <fieldset className="trip-drives" data-testid="trip-drives">
      <legend>{t('trip.drives')}</legend>
      {failure !== null && <Alert tone="problem">{errorMessage(t, failure)}</Alert>}
      {drives?.length === 0 && <p className="muted" data-testid="trip-drives-none">{t('trip.drivesNone')}</p>}
      {drives?.map((d) => (
        <label key={d.path} className="trip-drive" data-testid="trip-drive">
          <input type="radio" name="trip-drive" value={d.path} disabled={!d.writable} checked={!otherChosen && value === d.path} onChange={() => pick(d.path)} />
          <strong>{d.label}</strong> <span className="muted">{d.path}</span> — {t('trip.driveFree', { free: size(d.freeBytes), total: size(d.totalBytes) })}
          {!d.writable && <em> · {t('trip.driveReadonly')}</em>}
        </label>
      ))}
      <label className="trip-drive">
        <input type="radio" name="trip-drive" value={OTHER} checked={otherChosen} onChange={() => pick(OTHER)} data-testid="trip-drive-other" />
        {t('trip.otherDir')}
      </label>
      {otherChosen && (
        <input
          className="trip-other-dir" aria-label={t('trip.otherDir')} data-testid="trip-other-dir" value={other} autoFocus spellCheck={false}
          placeholder={t('trip.otherDirHint')} onChange={(e) => { setOther(e.target.value); onChange(e.target.value.trim()); }}
        />
      )}
      <button type="button" className="btn btn-quiet" onClick={load} data-testid="trip-drives-refresh">{t('trip.drivesRefresh')}</button>
    </fieldset>
  );
}
