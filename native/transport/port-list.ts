// What is plugged in: serial ports (SerialPort.list, which needs udevadm and never lists
// PTYs) and HID devices (node-hid). Either listing may fail on a given machine; the other
// still answers, and the failure is reported rather than thrown.

export interface ListedPort {
  type: 'serial' | 'hid';
  path: string;
  vendorId?: number;
  productId?: number;
  serialNumber?: string;
  manufacturer?: string;
  product?: string;
}

export interface PortListing {
  ports: ListedPort[];
  /** One line per listing that failed, e.g. "serial: udevadm not found". */
  problems: string[];
}

const hex = (s: string | undefined): number | undefined => (s ? parseInt(s, 16) : undefined);

export async function listPorts(): Promise<PortListing> {
  const ports: ListedPort[] = [];
  const problems: string[] = [];
  try {
    const { SerialPort } = await import('serialport');
    for (const p of await SerialPort.list()) {
      const entry: ListedPort = { type: 'serial', path: p.path };
      const vid = hex(p.vendorId);
      const pid = hex(p.productId);
      if (vid !== undefined) entry.vendorId = vid;
      if (pid !== undefined) entry.productId = pid;
      if (p.serialNumber) entry.serialNumber = p.serialNumber;
      if (p.manufacturer) entry.manufacturer = p.manufacturer;
      ports.push(entry);
    }
  } catch (err) {
    problems.push(`serial: ${(err as Error).message}`);
  }
  try {
    // Loaded here, inside the try: a node-hid binding that fails to load is one more problem, not a crash.
    const { devicesAsync } = await import('node-hid');
    for (const d of await devicesAsync()) {
      if (!d.path) continue;
      const entry: ListedPort = { type: 'hid', path: d.path, vendorId: d.vendorId, productId: d.productId };
      if (d.serialNumber) entry.serialNumber = d.serialNumber;
      if (d.manufacturer) entry.manufacturer = d.manufacturer;
      if (d.product) entry.product = d.product;
      ports.push(entry);
    }
  } catch (err) {
    problems.push(`hid: ${(err as Error).message}`);
  }
  return { ports, problems };
}

/** Finds a USB device again after a replug (its path may have changed). */
export function findUsbPort(
  listing: PortListing,
  want: { vendorId: number; productId: number; serialNumber?: string },
  type: 'serial' | 'hid' = 'serial',
): ListedPort | undefined {
  return listing.ports.find(
    (p) =>
      p.type === type &&
      p.vendorId === want.vendorId &&
      p.productId === want.productId &&
      (want.serialNumber === undefined || p.serialNumber === want.serialNumber),
  );
}
