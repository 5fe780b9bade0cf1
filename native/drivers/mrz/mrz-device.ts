// The MRZ line source packaged for the device manager. Readers only talk (they accept no
// commands), so identify reports the framing and a probe has nothing to ask: a reader is
// "connected" while its link is open. Documents and errors reach the station through
// `driver` (an event emitter that outlives every replug).
import { EventEmitter } from 'node:events';
import type { DeviceHandle, DeviceSink, DriverFactory } from '../../device-driver';
import { ok } from '../../result';
import type { DeviceError } from '../../result';
import type { Transport } from '../../transport/transport';
import { MrzReader } from './mrz-reader';
import { redactMrzKeyReports, redactMrzLines, redactMrzTextBytes, redactMrzTextReports } from '../../trace-redact';
import type { MrzDocumentEvent, MrzDroppedEvent, MrzFraming } from './mrz-reader';

export interface MrzSource extends EventEmitter<{ document: [MrzDocumentEvent]; error: [DeviceError] }> {
  readonly framing: MrzFraming;
}

const FRAMINGS: readonly MrzFraming[] = ['lines', 'rte', 'hid-keyboard', 'hid-text'];

export function mrzDriverFactory(name: string, defaultFraming: MrzFraming): DriverFactory<MrzSource> {
  return {
    name,
    kind: 'mrz',
    defaultBaudRate: 9600,
    link: defaultFraming === 'hid-keyboard' || defaultFraming === 'hid-text' ? 'hid' : 'serial',
    create(settings): DeviceHandle<MrzSource> {
      const framing = FRAMINGS.includes(settings.framing as MrzFraming) ? (settings.framing as MrzFraming) : defaultFraming;
      const source = Object.assign(new EventEmitter<{ document: [MrzDocumentEvent]; error: [DeviceError] }>(), { framing });
      let reader: MrzReader | undefined;
      let sink: DeviceSink | undefined;
      let transport: Transport | undefined;
      // The trace keeps the MRZ's shape, never its characters (see native/trace-redact.ts).
      const redact = framing === 'hid-keyboard' ? redactMrzKeyReports : framing === 'hid-text' ? redactMrzTextReports : redactMrzTextBytes;
      const onData = (bytes: Buffer): void => sink?.frame('rx', redact(bytes), 'mrz-bytes (characters as classes)', Date.now());
      return {
        driver: source,
        attach(t) {
          transport = t;
          reader = new MrzReader(t, { framing });
          reader.on('document', (d: MrzDocumentEvent) => {
            const shown = redactMrzLines(d.lines, `mrz-document ${d.format}${d.bccUnverified ? ' (BCC unverified)' : ''}`);
            sink?.frame('rx', shown.bytes, shown.name, Date.now());
            source.emit('document', d);
          });
          reader.on('dropped', (d: MrzDroppedEvent) => {
            sink?.frame('rx', Buffer.alloc(0), `mrz-dropped ${d.count} byte${d.count === 1 ? '' : 's'} (${droppedClasses(d)})`, Date.now());
          });
          reader.on('error', (e: DeviceError) => { if (source.listenerCount('error') > 0) source.emit('error', e); });
          t.on('data', onData);
          void reader.open();
        },
        detach() {
          transport?.off('data', onData);
          reader?.removeAllListeners();
          reader = undefined;
          transport = undefined;
        },
        async identify() { return ok({ model: 'mrz-line-source', framing }); },
        async probe() { return ok(undefined); },
        subscribe(s) {
          sink = s;
          return () => { sink = undefined; };
        },
      };
    },
  };
}

/** "control 2, non-ASCII 1, text 3" — the classes a resynchronisation dropped, for the trace. */
function droppedClasses(d: MrzDroppedEvent): string {
  const parts: string[] = [];
  if (d.classes.control) parts.push(`control ${d.classes.control}`);
  if (d.classes.nonAscii) parts.push(`non-ASCII ${d.classes.nonAscii}`);
  if (d.classes.text) parts.push(`text ${d.classes.text}`);
  return parts.join(', ');
}
