// The idle lock as the screen sees it: after `minutes` without keyboard or mouse the screen
// locks (onIdle). While the officer is active the station is told (auth.touch, at most every
// 30 s) so its own idle lock agrees with the screen and does not lock a busy officer out.
import { useEffect, useRef } from 'react';
import { call } from './station';

const TOUCH_EVERY_MS = 30_000;
const CHECK_EVERY_MS = 1_000;
const ACTIVITY = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'pointerdown'] as const;

export function useIdleLock(active: boolean, minutes: number, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;

  useEffect(() => {
    if (!active || minutes <= 0) return;
    let lastActivity = Date.now();
    let lastTouch = Date.now();
    let fired = false;

    const activity = (): void => {
      const now = Date.now();
      lastActivity = now;
      if (now - lastTouch >= TOUCH_EVERY_MS) {
        lastTouch = now;
        void call('auth.touch', {}).catch(() => undefined);
      }
    };
    // Read the clock on a short tick rather than one long timer: a sleeping laptop or a
    // clock jump still locks on the next tick.
    const tick = setInterval(() => {
      if (!fired && Date.now() - lastActivity >= minutes * 60_000) {
        fired = true;
        onIdleRef.current();
      }
    }, CHECK_EVERY_MS);

    for (const ev of ACTIVITY) window.addEventListener(ev, activity, { capture: true, passive: true });
    return () => {
      clearInterval(tick);
      for (const ev of ACTIVITY) window.removeEventListener(ev, activity, { capture: true });
    };
  }, [active, minutes]);
}
