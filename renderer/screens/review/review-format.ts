// Durations as the review shows them: minutes and seconds, or a dash when not measured.
import type { TFunction } from 'i18next';

export function formatDuration(t: TFunction, seconds: number | null): string {
  if (seconds === null) return '–';
  const s = Math.round(seconds);
  if (s < 60) return t('review.seconds', { s });
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? t('review.hoursMinutes', { h, m }) : t('review.minutesSeconds', { m, s: s % 60 });
}
