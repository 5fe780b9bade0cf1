// Polls until `get` returns a value (an event arrived, a device answered), or fails after
// `ms`: the station's devices answer on their own time, and a test waits for the outcome.
export async function until<T>(get: () => T | undefined, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
