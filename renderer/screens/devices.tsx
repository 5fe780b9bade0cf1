// The technician's device settings (F6): every configured device with its live state and
// what to do about it, its identity, and the tools to test, reconnect, change, remove and
// trace it; the ports this computer sees; for a passport printer, its calibration (the
// calibration page previewed, offsets, a test print); and, for simulated readers, a
// training box.
// Administrators see the same page without the tools (the station refuses them anyway).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceSlot, DevicesOverview, DeviceTestResult, DeviceView } from '../../electron/contract-types';
import { Alert } from '../components/alert';
import { ConfirmDialog } from '../components/confirm-dialog';
import { LOOK } from '../components/device-badge';
import { Dialog } from '../components/dialog';
import { Kbd } from '../components/kbd';
import { SimTrainer } from '../components/sim-trainer';
import { keyedText } from '../lib/device-text';
import { useSession } from '../lib/session';
import { call, on } from '../lib/station';
import { useDevices } from '../lib/use-devices';
import { useHotkeys } from '../lib/use-hotkeys';
import { DeviceFormDialog, deviceErrorMessage } from './device-form';
import type { DevicePreset } from './device-form';
import { EsclDiscoveryPanel } from './escl-discovery';
import { hex4, portText } from './device-format';
import { DeviceTracePanel } from './device-trace';
import { PrinterCalibrationPanel } from './printer-calibration';

type Open =
  | { kind: 'form'; device: DeviceView | null; preset?: DevicePreset }
  | { kind: 'remove'; device: DeviceView }
  | { kind: 'test'; device: DeviceView; result: DeviceTestResult | null; failure: unknown }
  | null;

/** Identity facts in a fixed order first, then whatever else the driver reported. */
const IDENTITY_ORDER = ['model', 'packetBytes', 'baudRate', 'librarySize', 'templates', 'ledRing', 'platen', 'feeder', 'framing'];

function IdentityFacts({ identity }: { identity: Record<string, string | number | boolean> | undefined }) {
  const { t } = useTranslation();
  if (!identity || Object.keys(identity).length === 0) return <span className="muted">{t('devices.identity.unknown')}</span>;
  const keys = Object.keys(identity).sort((a, b) => {
    const ia = IDENTITY_ORDER.indexOf(a);
    const ib = IDENTITY_ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  });
  const value = (k: string, v: string | number | boolean): string => {
    if (typeof v === 'boolean') return v ? t('devices.yes') : t('devices.no');
    if (k === 'packetBytes') return t('devices.identity.bytes', { n: v });
    return String(v);
  };
  return (
    <dl className="identity" data-testid="device-identity">
      {keys.map((k) => (
        <div key={k} data-key={k}>
          <dt>{t(`devices.identity.${k}`, { defaultValue: k })}</dt>
          <dd>{value(k, identity[k]!)}</dd>
        </div>
      ))}
    </dl>
  );
}

function TestResultView({ result }: { result: DeviceTestResult }) {
  const { t } = useTranslation();
  return (
    <div data-testid="test-result" data-ok={result.ok}>
      <Alert tone={result.ok ? 'ready' : 'problem'} testId="test-summary">
        {result.ok ? t('devices.test.passed') : t('devices.test.failed')}
        {result.message && <div className="alert-hint">{keyedText(t, result.message)}</div>}
      </Alert>
      <ul className="checks">
        {result.checks.map((c) => (
          <li key={c.name} className={`check ${c.ok ? 'tone-ready' : 'tone-problem'}`} data-testid="test-check" data-name={c.name} data-ok={c.ok}>
            <span aria-hidden="true">{c.ok ? '✔' : '✖'}</span>
            <strong>{t(`devices.check.${c.name.replace(/\s+/g, '_')}`, { defaultValue: c.name })}</strong>
            <span>{c.ok ? t('devices.test.ok') : t('devices.test.fail')}</span>
            {c.detail && <span className="mono check-detail">{c.detail}</span>}
          </li>
        ))}
      </ul>
      {result.identity && (
        <>
          <h3>{t('devices.identity.title')}</h3>
          <IdentityFacts identity={result.identity} />
        </>
      )}
    </div>
  );
}

export function DevicesScreen() {
  const { t } = useTranslation();
  const { hasRole, notify } = useSession();
  const technician = hasRole('technician');
  const trainer = hasRole('technician', 'counter', 'supervisor');
  const slots = useDevices();
  const [overview, setOverview] = useState<DevicesOverview | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [open, setOpen] = useState<Open>(null);
  const [traceId, setTraceId] = useState<string | null>(null);
  const [calibrateId, setCalibrateId] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [rowFailure, setRowFailure] = useState<{ id: string; text: string } | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  const load = useCallback(async () => {
    try {
      setOverview(await call('devices.overview', {}));
      setFailure(null);
    } catch (err) {
      setFailure(err);
    }
  }, []);

  useEffect(() => { void load(); }, [load]);

  // A device that (re)connects learns its identity: read the overview again, at most once a
  // second however many status events arrive.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = on('device.status', () => {
      if (timer) return;
      timer = setTimeout(() => { timer = undefined; void load(); }, 1000);
    });
    return () => { off(); clearTimeout(timer); };
  }, [load]);

  const slotOf = useMemo(() => new Map(slots.map((s) => [s.id, s])), [slots]);
  const status = (d: DeviceView): DeviceSlot => slotOf.get(d.id) ?? d.status;

  useHotkeys({
    F5: () => void load(),
    ...(technician ? { 'Alt+T': () => setOpen({ kind: 'form', device: null }) } : {}),
  });

  const runTest = async (d: DeviceView): Promise<void> => {
    setOpen({ kind: 'test', device: d, result: null, failure: null });
    try {
      const result = await call('devices.test', { id: d.id });
      setOpen((o) => (o?.kind === 'test' && o.device.id === d.id ? { ...o, result } : o));
    } catch (err) {
      setOpen((o) => (o?.kind === 'test' && o.device.id === d.id ? { ...o, failure: err } : o));
    }
  };

  const reconnect = async (d: DeviceView): Promise<void> => {
    setBusyId(d.id);
    setRowFailure(null);
    try {
      setOverview(await call('devices.reconnect', { id: d.id }));
    } catch (err) {
      setRowFailure({ id: d.id, text: deviceErrorMessage(t, err) });
    } finally {
      setBusyId(null);
    }
  };

  const remove = async (d: DeviceView): Promise<void> => {
    setBusyId(d.id);
    try {
      setOverview(await call('devices.remove', { id: d.id }));
      if (traceId === d.id) setTraceId(null);
      setOpen(null);
      notify({ tone: 'ready', text: t('devices.removed', { label: d.label }) });
      addRef.current?.focus();
    } catch (err) {
      setOpen(null);
      setRowFailure({ id: d.id, text: deviceErrorMessage(t, err) });
    } finally {
      setBusyId(null);
    }
  };

  const traced = overview?.devices.find((d) => d.id === traceId) ?? null;
  const calibrated = overview?.devices.find((d) => d.id === calibrateId && d.kind === 'printer') ?? null;
  const simulated = (overview?.devices ?? []).filter((d) => d.port.kind === 'sim' && (d.kind === 'mrz' || d.kind === 'barcode'));

  return (
    <div className="devices-screen">
      <section className="card">
        <div className="heading-row">
          <h1>{t('device.title')}</h1>
          <div className="actions">
            <button type="button" className="btn" onClick={() => void load()} data-testid="devices-refresh">
              {t('action.refresh')} <Kbd keys="F5" />
            </button>
            {technician && (
              <button
                type="button" ref={addRef} className="btn btn-primary" autoFocus
                onClick={() => setOpen({ kind: 'form', device: null })} data-testid="device-add"
              >
                {t('devices.add')} <Kbd keys="Alt+T" />
              </button>
            )}
          </div>
        </div>
        {!technician && <Alert tone="info" testId="devices-readonly">{t('devices.readOnly')}</Alert>}
        {failure !== null && <Alert tone="problem" testId="devices-error">{deviceErrorMessage(t, failure)}</Alert>}
        {overview && overview.devices.length === 0 && <p className="muted" data-testid="devices-empty">{t('device.none')}</p>}
        {overview && overview.devices.length > 0 && (
          <div className="table-wrap devices-table-wrap">
            <table className="table devices-table" data-testid="devices-table">
              <thead>
                <tr>
                  <th scope="col">{t('devices.col.device')}</th>
                  <th scope="col">{t('devices.col.kind')}</th>
                  <th scope="col">{t('devices.col.port')}</th>
                  <th scope="col">{t('devices.col.status')}</th>
                  <th scope="col">{t('devices.col.identity')}</th>
                  {technician && <th scope="col">{t('devices.col.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {overview.devices.map((d) => {
                  const s = status(d);
                  return (
                    <tr key={d.id} data-testid="device-row" data-id={d.id} data-state={s.state}>
                      <td>
                        <strong>{d.label}</strong>
                        <div className="muted mono">{d.id}</div>
                      </td>
                      <td>
                        {t(`device.kind.${d.kind}`)}
                        <div className="muted mono">{d.driver}</div>
                      </td>
                      <td className="mono device-port" data-testid="device-port">{portText(t, d.port)}{d.address && d.port.kind !== 'path' && d.port.kind !== 'url' && <div className="muted">{d.address}</div>}</td>
                      <td className="device-status-cell" data-testid="device-status">
                        <DeviceStatus slot={s} />
                        {rowFailure?.id === d.id && <Alert tone="problem" testId="device-row-error">{rowFailure.text}</Alert>}
                      </td>
                      <td><IdentityFacts identity={d.identity} /></td>
                      {technician && (
                        <td>
                          <div className="row-actions">
                            <button type="button" className="btn btn-small" onClick={() => void runTest(d)} data-testid="device-test">{t('devices.action.test')}</button>
                            <button type="button" className="btn btn-small" disabled={busyId === d.id} onClick={() => void reconnect(d)} data-testid="device-reconnect">{t('devices.action.reconnect')}</button>
                            <button type="button" className="btn btn-small" onClick={() => setOpen({ kind: 'form', device: d })} data-testid="device-edit">{t('devices.action.edit')}</button>
                            {d.kind === 'printer' && d.driver !== 'escpos' && (
                              <button
                                type="button" className={`btn btn-small${calibrateId === d.id ? ' btn-primary' : ''}`} aria-pressed={calibrateId === d.id}
                                onClick={() => setCalibrateId(calibrateId === d.id ? null : d.id)} data-testid="device-calibrate"
                              >
                                {t('devices.action.calibrate')}
                              </button>
                            )}
                            {d.driver !== 'escl' && (d.kind !== 'printer' || d.driver === 'escpos') && (
                              <button
                                type="button" className={`btn btn-small${traceId === d.id ? ' btn-primary' : ''}`} aria-pressed={traceId === d.id}
                                onClick={() => setTraceId(traceId === d.id ? null : d.id)} data-testid="device-trace"
                              >
                                {t('devices.action.trace')}
                              </button>
                            )}
                            <button type="button" className="btn btn-small btn-danger-quiet" onClick={() => setOpen({ kind: 'remove', device: d })} data-testid="device-remove">{t('devices.action.remove')}</button>
                          </div>
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {technician && traced && <DeviceTracePanel key={traced.id} device={traced} onClose={() => setTraceId(null)} />}
      {technician && calibrated && (
        <PrinterCalibrationPanel key={calibrated.id} device={calibrated} onSaved={() => void load()} onClose={() => setCalibrateId(null)} />
      )}

      {trainer && simulated.length > 0 && (
        <section className="card" data-testid="training">
          <h2>{t('devices.sim.title')}</h2>
          <p className="muted">{t('devices.sim.intro')}</p>
          <div className="training-grid">
            {simulated.map((d) => (
              <div key={d.id} className="training-item">
                <h3>{d.label}</h3>
                <SimTrainer deviceId={d.id} kind={d.kind === 'mrz' ? 'mrz' : 'barcode'} compact />
              </div>
            ))}
          </div>
        </section>
      )}

      {technician && overview && (
        <EsclDiscoveryPanel onUse={(found) => setOpen({ kind: 'form', device: null, preset: { label: found.name, url: found.url } })} />
      )}

      {overview && (
        <section className="card" data-testid="ports">
          <h2>{t('devices.ports.title')}</h2>
          {overview.problems.length > 0 && (
            <Alert tone="waiting" testId="ports-problems">
              {t('devices.ports.problems')}
              <ul className="mono ports-problem-list">{overview.problems.map((p) => <li key={p}>{p}</li>)}</ul>
            </Alert>
          )}
          {overview.ports.length === 0 ? (
            <p className="muted" data-testid="ports-empty">{t('devices.ports.none')}</p>
          ) : (
            <table className="table" data-testid="ports-table">
              <thead>
                <tr>
                  <th scope="col">{t('devices.ports.type')}</th>
                  <th scope="col">{t('devices.ports.path')}</th>
                  <th scope="col">{t('devices.ports.usb')}</th>
                  <th scope="col">{t('devices.ports.maker')}</th>
                </tr>
              </thead>
              <tbody>
                {overview.ports.map((p) => (
                  <tr key={`${p.type}-${p.path}`} data-testid="port-row">
                    <td>{t(`devices.ports.kind.${p.type}`)}</td>
                    <td className="mono">{p.path}</td>
                    <td className="mono">{p.vendorId !== undefined && p.productId !== undefined ? `${hex4(p.vendorId)}:${hex4(p.productId)}` : '—'}</td>
                    <td>{[p.manufacturer, p.product, p.serialNumber].filter(Boolean).join(' · ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="muted">{t('devices.ports.ptyNote')}</p>
        </section>
      )}

      {open?.kind === 'form' && overview && (
        <DeviceFormDialog
          device={open.device}
          preset={open.preset}
          overview={overview}
          onClose={() => setOpen(null)}
          onSaved={(next, label) => {
            setOverview(next);
            setOpen(null);
            notify({ tone: 'ready', text: t('devices.saved', { label }) });
          }}
        />
      )}
      {open?.kind === 'remove' && (
        <ConfirmDialog
          title={t('devices.removeTitle')}
          confirmLabel={t('devices.action.remove')}
          danger
          busy={busyId === open.device.id}
          onConfirm={() => void remove(open.device)}
          onClose={() => setOpen(null)}
          testId="device-remove-confirm"
        >
          <p>{t('devices.removeQuestion', { label: open.device.label, id: open.device.id })}</p>
        </ConfirmDialog>
      )}
      {open?.kind === 'test' && (
        <Dialog title={t('devices.test.title', { label: open.device.label })} onClose={() => setOpen(null)} testId="device-test-dialog">
          {open.result === null && open.failure === null && <Alert tone="waiting" testId="test-running">{t('devices.test.running')}</Alert>}
          {open.failure !== null && <Alert tone="problem" testId="test-error">{deviceErrorMessage(t, open.failure)}</Alert>}
          {open.result && <TestResultView result={open.result} />}
          <div className="actions">
            <button type="button" className="btn btn-primary" autoFocus onClick={() => setOpen(null)} data-testid="test-close">
              {t('action.close')} <Kbd keys="Esc" />
            </button>
            <button type="button" className="btn" disabled={open.result === null && open.failure === null} onClick={() => void runTest(open.device)} data-testid="test-again">
              {t('devices.test.again')}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}

/** The state as colour + icon + word, and below it the sentence that says what to do. */
function DeviceStatus({ slot }: { slot: DeviceSlot }) {
  const { t } = useTranslation();
  const look = LOOK[slot.state];
  const sentence = slot.message ? keyedText(t, slot.message) : t(`device.advice.${slot.state}`);
  return (
    <div className="device-status">
      <span className={`badge tone-${look.tone}`} data-testid="device-state" data-state={slot.state}>
        <span aria-hidden="true">{look.icon}</span> {t(`device.state.${slot.state}`)}
      </span>
      {slot.simulated && <span className="device-sim"> {t('device.simulated')}</span>}
      <div className="device-sentence" data-testid="device-sentence">{sentence}</div>
    </div>
  );
}
