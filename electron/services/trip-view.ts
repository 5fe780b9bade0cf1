// The trip as the screen shows it: MobileTripService's status, whether the station is paired
// at all, and the office's backup key shortened for the officer to compare.
import type { Store } from '../store/store';
import type { TripView } from '../trip-types';
import type { TripStatus } from './mobile-trip';

/** age1 + the first and last characters: enough to tell two keys apart by eye. */
export function shortRecipient(recipient: string): string {
  return recipient.length > 20 ? `${recipient.slice(0, 12)}…${recipient.slice(-8)}` : recipient;
}

export function tripView(store: Store, status: TripStatus): TripView {
  return {
    ...status,
    paired: store.officeLink.link() !== null,
    backupKey: status.trip ? shortRecipient(status.trip.backupRecipient) : null,
  };
}
