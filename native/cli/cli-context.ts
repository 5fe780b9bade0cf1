// What each driver's part of the device CLI gets from the tool: how to refuse bad usage and
// how to turn a device error into the sentence the technician reads.
import type { DeviceError } from '../result';

export interface CliContext {
  usage(msg?: string): number;
  sentence(e: DeviceError): string;
}
