// The ICAO frame over the live camera picture: the 35×45 mm crop, the band where the chin
// should fall (head 70–80 % of the photo height), the crown line and the eye line. Drawn in
// the video's own pixel coordinates, so it sits exactly on what will be cropped.
import { useTranslation } from 'react-i18next';
import { GUIDE, guideRect } from '../lib/photo-checks';

export function PhotoGuide({ width, height }: { width: number; height: number }) {
  const { t } = useTranslation();
  const g = guideRect(width, height);
  const y = (f: number): number => g.y + g.h * f;
  const crown = y(GUIDE.crownTop);
  const chinMin = y(GUIDE.crownTop + GUIDE.headMin);
  const chinMax = y(GUIDE.crownTop + GUIDE.headMax);
  const headH = g.h * (GUIDE.headMin + GUIDE.headMax) / 2;
  const cx = g.x + g.w / 2;
  const font = Math.max(12, height / 32);
  const outside = `M0 0H${width}V${height}H0Z M${g.x} ${g.y}V${g.y + g.h}H${g.x + g.w}V${g.y}Z`;
  return (
    <svg className="photo-guide" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" aria-hidden="true" data-testid="photo-guide">
      <path d={outside} fillRule="evenodd" className="guide-shade" />
      <rect x={g.x} y={g.y} width={g.w} height={g.h} className="guide-frame" />
      <rect x={g.x} y={chinMin} width={g.w} height={chinMax - chinMin} className="guide-band" />
      <ellipse cx={cx} cy={crown + headH / 2} rx={headH * GUIDE.headAspect / 2} ry={headH / 2} className="guide-head" />
      <line x1={g.x} x2={g.x + g.w} y1={crown} y2={crown} className="guide-line" />
      <line x1={g.x} x2={g.x + g.w} y1={y(GUIDE.eyeLine)} y2={y(GUIDE.eyeLine)} className="guide-eye" />
      <text x={g.x + 6} y={crown - 6} fontSize={font} className="guide-text">{t('enrolment.photo.guideCrown')}</text>
      <text x={g.x + 6} y={y(GUIDE.eyeLine) - 6} fontSize={font} className="guide-text">{t('enrolment.photo.guideEyes')}</text>
      <text x={g.x + 6} y={chinMax - 6} fontSize={font} className="guide-text">{t('enrolment.photo.guideChin')}</text>
    </svg>
  );
}
