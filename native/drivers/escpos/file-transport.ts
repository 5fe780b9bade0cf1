// A printer reached as a file the OS hands bytes to: the Linux USB printer class
// (/dev/usb/lp0, the usblp driver) or, on Windows, a raw spooler queue shared under a name
// (\\localhost\QueueName, the "Generic / Text Only" or vendor driver set to pass RAW data
// through). Both take writes only as far as this transport goes, so the printer driver
// asks no status on it (`writeOnly`) and reports "no status" instead of guessing.
import { EventedTransport } from '../../transport/evented-transport';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import type { Transport } from '../../transport/transport';

export class DeviceFileTransport extends EventedTransport implements Transport {
  private handle: FileHandle | undefined;
  /** Nothing comes back through it (the printer driver asks for no status here). */
  readonly writeOnly = true;

  constructor(readonly address: string) {
    super();
  }

  get isOpen(): boolean {
    return this.handle !== undefined;
  }

  async open(): Promise<void> {
    if (this.handle) return;
    // 'r+' never creates: a device node or a share that is not there is an error, not a
    // new file that swallows receipts.
    this.handle = await open(this.address, 'r+').catch(async (err: NodeJS.ErrnoException) => {
      // usblp nodes of write-only printers and spooler shares refuse reading: write-only then.
      if (err.code === 'EACCES' || err.code === 'EPERM' || err.code === 'EINVAL') return open(this.address, 'w');
      throw err;
    });
  }

  async close(): Promise<void> {
    const h = this.handle;
    this.handle = undefined;
    if (!h) return;
    await h.close();
    this.emit('close');
  }

  async write(bytes: Buffer): Promise<void> {
    if (!this.handle) throw new Error(`${this.address} is not open`);
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await this.handle.write(bytes, done, bytes.length - done);
      done += bytesWritten;
    }
  }
}

/** The path a Windows raw queue shared as `queue` is written through. */
export function windowsQueuePath(queue: string, host = 'localhost'): string {
  if (!/^[^\\/:*?"<>|]+$/.test(queue)) throw new RangeError(`"${queue}" is not a printer share name`);
  return `\\\\${host}\\${queue}`;
}
