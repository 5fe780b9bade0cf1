// How a queue number is written on the display, the screen and the banner: three digits,
// as the ticket machines of Indonesian offices print them (7 → "007").
export function formatQueueNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : String(n).padStart(3, '0');
}
