import { useTranslation } from 'react-i18next';

/** A quality score (0–100) as a bar with the threshold marked on it; pass/fail in words too. */
export function ScoreBar({ score, threshold }: { score: number; threshold: number }) {
  const { t } = useTranslation();
  const ok = score >= threshold;
  const pct = Math.max(0, Math.min(100, score));
  return (
    <div className={`score ${ok ? 'score-ok' : 'score-low'}`} data-testid="capture-score" data-score={score} data-threshold={threshold}>
      <div className="score-label">
        <span aria-hidden="true">{ok ? '✔' : '⚠'} </span>
        {t(ok ? 'capture.scoreOk' : 'capture.scoreLow', { score, threshold })}
      </div>
      <div className="score-track" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={score} aria-label={t('capture.score')}>
        <div className="score-fill" style={{ width: `${pct}%` }} />
        <div className="score-threshold" style={{ left: `${Math.max(0, Math.min(100, threshold))}%` }} title={t('capture.threshold', { threshold })} />
      </div>
    </div>
  );
}
