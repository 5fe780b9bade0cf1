// The trip screen tells the status bar's badge that the trip changed (prepared, finished),
// so the badge reads trip.status again at once rather than at the next office event.
const EVENT = 'loket:trip-changed';

export function tripChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function onTripChanged(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
