// The composition root: opens the store, builds the services and the dispatcher, and hands
// hosts one session per window or connection. Knows nothing of Electron or HTTP.
import { mkdirSync } from 'node:fs';
import type { EventName, Events, MethodName, SessionEndReason } from './contract';
import type { EventListener, Station, StationOptions, StationSession } from './station-types';
import { createDispatcher } from './dispatcher';
import { createHandlers } from './handlers';
import { mayReceive, noteOpenEnrolment } from './event-access';
import { Store } from './store/store';
import { AuthService } from './services/auth';
import { OfficersService } from './services/officers';
import { SettingsService } from './services/settings';
import { QueueService } from './services/queue';
import { WaitingRoom } from './services/waiting-room';
import { WorkflowService } from './services/workflow';
import { ServiceRulesService } from './services/service-rules';
import { AuditLogService } from './services/audit-log';
import { NumbersService } from './services/numbers';
import { ImportService } from './services/import';
import { DeviceSlots } from './services/devices';
import { EnrolmentService, type DocumentScannerPort } from './services/enrolment';
import { DraftsService } from './services/drafts';
import { DeviceService } from './services/device-service';
import { SessionState } from './services/session';
import { seedDemoDay } from './services/demo-seed';
import { seedDemoIssuance } from './services/demo-issuance';
import { localDate } from '../domain/dates';
import { esclScanner } from './services/escl-scanner';
import { FingerprintCaptureService } from './services/fingerprint-capture';
import { DEFAULT_FINGERS } from '../domain/capture-plan';
import type { EsclSim } from '../native/sim/escl-sim';
import type { IppSim } from '../native/sim/ipp-sim';
import { PrinterCalibrationService } from './services/printer-calibration';
import { DayReports } from './services/day-report';
import { KeyProtectionService } from './services/key-protection';
import { ReceiptService } from './services/receipts';
import { OfficeSyncService } from './services/office-sync';
import { MobileTripService } from './services/mobile-trip';
import { ReviewService } from './services/review';
import { StockService } from './services/stock';
import { BookLeaseService } from './services/book-lease';
import { IssuanceService } from './services/issuance';
import { HandoverService } from './services/handover';

/** Reads the screen makes on its own (on events, on a timer) are not officer activity. */
const PASSIVE: ReadonlySet<MethodName> = new Set<MethodName>(['setup.status', 'auth.session', 'queue.view', 'devices.slots', 'settings.get', 'queue.get']);
const IDLE_CHECK_MS = 5_000;

interface Conn { state: SessionState; listeners: Set<EventListener> }

export async function createStation(opts: StationOptions): Promise<Station> {
  const now = opts.now ?? (() => new Date());
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const dataKey = opts.keyProvider.loadOrCreateKey(opts.dataDir);
  const store = Store.open({ dataDir: opts.dataDir, dataKey, nativeBinding: opts.sqliteNativeBinding });
  const conns = new Set<Conn>();

  const send = <E extends EventName>(conn: Conn, event: E, payload: Events[E]) => {
    for (const l of conn.listeners) l(event, payload);
  };
  const settings = new SettingsService(store);
  const auth = new AuthService(store, settings, now);
  /** Every session of an officer who was disabled or whose password was reset ends at once,
   * whichever host holds it; the screen shows the login with the reason. */
  const endSessionsOf = (officerId: string, reason: SessionEndReason) => {
    for (const c of conns) {
      if (c.state.officerId !== officerId) continue;
      auth.endSession(c.state, reason);
      send(c, 'session.ended', { reason });
      send(c, 'session.changed', null);
    }
  };
  // Each session gets an event only if it could read the same data by a call right now.
  const broadcast = <E extends EventName>(event: E, payload: Events[E]) => {
    for (const c of conns) if (mayReceive(event, payload, c.state, auth.rolesOf(c.state))) send(c, event, payload);
  };
  const queueChanged = (date: string) => broadcast('queue.changed', { date });
  const devices = new DeviceSlots((slot) => broadcast('device.status', slot));
  const workflow = new WorkflowService(store, now, queueChanged);
  const waitingRoom = new WaitingRoom(store, now);
  const queue = new QueueService(store, now, queueChanged, workflow, waitingRoom);
  const deviceService = new DeviceService(store, devices, broadcast, now, opts.systemPrinter);
  const extraScanner: DocumentScannerPort | null = opts.scannerUrl ? esclScanner(opts.scannerUrl) : null;
  const documentScanner = () => deviceService.documentScanner() ?? extraScanner;
  const rules = new ServiceRulesService(store, now);
  const services = {
    store, auth, settings, devices, now, queue, workflow,
    rules,
    auditLog: new AuditLogService(store, now),
    numbers: new NumbersService(store, now),
    officers: new OfficersService(store, now, (officerId, reason) => endSessionsOf(officerId, reason)),
    importer: new ImportService(store, now, queueChanged),
    deviceService,
    reports: new DayReports(store, opts.dataDir, now, localDate),
    keys: new KeyProtectionService(opts.keyProvider, opts.dataDir, dataKey, store, now),
    printerCalibration: new PrinterCalibrationService(deviceService),
    receipts: new ReceiptService(store, deviceService, (id) => queue.get(id), now),
    enrolment: new EnrolmentService(store, queue, now, documentScanner, (appointmentId) => broadcast('enrolment.changed', { appointmentId }), workflow, rules),
    office: new OfficeSyncService(store, now, queueChanged, (status) => broadcast('office.status', status), () => settings.get().blobRetentionDays),
    drafts: new DraftsService(store, queue, now),
  };
  const stock = new StockService(store, now);
  const issuance = new IssuanceService(store, stock, workflow, deviceService, () => services.rules.current(), now, undefined, (id) => services.office.blobs.need(id));
  const capture = new FingerprintCaptureService(store, queue, services.enrolment, deviceService,
    () => ({ fingers: DEFAULT_FINGERS, qualityThreshold: settings.get().fingerprintThreshold, maxAttempts: settings.get().fingerprintMaxAttempts }),
    now, (view) => broadcast('capture.state', view));
  const review = new ReviewService(store, services.enrolment, workflow, auth, settings, now);

  // The handover requires the print queue's quality check where the office setting says so:
  // the application's latest print job must have passed it.
  const handover = new HandoverService(store, deviceService, workflow, auth, {
    // A book that failed its check is held back whatever the office setting: a mismatch blocks the book.
    required: (appointmentId) => store.settings.getAll()['issuance.requireQc'] === 'true' || issuance.qcFailed(appointmentId),
    passed: (appointmentId) => issuance.qcPassed(appointmentId),
  }, () => services.receipts.settings().officeName, now, documentScanner, (officerId, appointmentId, at) => {
    // The book printed for this application goes with it; an application printed before the
    // stock existed (or brought to printed another way) has no job, and no book to move.
    const job = store.stock.latestJob(appointmentId);
    if (job?.state !== 'printed') return null;
    stock.move(officerId, job.serial, 'issue', { appointmentId, at });
    return job.serial;
  }, (id) => services.office.blobs.need(id));

  let demoScanner: EsclSim | null = null;
  let demoPrinter: IppSim | null = null;
  if (opts.demo) seedDemoDay(store, now, localDate(now()));
  if (opts.demo) await seedDemoIssuance(store, now);
  if (opts.demo || (opts.simulators && store.devices.all().length === 0)) {
    // The scanner simulator (and its JPEG encoder) is loaded only when simulators stand in.
    const { startEsclSim } = await import('../native/sim/escl-sim');
    demoScanner = await startEsclSim({ feederPages: 50, profile: 'office', ...(opts.pacedSimulators ? { pageDelayMs: opts.pacedSimulators.scanPageMs } : {}) });
    // The passport printer simulator (IPP on 127.0.0.1): PDF only, the 125 × 88 mm page.
    const { startIppSim } = await import('../native/sim/ipp-sim');
    demoPrinter = await startIppSim({ printMs: 1500 });
    deviceService.useSimulators(demoScanner.url, demoPrinter, demoScanner);
    deviceService.autoFingers();
    if (opts.pacedSimulators) {
      const zfm = deviceService.zfmSim;
      zfm.pace = true;
      opts.pacedSimulators.onFingerprintWire?.(() => zfm.wireMs);
    }
  }
  await deviceService.start();
  services.office.start();
  // A submit stored just before the station stopped still owes the applicant a receipt.
  void services.receipts.printOwed().catch(() => undefined);

  const lockIfIdle = (conn: Conn): boolean => {
    if (!conn.state.isIdle(now().getTime(), settings.get().idleLockMinutes)) return false;
    auth.lock(conn.state, 'idle');
    send(conn, 'session.changed', auth.sessionInfo(conn.state));
    return true;
  };

  const connOf = new WeakMap<SessionState, Conn>();
  const dispatch = createDispatcher({
    handlers: createHandlers({ ...services, capture, review, stock, issuance, handover, bookLeases: new BookLeaseService(store, now), trip: new MobileTripService(store, now) }),
    rolesOf: (s) => auth.rolesOf(s),
    beforeCall(state, method) {
      const conn = connOf.get(state);
      if (conn) lockIfIdle(conn);
      if (!PASSIVE.has(method)) state.lastActivity = now().getTime();
    },
    logError(method, err) {
      // The input is never logged: it may carry a password or biometric data.
      console.error(`[station] ${method} failed: ${(err as Error)?.stack ?? String(err)}`);
    },
  });

  const idleTimer = setInterval(() => { for (const c of conns) lockIfIdle(c); }, IDLE_CHECK_MS);
  idleTimer.unref();
  // The audit head goes to a report outside the database when the local day changes.
  const reportTimer = setInterval(() => {
    try { services.reports.tick(); } catch (err) { console.error(`[station] day-end report failed: ${(err as Error).message}`); }
  }, 60_000);
  reportTimer.unref();

  return {
    stationId: store.stationId,
    waitingRoom,
    openSession(): StationSession {
      const conn: Conn = { state: new SessionState(now().getTime()), listeners: new Set() };
      conns.add(conn);
      connOf.set(conn.state, conn);
      return {
        async call(method, input, requestId) {
          const before = conn.state.officerId;
          const wasLocked = conn.state.locked;
          const result = await dispatch(conn.state, method, input, requestId);
          if (result.ok) noteOpenEnrolment(conn.state, method, input);
          if (before !== conn.state.officerId || wasLocked !== conn.state.locked) send(conn, 'session.changed', auth.sessionInfo(conn.state));
          return result;
        },
        onEvent(listener) {
          conn.listeners.add(listener);
          return () => conn.listeners.delete(listener);
        },
        close() {
          conns.delete(conn);
          conn.listeners.clear();
        },
      };
    },
    async close() {
      clearInterval(idleTimer);
      clearInterval(reportTimer);
      services.office.stop();
      try {
        services.reports.write('close');
      } catch (err) {
        console.error(`[station] the closing report could not be written: ${(err as Error).message}`);
      }
      conns.clear();
      await deviceService.stop();
      await demoScanner?.close();
      await demoPrinter?.close();
      store.close();
    },
  };
}
