// What the print screen shows of this station's blank-book leases (electron/services/book-lease.ts).
export interface LeaseLine {
  id: string;
  series: string;
  firstSerial: string;
  lastSerial: string;
  /** Books under the lease. */
  total: number;
  /** Of them, still blank in this station's stock: what it may still print on. */
  left: number;
  expiresAt: string;
}

export interface LeaseView {
  /** Unpaired stations print from their own stock, as before: no lease is needed. */
  paired: boolean;
  leases: LeaseLine[];
  /** Blank books left under every lease together. */
  left: number;
}
