// The live traffic of one device for the technician: every frame sent (=>) and received
// (<=) with its time, decoded name and bytes. Polled twice a second while open and not
// paused; savable as a text file for the supplier's support desk.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceView, TraceEntryView } from '../../electron/contract-types';
import { Alert } from '../components/alert';
import { call } from '../lib/station';
import { deviceErrorMessage } from './device-form';
import { groupHex, traceTime } from './device-format';
import { downloadText } from '../lib/download';

const POLL_MS = 500;

interface Props {
  device: DeviceView;
  onClose: () => void;
}

export function DeviceTracePanel({ device, onClose }: Props) {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<TraceEntryView[]>([]);
  const [paused, setPaused] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  // Follow new entries unless the technician scrolled up to read older ones.
  const stickRef = useRef(true);
  const id = device.id;

  const apply = useCallback((v: { entries: TraceEntryView[]; paused: boolean }) => {
    setPaused(v.paused);
    setEntries((prev) => {
      const last = prev[prev.length - 1];
      const next = v.entries[v.entries.length - 1];
      // Nothing new: keep the same array so nothing re-renders.
      if (prev.length === v.entries.length && last?.at === next?.at && last?.hex === next?.hex) return prev;
      return v.entries;
    });
  }, []);

  // The panel opens below the device table: bring it into view.
  useEffect(() => { panelRef.current?.scrollIntoView?.({ block: 'start' }); }, [id]);

  // First look: whatever the station holds, and whether someone paused the trace.
  useEffect(() => {
    let alive = true;
    call('devices.trace', { id }).then((v) => { if (alive) { apply(v); setFailure(null); } }, (err: unknown) => { if (alive) setFailure(err); });
    return () => { alive = false; };
  }, [id, apply]);

  useEffect(() => {
    if (paused) return;
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = (): void => {
      call('devices.trace', { id }).then(
        (v) => { if (alive) { apply(v); setFailure(null); } },
        (err: unknown) => { if (alive) setFailure(err); },
      ).finally(() => { if (alive) timer = setTimeout(tick, POLL_MS); });
    };
    timer = setTimeout(tick, POLL_MS);
    return () => { alive = false; clearTimeout(timer); };
  }, [id, paused, apply]);

  useLayoutEffect(() => {
    const box = boxRef.current;
    if (box && stickRef.current) box.scrollTop = box.scrollHeight;
  }, [entries]);

  const onScroll = (): void => {
    const box = boxRef.current;
    if (box) stickRef.current = box.scrollHeight - box.scrollTop - box.clientHeight < 24;
  };

  const setPause = async (next: boolean): Promise<void> => {
    try {
      apply(await call('devices.trace', { id, paused: next }));
    } catch (err) {
      setFailure(err);
    }
  };

  const clear = async (): Promise<void> => {
    try {
      stickRef.current = true;
      apply(await call('devices.trace', { id, clear: true }));
    } catch (err) {
      setFailure(err);
    }
  };

  const save = async (): Promise<void> => {
    try {
      const { fileName, text } = await call('devices.traceText', { id });
      downloadText(fileName, text);
      setSaved(fileName);
    } catch (err) {
      setFailure(err);
    }
  };

  return (
    <section ref={panelRef} className="card trace-panel" data-testid="trace-panel" data-device={id} aria-label={t('devices.trace.title', { label: device.label })}>
      <div className="heading-row">
        <h2>{t('devices.trace.title', { label: device.label })}</h2>
        <span className={`badge ${paused ? 'tone-waiting' : 'tone-ready'}`} data-testid="trace-state" data-paused={paused}>
          <span aria-hidden="true">{paused ? '❚❚ ' : '● '}</span>{paused ? t('devices.trace.paused') : t('devices.trace.live')}
        </span>
      </div>
      <div className="actions">
        {paused ? (
          <button type="button" className="btn btn-primary" onClick={() => void setPause(false)} data-testid="trace-resume">{t('devices.trace.resume')}</button>
        ) : (
          <button type="button" className="btn" onClick={() => void setPause(true)} data-testid="trace-pause">{t('devices.trace.pause')}</button>
        )}
        <button type="button" className="btn" onClick={() => void clear()} data-testid="trace-clear">{t('devices.trace.clear')}</button>
        <button type="button" className="btn" onClick={() => void save()} data-testid="trace-save">{t('devices.trace.save')}</button>
        <button type="button" className="btn btn-quiet" onClick={onClose} data-testid="trace-close">{t('action.close')}</button>
        <span className="muted trace-count" data-testid="trace-count" data-count={entries.length}>{t('devices.trace.count', { count: entries.length })}</span>
      </div>
      {failure !== null && <Alert tone="problem" testId="trace-error">{deviceErrorMessage(t, failure)}</Alert>}
      {saved && <Alert tone="ready" testId="trace-saved">{t('devices.trace.saved', { file: saved })}</Alert>}
      <div className="trace-box" ref={boxRef} onScroll={onScroll} data-testid="trace-box" tabIndex={0}>
        {entries.length === 0 ? (
          <p className="muted trace-empty" data-testid="trace-empty">{t('devices.trace.empty')}</p>
        ) : (
          <table className="trace-table">
            <thead>
              <tr>
                <th scope="col">{t('devices.trace.time')}</th>
                <th scope="col">{t('devices.trace.direction')}</th>
                <th scope="col">{t('devices.trace.frame')}</th>
                <th scope="col">{t('devices.trace.bytes')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e, i) => (
                <tr key={`${e.at}-${i}`} className={`trace-${e.dir}`} data-testid="trace-row" data-dir={e.dir}>
                  <td className="mono trace-time">{traceTime(e.at)}</td>
                  <td className="trace-dir">
                    <span aria-hidden="true" className="mono">{e.dir === 'tx' ? '=> →' : '<= ←'}</span> {t(`devices.trace.${e.dir}`)}
                  </td>
                  <td className="trace-name">{e.name}</td>
                  <td className="mono trace-hex" data-testid="trace-hex">{groupHex(e.hex)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
