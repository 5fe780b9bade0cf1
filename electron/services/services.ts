// The services of one station, built once by the composition root.
import type { Store } from '../store/store';
import type { AuthService } from './auth';
import type { DeviceSlots } from './devices';
import type { EnrolmentService } from './enrolment';
import type { CaptureService } from './capture';
import type { DeviceService } from './device-service';
import type { ImportService } from './import';
import type { OfficersService } from './officers';
import type { QueueService } from './queue';
import type { SettingsService } from './settings';
import type { WorkflowService } from './workflow';
import type { ServiceRulesService } from './service-rules';
import type { PrinterCalibrationService } from './printer-calibration';
import type { AuditLogService } from './audit-log';
import type { NumbersService } from './numbers';
import type { DayReports } from './day-report';
import type { KeyProtectionService } from './key-protection';
import type { ReceiptService } from './receipts';
import type { IssuanceService } from './issuance';

export interface Services {
  store: Store;
  auth: AuthService;
  officers: OfficersService;
  settings: SettingsService;
  queue: QueueService;
  importer: ImportService;
  devices: DeviceSlots;
  enrolment: EnrolmentService;
  capture: CaptureService;
  deviceService: DeviceService;
  workflow: WorkflowService;
  rules: ServiceRulesService;
  printerCalibration: PrinterCalibrationService;
  auditLog: AuditLogService;
  numbers: NumbersService;
  receipts: ReceiptService;
  now: () => Date;
  reports: DayReports;
  keys: KeyProtectionService;
  issuance: IssuanceService;
}
