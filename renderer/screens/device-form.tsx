// Add or change a device (technicians): what it is (kind, driver), where it is plugged in
// (a serial path and its speed, a USB vendor:product, the in-process simulator, an eSCL
// address, a printer's ipp:// address or its system name), and the driver's own settings.
// The station restarts its devices on save.
import { zodResolver } from '@hookform/resolvers/zod';
import i18next from 'i18next';
import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { DevicePort, DevicesOverview, DeviceView } from '../../electron/contract-types';
import type { MethodInput } from '../../electron/contract';
import { Alert } from '../components/alert';
import { Dialog } from '../components/dialog';
import { Field } from '../components/field';
import { Kbd } from '../components/kbd';
import { ApiError } from '../api';
import { errorField, errorMessage, formMessage } from '../i18n/errors';
import { call } from '../lib/station';
import { hex4, isHidDriver } from './device-format';
import { EsclCertPin } from './escl-cert-pin';

export const BAUD_RATES = [9600, 19200, 38400, 57600, 115200] as const;
const PORT_KINDS = ['path', 'usb', 'sim', 'url'] as const;
type PortKind = (typeof PORT_KINDS)[number];
type SaveKind = MethodInput<'devices.save'>['kind'];

const USB = /^([0-9a-f]{4}):([0-9a-f]{4})$/i;
/** Drivers reached at an address rather than a port. */
const URL_DRIVERS = new Set(['escl', 'ipp']);

const schema = z.object({
  id: z.string().trim().regex(/^[a-z0-9-]{2,40}$/, 'devices.validation.id'),
  label: z.string().trim().min(1, 'validation.required').max(60, 'validation.too_long'),
  kind: z.string().min(1, 'validation.choose'),
  driver: z.string().min(1, 'validation.choose'),
  portKind: z.enum(PORT_KINDS),
  path: z.string().trim(),
  baudRate: z.string(),
  usb: z.string().trim(),
  simName: z.string(),
  url: z.string().trim(),
  password: z.string().trim(),
  paperMm: z.enum(['80', '58']),
}).superRefine((v, ctx) => {
  const issue = (path: string, message: string): void => { ctx.addIssue({ code: 'custom', path: [path], message }); };
  if (v.portKind === 'path' && !v.path) issue('path', 'validation.required');
  if (v.portKind === 'path' && v.path.length > 200) issue('path', 'validation.too_long');
  if (v.portKind === 'usb' && !USB.test(v.usb)) issue('usb', 'devices.validation.usb');
  if (v.portKind === 'url' && v.driver === 'ipp' && !/^ipps?:\/\/\S+$/i.test(v.url)) issue('url', 'devices.validation.ippUrl');
  if (v.portKind === 'url' && v.driver !== 'ipp' && !/^https?:\/\/\S+$/i.test(v.url)) issue('url', 'devices.validation.url');
  if (v.portKind === 'sim' && !v.simName) issue('portKind', 'devices.validation.noSimulator');
  if (v.password && !(/^\d{1,10}$/.test(v.password) && Number(v.password) <= 0xffffffff)) issue('password', 'devices.validation.password');
});
type Values = z.input<typeof schema>;
type FieldName = keyof Values;

/** Which form field a station error names (the contract's path, e.g. "port.path"). */
function formField(field: string): FieldName | null {
  if (field === 'id' || field === 'label' || field === 'kind' || field === 'driver') return field;
  if (field === 'port.path') return 'path';
  if (field === 'port.url') return 'url';
  if (field === 'port.baudRate') return 'baudRate';
  if (field === 'port.vendorId' || field === 'port.productId') return 'usb';
  if (field.startsWith('port')) return 'portKind';
  if (field === 'settings.paperMm') return 'paperMm';
  if (field.startsWith('settings')) return 'password';
  return null;
}

/** A station refusal in words: the device screen's own reasons first. */
export function deviceErrorMessage(t: (k: string, o?: Record<string, unknown>) => string, err: unknown): string {
  const reason = err instanceof ApiError ? err.error.params?.reason : undefined;
  if (typeof reason === 'string' && i18next.exists(`devices.reason.${reason}`)) return t(`devices.reason.${reason}`);
  return errorMessage(t as never, err);
}

/** A new device's form filled from what discovery found (an eSCL scanner's name and address). */
export interface DevicePreset { label: string; url: string }

function initialValues(device: DeviceView | null, overview: DevicesOverview, preset?: DevicePreset): Values {
  const simOf = (driver: string) => overview.drivers.find((d) => d.name === driver)?.simulator ?? '';
  if (!device && preset) {
    return { id: '', label: preset.label.slice(0, 60), kind: 'document_scanner', driver: 'escl', portKind: 'url', path: '', baudRate: '9600', usb: '', simName: '', url: preset.url, password: '', paperMm: '80' };
  }
  if (!device) {
    return { id: '', label: '', kind: '', driver: '', portKind: 'path', path: '', baudRate: '9600', usb: '', simName: '', url: '', password: '', paperMm: '80' };
  }
  const p = device.port;
  const baud = (p.kind === 'path' || p.kind === 'usb') && p.baudRate ? String(p.baudRate) : device.driver === 'zfm' ? '57600' : '9600';
  const pwd = device.settings.password;
  return {
    id: device.id, label: device.label, kind: device.kind, driver: device.driver, portKind: p.kind,
    path: p.kind === 'path' ? p.path : '',
    baudRate: baud,
    usb: p.kind === 'usb' ? `${hex4(p.vendorId)}:${hex4(p.productId)}` : '',
    simName: p.kind === 'sim' ? p.name : simOf(device.driver),
    url: p.kind === 'url' ? p.url : '',
    password: typeof pwd === 'number' ? String(pwd) : '',
    paperMm: device.settings.paperMm === 58 ? '58' : '80',
  };
}

interface Props {
  /** The device to change, or null to add one. */
  device: DeviceView | null;
  overview: DevicesOverview;
  onClose: () => void;
  onSaved: (next: DevicesOverview, label: string) => void;
  preset?: DevicePreset | undefined;
}

export function DeviceFormDialog({ device, overview: live, onClose, onSaved, preset }: Props) {
  const { t } = useTranslation();
  // The overview as it was when the form opened: the screen reads it again on every status
  // change, and the form must not re-apply the driver's defaults over what was chosen.
  const [overview] = useState(live);
  const [failure, setFailure] = useState<unknown>(null);
  const editing = device !== null;
  const { register, handleSubmit, watch, setValue, setError, setFocus, getValues, formState: { errors, isSubmitting } } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: initialValues(device, overview, preset),
  });
  // An https eSCL scanner's trusted certificate (pinned on first use, see escl-cert-pin.tsx).
  const stored = device?.settings.certSha256;
  const [certPin, setCertPin] = useState<string | undefined>(typeof stored === 'string' ? stored : undefined);
  const msg = (m?: string): string | undefined => (m ? formMessage(t, m) : undefined);

  const kind = watch('kind');
  const driver = watch('driver');
  const portKind = watch('portKind');
  const kinds = useMemo(() => [...new Set(overview.drivers.map((d) => d.kind))], [overview.drivers]);
  const drivers = overview.drivers.filter((d) => d.kind === kind);
  const isUrlDriver = URL_DRIVERS.has(driver);
  const isSystemPrint = driver === 'system-print';
  const portKinds: readonly PortKind[] = isUrlDriver ? ['url'] : isSystemPrint ? ['path'] : driver ? ['path', 'usb', 'sim'] : PORT_KINDS;
  const serialPorts = overview.ports.filter((p) => p.type === 'serial');
  const usbPorts = overview.ports.filter((p) => p.vendorId !== undefined && p.productId !== undefined);
  const showBaud = (portKind === 'path' && !isSystemPrint) || (portKind === 'usb' && !isHidDriver(driver));

  // A driver belongs to one kind: picking another kind forgets it (or takes the only one).
  useEffect(() => {
    if (!kind) return;
    const current = getValues('driver');
    const fitting = overview.drivers.filter((d) => d.kind === kind);
    if (!fitting.some((d) => d.name === current)) setValue('driver', fitting.length === 1 ? fitting[0]!.name : '');
  }, [kind, overview.drivers, getValues, setValue]);

  // The driver decides the simulator's name, the port kinds that make sense and the usual speed.
  useEffect(() => {
    if (!driver) return;
    const def = overview.drivers.find((d) => d.name === driver);
    setValue('simName', def?.simulator ?? '');
    const pk = getValues('portKind');
    if (URL_DRIVERS.has(driver) && pk !== 'url') setValue('portKind', 'url');
    if (!URL_DRIVERS.has(driver) && pk === 'url') setValue('portKind', 'path');
    if (driver === 'system-print') setValue('portKind', 'path');
    if (!editing) setValue('baudRate', driver === 'zfm' ? '57600' : '9600');
  }, [driver, overview.drivers, editing, getValues, setValue]);

  const submit = handleSubmit(async (v) => {
    setFailure(null);
    if (!editing && overview.devices.some((d) => d.id === v.id)) {
      setError('id', { type: 'server', message: t('devices.validation.idTaken') });
      setFocus('id');
      return;
    }
    let port: DevicePort;
    const baud = Number(v.baudRate);
    if (v.portKind === 'path') port = v.driver === 'system-print' ? { kind: 'path', path: v.path } : { kind: 'path', path: v.path, baudRate: baud };
    else if (v.portKind === 'usb') {
      const m = USB.exec(v.usb);
      port = { kind: 'usb', vendorId: parseInt(m?.[1] ?? '0', 16), productId: parseInt(m?.[2] ?? '0', 16), ...(showBaud ? { baudRate: baud } : {}) };
    } else if (v.portKind === 'sim') port = { kind: 'sim', name: v.simName };
    else port = { kind: 'url', url: v.url };
    // Keep settings this form does not show (timeouts set by other means).
    const settings: Record<string, string | number | boolean> = {};
    for (const [k, val] of Object.entries(device?.settings ?? {})) {
      if (k !== 'password' && (typeof val === 'string' || typeof val === 'number' || typeof val === 'boolean')) settings[k] = val;
    }
    if (v.driver === 'zfm' && v.password) settings.password = Number(v.password);
    if (v.driver === 'escpos') settings.paperMm = Number(v.paperMm);
    delete settings.certSha256;
    if (v.driver === 'escl' && /^https:\/\//i.test(v.url.trim()) && certPin) settings.certSha256 = certPin;
    try {
      const next = await call('devices.save', { id: v.id, kind: v.kind as SaveKind, driver: v.driver, label: v.label.trim(), port, settings });
      onSaved(next, v.label.trim());
    } catch (err) {
      const f = errorField(err);
      const target = f ? formField(f) : null;
      if (target) {
        setError(target, { type: 'server', message: deviceErrorMessage(t, err) });
        setFocus(target);
      } else {
        setFailure(err);
      }
    }
  });

  return (
    <Dialog title={editing ? t('devices.form.editTitle', { label: device.label }) : t('devices.form.addTitle')} onClose={onClose} testId="device-form">
      <form onSubmit={(e) => void submit(e)} noValidate className="device-form">
        {failure !== null && <Alert tone="problem" testId="device-form-error">{deviceErrorMessage(t, failure)}</Alert>}
        <div className="form-grid">
          <Field id="device-id" label={t('devices.form.id')} error={msg(errors.id?.message)} hint={t('devices.form.idHint')}>
            <input id="device-id" data-testid="device-id" autoComplete="off" readOnly={editing} autoFocus={!editing} className="mono" {...register('id')} />
          </Field>
          <Field id="device-label" label={t('devices.form.label')} error={msg(errors.label?.message)}>
            <input id="device-label" data-testid="device-label" autoComplete="off" autoFocus={editing} maxLength={60} {...register('label')} />
          </Field>
          <Field id="device-kind" label={t('devices.form.kind')} error={msg(errors.kind?.message)}>
            <select id="device-kind" data-testid="device-kind" disabled={editing} {...register('kind')}>
              <option value="">{t('devices.form.choose')}</option>
              {kinds.map((k) => <option key={k} value={k}>{t(`device.kind.${k}`)}</option>)}
            </select>
          </Field>
          <Field id="device-driver" label={t('devices.form.driver')} error={msg(errors.driver?.message)} hint={kind ? undefined : t('devices.form.driverHint')}>
            <select id="device-driver" data-testid="device-driver" disabled={!kind} {...register('driver')}>
              <option value="">{t('devices.form.choose')}</option>
              {drivers.map((d) => (
                <option key={d.name} value={d.name}>{t(`devices.driver.${d.name}`, { defaultValue: d.name })}</option>
              ))}
            </select>
          </Field>
        </div>

        <fieldset className={`field choice${errors.portKind ? ' field-invalid' : ''}`} data-testid="device-port-kind">
          <legend>{t('devices.form.portKind')}</legend>
          {portKinds.map((pk) => (
            <label key={pk} className="choice-item">
              <input type="radio" value={pk} data-testid={`device-port-${pk}`} {...register('portKind')} />
              {t(`devices.portKind.${pk}`)}
            </label>
          ))}
          {errors.portKind?.message && (
            <div className="field-error" role="alert" data-testid="device-portKind-error"><span aria-hidden="true">⚠ </span>{msg(errors.portKind.message)}</div>
          )}
        </fieldset>

        <div className="form-grid">
          {portKind === 'path' && (
            <Field id="device-path" label={t(isSystemPrint ? 'devices.form.systemPrinter' : 'devices.form.path')} error={msg(errors.path?.message)} hint={t(isSystemPrint ? 'devices.form.systemPrinterHint' : driver === 'escpos' ? 'devices.form.pathHintEscpos' : 'devices.form.pathHint')}>
              <input id="device-path" data-testid="device-path" className="mono" autoComplete="off" list="device-path-list" {...register('path')} />
              <datalist id="device-path-list">
                {serialPorts.map((p) => <option key={p.path} value={p.path}>{[p.manufacturer, p.product].filter(Boolean).join(' ')}</option>)}
              </datalist>
            </Field>
          )}
          {portKind === 'usb' && (
            <Field id="device-usb" label={t('devices.form.usb')} error={msg(errors.usb?.message)} hint={t('devices.form.usbHint')}>
              <input id="device-usb" data-testid="device-usb" className="mono" autoComplete="off" placeholder="1a86:7523" {...register('usb')} />
              {usbPorts.length > 0 && (
                <select
                  aria-label={t('devices.form.usbPick')} data-testid="device-usb-pick" value=""
                  onChange={(e) => { if (e.target.value) setValue('usb', e.target.value, { shouldValidate: true }); }}
                >
                  <option value="">{t('devices.form.usbPick')}</option>
                  {usbPorts.map((p) => {
                    const v = `${hex4(p.vendorId ?? 0)}:${hex4(p.productId ?? 0)}`;
                    return <option key={`${p.type}-${p.path}`} value={v}>{`${v} · ${p.type.toUpperCase()} · ${[p.manufacturer, p.product].filter(Boolean).join(' ') || p.path}`}</option>;
                  })}
                </select>
              )}
            </Field>
          )}
          {showBaud && (
            <Field id="device-baud" label={t('devices.form.baud')} error={msg(errors.baudRate?.message)} hint={driver === 'zfm' ? t('devices.form.baudHintZfm') : driver === 'gt521' ? t('devices.form.baudHintGt521') : undefined}>
              <select id="device-baud" data-testid="device-baud" {...register('baudRate')}>
                {BAUD_RATES.map((b) => <option key={b} value={String(b)}>{b}</option>)}
              </select>
            </Field>
          )}
          {portKind === 'sim' && (
            <div className="field">
              <span className="device-field-label">{t('devices.form.simulator')}</span>
              <p className="muted" data-testid="device-sim-name">
                {getValues('simName') ? t('devices.port.sim', { name: watch('simName') }) : t('devices.validation.noSimulator')}
              </p>
            </div>
          )}
          {portKind === 'url' && (
            <Field id="device-url" label={t('devices.form.url')} error={msg(errors.url?.message)} hint={t(driver === 'ipp' ? 'devices.form.urlHintIpp' : 'devices.form.urlHint')}>
              <input id="device-url" data-testid="device-url" className="mono" autoComplete="off" inputMode="url" {...register('url')} />
            </Field>
          )}
          {portKind === 'url' && driver === 'escl' && /^https:\/\/\S+$/i.test(watch('url').trim()) && (
            <EsclCertPin url={watch('url').trim()} pinned={certPin} onPin={setCertPin} />
          )}
          {driver === 'zfm' && (
            <Field id="device-password" label={t('devices.form.password')} error={msg(errors.password?.message)} hint={t('devices.form.passwordHint')}>
              <input id="device-password" data-testid="device-password" inputMode="numeric" autoComplete="off" {...register('password')} />
            </Field>
          )}
          {driver === 'escpos' && (
            <Field id="device-paper" label={t('devices.form.paperMm')} error={msg(errors.paperMm?.message)} hint={t('devices.form.paperHint')}>
              <select id="device-paper" data-testid="device-paper" {...register('paperMm')}>
                <option value="80">80 mm</option>
                <option value="58">58 mm</option>
              </select>
            </Field>
          )}
        </div>
        {driver && driver !== 'zfm' && driver !== 'escpos' && <p className="muted">{t('devices.form.noSettings')}</p>}

        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={isSubmitting} data-testid="device-submit">
            {isSubmitting ? t('devices.form.saving') : t('action.save')} <Kbd keys="Enter" />
          </button>
          <button type="button" className="btn" onClick={onClose}>{t('action.cancel')} <Kbd keys="Esc" /></button>
        </div>
      </form>
    </Dialog>
  );
}
