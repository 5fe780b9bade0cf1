// The call chime: two soft tones ("ding-dong"), made with Web Audio — no audio file to ship.
// A browser may keep audio off until someone touches the page; the page says so then.

/** Plays the chime; false when the browser still keeps audio off. */
export function playChime(ctx: AudioContext): boolean {
  if (ctx.state !== 'running') return false;
  const tone = (freq: number, start: number): void => {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    // A bell's shape: a quick rise, then a long fall; no click at either end.
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.4, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 1.2);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start);
    osc.stop(start + 1.25);
  };
  const t = ctx.currentTime;
  tone(659.25, t); // E5
  tone(523.25, t + 0.45); // C5
  return true;
}
