// Fixed lists from the contract, re-declared for the renderer (which imports only types)
// and checked against the contract's own lists with `satisfies`.
import type { AppointmentRow } from '../../electron/contract-types';
import type { PRIORITY_FLAGS as CONTRACT_FLAGS, SERVICES as CONTRACT_SERVICES } from '../../electron/contract';

export type Service = (typeof CONTRACT_SERVICES)[number];
export type PriorityFlag = (typeof CONTRACT_FLAGS)[number];

export const NEW_SERVICE = 'new' as const satisfies Service;
export const REPLACEMENT_SERVICES = [
  'replace_expired', 'replace_full', 'replace_lost', 'replace_damaged', 'replace_disaster',
] as const satisfies readonly Service[];
export const PASSPORT_TYPES = ['ordinary', 'electronic'] as const satisfies readonly AppointmentRow['passportType'][];
export const PRIORITY_FLAGS = ['elderly', 'child', 'disabled'] as const satisfies readonly PriorityFlag[];
export const SEXES = ['M', 'F'] as const satisfies readonly AppointmentRow['sex'][];
