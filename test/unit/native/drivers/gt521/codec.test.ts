// The GT-521Fxx codec against published bytes: the Open command of the programming guide,
// and the GetTemplate / SetTemplate / ACK exchange a Sparkfun user captured from a
// GT-521F32 with a terminal program. Little-endian fields, checksum = sum of bytes 0–9.
import { describe, expect, it } from 'vitest';
import {
  checksum16, decodePacket, encodeCommand, encodeDataPacket, encodeResponse, readDeviceInfo, setTemplateParameter, writeDeviceInfo,
} from '../../../../../native/drivers/gt521/codec';
import { CMD } from '../../../../../native/drivers/gt521/constants';

const hex = (s: string): string => s.replace(/\s+/g, '').toLowerCase();

describe('GT-521 codec matches published packets byte for byte', () => {
  it.each([
    ['Open (no extra information)', CMD.Open, 0, '55 AA 01 00 00 00 00 00 01 00 01 01'],
    ['Open (with device information)', CMD.Open, 1, '55 AA 01 00 01 00 00 00 01 00 02 01'],
    ['GetTemplate of slot 1', CMD.GetTemplate, 1, '55 AA 01 00 01 00 00 00 70 00 71 01'],
    ['SetTemplate into slot 2', CMD.SetTemplate, 2, '55 AA 01 00 02 00 00 00 71 00 73 01'],
  ])('%s', (_name, code, parameter, expected) => {
    expect(encodeCommand(code, parameter).toString('hex')).toBe(hex(expected));
  });

  it('encodes and reads the ACK the module answers', () => {
    const ack = Buffer.from(hex('55 AA 01 00 00 00 00 00 30 00 30 01'), 'hex');
    expect(encodeResponse(true, 0)).toEqual(ack);
    expect(decodePacket(ack)).toEqual({ deviceId: 1, parameter: 0, code: 0x30 });
  });

  it('writes parameters little-endian and reads a NACK with its error code', () => {
    const nack = encodeResponse(false, 0x1008);
    expect(nack.subarray(4, 10).toString('hex')).toBe('081000003100');
    expect(decodePacket(nack)).toMatchObject({ parameter: 0x1008, code: 0x31 });
    expect(encodeCommand(CMD.ChangeBaudrate, 115_200).subarray(4, 8).toString('hex')).toBe('00c20100');
  });

  it('refuses a packet whose checksum or start code is wrong', () => {
    const p = encodeCommand(CMD.IsPressFinger);
    const bad = Buffer.from(p);
    bad[11]! ^= 1;
    expect(decodePacket(bad)).toBeUndefined();
    expect(decodePacket(Buffer.concat([Buffer.from([0x5a]), p.subarray(1)]))).toBeUndefined();
  });

  it('frames data as 5A A5 01 00 | data | sum of every byte before the checksum', () => {
    const data = Buffer.from([1, 2, 3, 0xff]);
    const packet = encodeDataPacket(data);
    expect(packet.subarray(0, 4).toString('hex')).toBe('5aa50100');
    expect(packet.subarray(4, 8)).toEqual(data);
    expect(packet.readUInt16LE(8)).toBe((0x5a + 0xa5 + 0x01 + 0x00 + 1 + 2 + 3 + 0xff) & 0xffff);
    // The sum wraps at 16 bits on a long packet (an image is 52,116 bytes of data).
    const big = encodeDataPacket(Buffer.alloc(52_116, 0xff));
    expect(big.readUInt16LE(big.length - 2)).toBe((0x5a + 0xa5 + 1 + 52_116 * 0xff) & 0xffff);
    expect(checksum16(big, big.length - 2)).toBe(big.readUInt16LE(big.length - 2));
  });

  it('reads Open\'s device information: firmware u32, ISO area u32, 16-byte serial number', () => {
    const info = { firmwareVersion: 0x20120711, isoAreaMaxSize: 0x10000, serialNumber: '00112233445566778899AABBCCDDEEFF' };
    const bytes = writeDeviceInfo(info);
    expect(bytes).toHaveLength(24);
    expect(bytes.subarray(0, 4).toString('hex')).toBe('11071220');
    expect(readDeviceInfo(bytes)).toEqual(info);
    expect(readDeviceInfo(bytes.subarray(0, 23))).toBeUndefined();
  });

  it('sets the high word of SetTemplate\'s parameter to skip the duplicate check', () => {
    expect(setTemplateParameter(2, true)).toBe(2);
    expect(setTemplateParameter(2999, false)).toBe(0xffff0bb7);
  });
});
