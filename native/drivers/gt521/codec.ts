// Bytes ⇄ packets for the GT-521Fxx family, as pure functions. All fields little-endian:
//   command / response:  55 AA | device id u16 | parameter u32 | code u16 | checksum u16
//   data:                5A A5 | device id u16 | data (length implied by the command) | checksum u16
// Checksum = low 16 bits of the sum of every byte before it (start codes included).
// A response's code is 0x30 (ACK) or 0x31 (NACK, the parameter then an error code).
import { ACK, COMMAND_START, DATA_OVERHEAD, DATA_START, DEVICE_ID, DEVINFO_BYTES, NACK, PACKET_BYTES } from './constants';

/** A command (host → module) or a response (module → host): the same twelve bytes. */
export interface Gt521Packet {
  deviceId: number;
  parameter: number;
  /** Command code, or ACK (0x30) / NACK (0x31) in a response. */
  code: number;
}

export function checksum16(bytes: Uint8Array, end = bytes.length): number {
  let sum = 0;
  for (let i = 0; i < end; i++) sum += bytes[i]!;
  return sum & 0xffff;
}

export function encodePacket(p: Gt521Packet): Buffer {
  const out = Buffer.alloc(PACKET_BYTES);
  out[0] = COMMAND_START[0];
  out[1] = COMMAND_START[1];
  out.writeUInt16LE(p.deviceId & 0xffff, 2);
  out.writeUInt32LE(p.parameter >>> 0, 4);
  out.writeUInt16LE(p.code & 0xffff, 8);
  out.writeUInt16LE(checksum16(out, 10), 10);
  return out;
}

export const encodeCommand = (code: number, parameter = 0, deviceId = DEVICE_ID): Buffer => encodePacket({ deviceId, parameter, code });

export const encodeResponse = (ack: boolean, parameter = 0, deviceId = DEVICE_ID): Buffer =>
  encodePacket({ deviceId, parameter, code: ack ? ACK : NACK });

/** Reads twelve bytes as a packet; undefined when the start codes or the checksum do not hold. */
export function decodePacket(bytes: Uint8Array): Gt521Packet | undefined {
  if (bytes.length < PACKET_BYTES || bytes[0] !== COMMAND_START[0] || bytes[1] !== COMMAND_START[1]) return undefined;
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, PACKET_BYTES);
  if (b.readUInt16LE(10) !== checksum16(b, 10)) return undefined;
  return { deviceId: b.readUInt16LE(2), parameter: b.readUInt32LE(4), code: b.readUInt16LE(8) };
}

export function encodeDataPacket(data: Uint8Array, deviceId = DEVICE_ID): Buffer {
  const out = Buffer.alloc(data.length + DATA_OVERHEAD);
  out[0] = DATA_START[0];
  out[1] = DATA_START[1];
  out.writeUInt16LE(deviceId & 0xffff, 2);
  Buffer.from(data.buffer, data.byteOffset, data.length).copy(out, 4);
  out.writeUInt16LE(checksum16(out, out.length - 2), out.length - 2);
  return out;
}

/** Open's answer when asked for extra information. */
export interface DeviceInfo {
  firmwareVersion: number;
  isoAreaMaxSize: number;
  /** 16 bytes as upper-case hex (all zeros on some clones). */
  serialNumber: string;
}

export function readDeviceInfo(data: Uint8Array): DeviceInfo | undefined {
  if (data.length < DEVINFO_BYTES) return undefined;
  const b = Buffer.from(data.buffer, data.byteOffset, DEVINFO_BYTES);
  return { firmwareVersion: b.readUInt32LE(0), isoAreaMaxSize: b.readUInt32LE(4), serialNumber: b.subarray(8, 24).toString('hex').toUpperCase() };
}

export function writeDeviceInfo(info: DeviceInfo): Buffer {
  const b = Buffer.alloc(DEVINFO_BYTES);
  b.writeUInt32LE(info.firmwareVersion >>> 0, 0);
  b.writeUInt32LE(info.isoAreaMaxSize >>> 0, 4);
  Buffer.from(info.serialNumber.padEnd(32, '0').slice(0, 32), 'hex').copy(b, 8);
  return b;
}

/** SetTemplate's parameter: the slot, with the high word set to skip the duplicate check. */
export const setTemplateParameter = (id: number, duplicateCheck: boolean): number => ((duplicateCheck ? 0 : 0xffff0000) | (id & 0xffff)) >>> 0;

/** A short name for traces: "Open(1)", "ACK 0", "NACK 0x1008", "DATA 498 B". */
export function describePacket(p: Gt521Packet, names: (code: number) => string): string {
  if (p.code === ACK) return `ACK ${p.parameter}`;
  if (p.code === NACK) return `NACK 0x${p.parameter.toString(16).padStart(4, '0')}`;
  return `${names(p.code)}(${p.parameter})`;
}
