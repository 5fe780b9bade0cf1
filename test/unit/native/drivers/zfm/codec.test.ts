import { describe, expect, it } from 'vitest';
import { checksum, commandPacket, commands, encodeAck, encodeDataPackets, readAck, readSysParams, writeSysParams } from '../../../../../native/drivers/zfm/codec';
import { ZfmDecoder } from '../../../../../native/drivers/zfm/decoder';

const hex = (s: string): string => s.replace(/\s+/g, '').toLowerCase();

describe('ZFM codec matches the manual byte for byte', () => {
  it.each([
    ['GenImg', commands.genImg(), 'EF01 FFFFFFFF 01 0003 01 0005'],
    ['UpImage', commands.upImage(), 'EF01 FFFFFFFF 01 0003 0A 000E'],
    ['TemplateNum', commands.templateNum(), 'EF01 FFFFFFFF 01 0003 1D 0021'],
    ['RegModel', commands.regModel(), 'EF01 FFFFFFFF 01 0003 05 0009'],
    ['VfyPwd 0', commands.vfyPwd(0), 'EF01 FFFFFFFF 01 0007 13 00000000 001B'],
  ])('%s', (_name, payload, expected) => {
    expect(commandPacket(payload).toString('hex')).toBe(hex(expected));
  });

  it('builds parameters big-endian', () => {
    expect(commandPacket(commands.search(1, 0, 0x00a3)).toString('hex')).toBe(hex('EF01 FFFFFFFF 01 0008 04 01 0000 00A3 00B1'));
    expect(commandPacket(commands.setSysPara(6, 3)).toString('hex')).toBe(hex('EF01 FFFFFFFF 01 0005 0E 06 03 001D'));
    expect(commandPacket(commands.vfyPwd(0x01020304), 0x12345678).subarray(2, 6).toString('hex')).toBe('12345678');
  });

  it('computes the checksum over PID, LEN and payload only, modulo 16 bits', () => {
    expect(checksum(0x01, Buffer.from([0x01]))).toBe(0x0005);
    expect(checksum(0x02, Buffer.alloc(256, 0xff))).toBe((0x02 + 0x01 + 0x02 + 256 * 0xff) & 0xffff);
  });

  it('reads an acknowledge and the system parameters', () => {
    const params = writeSysParams({ statusRegister: 0, systemId: 9, librarySize: 1000, securityLevel: 3, address: 0xffffffff, packetSizeCode: 2, baudN: 6 });
    const ack = encodeAck(0x00, params);
    const decoded = new ZfmDecoder().push(ack);
    expect(decoded[0]?.type).toBe('packet');
    const packet = decoded[0]!.type === 'packet' ? decoded[0]!.packet : undefined;
    const a = readAck(packet!)!;
    expect(a.code).toBe(0);
    expect(readSysParams(a.data)).toMatchObject({ librarySize: 1000, packetBytes: 128, baudRate: 57_600, address: 0xffffffff });
  });

  it('splits data into packets, the last one marked end (08)', () => {
    const packets = encodeDataPackets(Buffer.alloc(300, 1), 128);
    expect(packets.map((p) => [p[6], p.readUInt16BE(7) - 2])).toEqual([[2, 128], [2, 128], [8, 44]]);
  });
});
