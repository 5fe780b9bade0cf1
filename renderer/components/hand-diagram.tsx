// Both hands as the applicant lays them on the sensor (backs up, left hand on the left):
// the finger being captured is highlighted, finished fingers carry a mark. Each finger's
// state is also written in its label and in the list beside the diagram (never colour alone).
import { useTranslation } from 'react-i18next';
import type { CaptureFinger, FingerName } from '../../electron/contract-types';

type Look = 'current' | 'captured' | 'below' | 'missing' | 'pending' | 'decide';

const ICON: Record<Look, string> = { current: '●', captured: '✔', below: '!', missing: '✖', pending: '', decide: '?' };

// x, y of the finger tip's box, its width and height, and a rotation for thumbs.
interface Shape { x: number; y: number; w: number; h: number; rotate?: number }
const W = 34;
const LEFT: [FingerName, Shape][] = [
  ['left_little', { x: 20, y: 70, w: W, h: 90 }],
  ['left_ring', { x: 60, y: 42, w: W, h: 118 }],
  ['left_middle', { x: 100, y: 30, w: W, h: 130 }],
  ['left_index', { x: 140, y: 44, w: W, h: 116 }],
  ['left_thumb', { x: 196, y: 120, w: W, h: 86, rotate: 35 }],
];
const RIGHT: [FingerName, Shape][] = [
  ['right_thumb', { x: 330, y: 120, w: W, h: 86, rotate: -35 }],
  ['right_index', { x: 386, y: 44, w: W, h: 116 }],
  ['right_middle', { x: 426, y: 30, w: W, h: 130 }],
  ['right_ring', { x: 466, y: 42, w: W, h: 118 }],
  ['right_little', { x: 506, y: 70, w: W, h: 90 }],
];

export function fingerLook(f: CaptureFinger, current: FingerName | null): Look {
  if (f.finger === current && f.status === 'pending') return 'current';
  if (f.status === 'captured') return 'captured';
  if (f.status === 'accepted_below_threshold') return 'below';
  if (f.status === 'missing') return 'missing';
  if (f.status === 'needs_decision') return 'decide';
  return f.finger === current ? 'current' : 'pending';
}

interface Props {
  fingers: readonly CaptureFinger[];
  current: FingerName | null;
  onSelect?: (finger: FingerName) => void;
}

export function HandDiagram({ fingers, current, onSelect }: Props) {
  const { t } = useTranslation();
  const byName = new Map(fingers.map((f) => [f.finger, f]));
  const draw = ([name, s]: [FingerName, Shape]) => {
    const f = byName.get(name);
    const look: Look = f ? fingerLook(f, current) : 'pending';
    const label = `${t(`enrolment.finger.${name}`)}: ${t(`capture.look.${look}`)}`;
    const cx = s.x + s.w / 2;
    const selectable = Boolean(onSelect && f && (look === 'pending' || look === 'decide'));
    return (
      <g
        key={name}
        className={`finger finger-${look}${selectable ? ' finger-selectable' : ''}`}
        transform={s.rotate ? `rotate(${s.rotate} ${cx} ${s.y + s.h})` : undefined}
        data-testid={`finger-${name}`}
        data-look={look}
        role={selectable ? 'button' : 'img'}
        aria-label={label}
        tabIndex={selectable ? 0 : undefined}
        onClick={selectable ? () => onSelect?.(name) : undefined}
        onKeyDown={selectable ? (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onSelect?.(name); } } : undefined}
      >
        <title>{label}</title>
        <rect x={s.x} y={s.y} width={s.w} height={s.h} rx={s.w / 2} />
        {ICON[look] && <text x={cx} y={s.y + 26} textAnchor="middle" className="finger-icon">{ICON[look]}</text>}
      </g>
    );
  };
  return (
    <svg className="hands" viewBox="0 0 560 260" data-testid="hand-diagram" aria-label={t('capture.hands')}>
      <rect className="palm" x={14} y={150} width={168} height={100} rx={30} />
      <rect className="palm" x={378} y={150} width={168} height={100} rx={30} />
      <text className="hand-label" x={98} y={210} textAnchor="middle">{t('capture.leftHand')}</text>
      <text className="hand-label" x={462} y={210} textAnchor="middle">{t('capture.rightHand')}</text>
      {LEFT.map(draw)}
      {RIGHT.map(draw)}
    </svg>
  );
}
