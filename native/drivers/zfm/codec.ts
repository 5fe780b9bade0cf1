// Bytes ⇄ frames for the ZFM family, as pure functions. Packet layout (ZFM-20 manual):
//   EF 01 | address u32 | PID u8 | LEN u16 | payload | SUM u16      (all big-endian)
// LEN = payload length + 2; SUM = low 16 bits of PID + both LEN bytes + every payload byte.
import { AURA, DEFAULT_ADDRESS, INS, PID, packetSizeBytes } from './constants';
import type { SYS_PARAM } from './constants';
import type { InstructionName } from './constants';

export interface ZfmPacket {
  address: number;
  pid: number;
  payload: Buffer;
}

export const HEADER_BYTES = 9; // EF 01 + address + PID + LEN
export const MAX_PAYLOAD = 512; // larger than any real packet (256-byte data), keeps the decoder bounded

export function checksum(pid: number, payload: Uint8Array): number {
  const len = payload.length + 2;
  let sum = pid + (len >> 8) + (len & 0xff);
  for (const b of payload) sum += b;
  return sum & 0xffff;
}

export function encodePacket(packet: ZfmPacket): Buffer {
  const { address, pid, payload } = packet;
  const out = Buffer.alloc(HEADER_BYTES + payload.length + 2);
  out.writeUInt16BE(0xef01, 0);
  out.writeUInt32BE(address >>> 0, 2);
  out.writeUInt8(pid, 6);
  out.writeUInt16BE(payload.length + 2, 7);
  Buffer.from(payload).copy(out, HEADER_BYTES);
  out.writeUInt16BE(checksum(pid, payload), HEADER_BYTES + payload.length);
  return out;
}

export function encodeCommand(instruction: number, params: number[] | Uint8Array = [], address = DEFAULT_ADDRESS): Buffer {
  return encodePacket({ address, pid: PID.command, payload: Buffer.from([instruction, ...params]) });
}

export function encodeAck(code: number, data: number[] | Uint8Array = [], address = DEFAULT_ADDRESS): Buffer {
  return encodePacket({ address, pid: PID.ack, payload: Buffer.from([code, ...data]) });
}

/** Splits `data` into data packets of `packetBytes`, the last one marked as the end packet. */
export function encodeDataPackets(data: Uint8Array, packetBytes: number, address = DEFAULT_ADDRESS): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < data.length || (i === 0 && data.length === 0); i += packetBytes) {
    const last = i + packetBytes >= data.length;
    out.push(encodePacket({ address, pid: last ? PID.end : PID.data, payload: Buffer.from(data.subarray(i, i + packetBytes)) }));
    if (data.length === 0) break;
  }
  return out;
}

const u16 = (n: number): number[] => [(n >> 8) & 0xff, n & 0xff];
const u32 = (n: number): number[] => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];

/** Command payloads (instruction + parameters), by instruction name. */
export const commands = {
  genImg: () => [INS.GenImg],
  img2Tz: (bufferId: 1 | 2) => [INS.Img2Tz, bufferId],
  match: () => [INS.Match],
  search: (bufferId: 1 | 2, start: number, count: number) => [INS.Search, bufferId, ...u16(start), ...u16(count)],
  regModel: () => [INS.RegModel],
  store: (bufferId: 1 | 2, page: number) => [INS.Store, bufferId, ...u16(page)],
  loadChar: (bufferId: 1 | 2, page: number) => [INS.LoadChar, bufferId, ...u16(page)],
  upChar: (bufferId: 1 | 2) => [INS.UpChar, bufferId],
  downChar: (bufferId: 1 | 2) => [INS.DownChar, bufferId],
  upImage: () => [INS.UpImage],
  deleteChar: (page: number, count: number) => [INS.DeleteChar, ...u16(page), ...u16(count)],
  empty: () => [INS.Empty],
  setSysPara: (param: (typeof SYS_PARAM)[keyof typeof SYS_PARAM], value: number) => [INS.SetSysPara, param, value],
  readSysPara: () => [INS.ReadSysPara],
  vfyPwd: (password: number) => [INS.VfyPwd, ...u32(password)],
  templateNum: () => [INS.TemplateNum],
  auraLedConfig: (control: number, speed: number, colour: number, count: number) => [INS.AuraLedConfig, control, speed, colour, count],
} satisfies Record<string, (...args: never[]) => number[]>;

/** Builds the full command packet for a payload from `commands`. */
export function commandPacket(payload: number[], address = DEFAULT_ADDRESS): Buffer {
  return encodePacket({ address, pid: PID.command, payload: Buffer.from(payload) });
}

export interface Ack {
  code: number;
  data: Buffer;
}

/** Reads an acknowledge packet; undefined when the packet is not one (or is empty). */
export function readAck(packet: ZfmPacket): Ack | undefined {
  if (packet.pid !== PID.ack || packet.payload.length < 1) return undefined;
  return { code: packet.payload[0]!, data: packet.payload.subarray(1) };
}

export interface ZfmSysParams {
  statusRegister: number;
  systemId: number;
  librarySize: number;
  securityLevel: number;
  address: number;
  packetSizeCode: number;
  packetBytes: number;
  baudN: number;
  baudRate: number;
}

/** The 16 bytes after the confirmation code of a ReadSysPara acknowledge. */
export function readSysParams(data: Uint8Array): ZfmSysParams | undefined {
  if (data.length < 16) return undefined;
  const b = Buffer.from(data);
  const packetSizeCode = b.readUInt16BE(12);
  const baudN = b.readUInt16BE(14);
  return {
    statusRegister: b.readUInt16BE(0),
    systemId: b.readUInt16BE(2),
    librarySize: b.readUInt16BE(4),
    securityLevel: b.readUInt16BE(6),
    address: b.readUInt32BE(8),
    packetSizeCode,
    packetBytes: packetSizeBytes(packetSizeCode),
    baudN,
    baudRate: 9600 * baudN,
  };
}

export function writeSysParams(p: Omit<ZfmSysParams, 'packetBytes' | 'baudRate'>): Buffer {
  const b = Buffer.alloc(16);
  b.writeUInt16BE(p.statusRegister, 0);
  b.writeUInt16BE(p.systemId, 2);
  b.writeUInt16BE(p.librarySize, 4);
  b.writeUInt16BE(p.securityLevel, 6);
  b.writeUInt32BE(p.address >>> 0, 8);
  b.writeUInt16BE(p.packetSizeCode, 12);
  b.writeUInt16BE(p.baudN, 14);
  return b;
}

/** A short name for traces: "GenImg", "ACK 02", "DATA 128 B", "END 128 B". */
export function describePacket(packet: ZfmPacket, names: (code: number) => string): string {
  switch (packet.pid) {
    case PID.command:
      return packet.payload.length > 0 ? names(packet.payload[0]!) : 'command (empty)';
    case PID.ack:
      return `ACK ${(packet.payload[0] ?? 0).toString(16).padStart(2, '0')}`;
    case PID.data:
      return `DATA ${packet.payload.length} B`;
    case PID.end:
      return `END ${packet.payload.length} B`;
    default:
      return `PID ${packet.pid.toString(16)}`;
  }
}

export const DEFAULT_AURA_CUE = { control: AURA.breathing, speed: 0x80, colour: AURA.blue, count: 0 };
export type { InstructionName };
