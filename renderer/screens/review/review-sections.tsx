// What the supervisor sees of one enrolment, as a list of sections: each a card in the
// review's grid, with its own title and body. A section added to the enrolment view
// (corrections, passport details, the BAP and fine…) is one entry in REVIEW_SECTIONS and one
// component; its content is already covered by the station's content hash.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewView } from '../../../electron/contract-types';
import { BlobImage } from '../../components/blob-image';
import { MrzLines } from '../../components/mrz-lines';
import { ScoreBar } from '../../components/score-bar';
import { keyedText } from '../../lib/device-text';
import { CheckList } from '../enrolment/photo-step';
import { formatDuration } from './review-format';
import { flagText } from '../enrolment/flag-text';
import { formatRupiah } from '../enrolment/service-step';

export interface SectionProps {
  review: ReviewView;
  /** Shows a kept image at full size (a dialog). */
  onFullSize: (blobId: string, caption: string) => void;
}

export interface ReviewSection {
  id: string;
  /** Translation key of the card's title. */
  title: string;
  /** Cards that need more room span two columns of the grid. */
  wide?: boolean;
  /** Whether the section has something to say about this enrolment (hidden otherwise). */
  applies?: (review: ReviewView) => boolean;
  Body: (p: SectionProps) => ReactNode;
}

function PhotoSection({ review, onFullSize }: SectionProps) {
  const { t } = useTranslation();
  const photo = review.enrolment.photo;
  if (!photo) return <p className="muted">{t('review.none.photo')}</p>;
  return (
    <div className="review-photo">
      <button type="button" className="thumb-button" onClick={() => onFullSize(photo.blobId, t('review.section.photo'))} data-testid="review-photo-open" title={t('review.fullSize')}>
        <BlobImage screen="review" blobId={photo.blobId} alt={t('review.section.photo')} className="review-photo-img" testId="review-photo" />
      </button>
      <CheckList checks={photo.checks} />
    </div>
  );
}

function FingerprintsSection({ review, onFullSize }: SectionProps) {
  const { t } = useTranslation();
  const fingers = review.enrolment.fingerprints;
  if (fingers.length === 0) return <p className="muted">{t('review.none.fingerprints')}</p>;
  return (
    <table className="table table-dense" data-testid="review-fingers">
      <thead><tr><th>{t('review.finger')}</th><th>{t('review.score')}</th><th>{t('review.attempts')}</th><th>{t('review.exception')}</th></tr></thead>
      <tbody>
        {fingers.map((f) => (
          <tr key={f.finger} data-finger={f.finger} data-status={f.status}>
            <td>
              {f.blobId
                ? <button type="button" className="btn-link" onClick={() => onFullSize(f.blobId!, t(`enrolment.finger.${f.finger}`))}>{t(`enrolment.finger.${f.finger}`)}</button>
                : t(`enrolment.finger.${f.finger}`)}
            </td>
            <td>{f.score === null ? '–' : <ScoreBar score={f.score} threshold={review.fingerprintThreshold} />}</td>
            <td>{f.attempts}</td>
            <td>
              {f.status === 'missing' && <span className="badge tone-problem"><span aria-hidden="true">⚠ </span>{t('review.fingerMissing', { reason: t(`capture.reason.${f.missingReason ?? 'other'}`) })}</span>}
              {f.status === 'accepted_below_threshold' && <span className="badge tone-waiting"><span aria-hidden="true">◑ </span>{t('review.fingerBelow')}</span>}
              {f.note && <q className="review-note">{f.note}</q>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DocumentsSection({ review, onFullSize }: SectionProps) {
  const { t } = useTranslation();
  const docs = review.enrolment.documents;
  if (docs.length === 0) return <p className="muted">{t('review.none.documents')}</p>;
  return (
    <ul className="review-docs" data-testid="review-documents">
      {docs.map((d) => {
        const caption = t('enrolment.doc.pageOf', { doc: t(`enrolment.doc.typeName.${d.docType}`), page: d.page });
        return (
          <li key={d.blobId}>
            <button type="button" className="thumb-button" onClick={() => onFullSize(d.blobId, caption)} title={t('review.fullSize')} data-testid="review-document-open">
              <BlobImage screen="review" blobId={d.blobId} alt={caption} className="review-doc-img" />
            </button>
            <span className="thumb-caption">{caption} · {t('enrolment.doc.dpi', { dpi: d.resolution })}</span>
          </li>
        );
      })}
    </ul>
  );
}

function MrzSection({ review }: SectionProps) {
  const { t } = useTranslation();
  const mrz = review.enrolment.mrz;
  if (!mrz) return <p className="muted">{t(review.enrolment.appointment.service === 'new' ? 'review.none.mrzNew' : 'review.none.mrz')}</p>;
  return (
    <div data-testid="review-mrz">
      <MrzLines mrz={mrz} />
      <p>
        <span className={`badge tone-${mrz.valid ? 'ready' : 'problem'}`}><span aria-hidden="true">{mrz.valid ? '✔ ' : '⚠ '}</span>{t(mrz.valid ? 'review.mrzValid' : 'review.mrzInvalid')}</span>
        {' '}{t(mrz.source === 'reader' ? 'review.mrzReader' : 'review.mrzTyped')}
      </p>
      {mrz.disagreements.length === 0
        ? <p className="muted">{t('review.noDisagreements')}</p>
        : (
          <ul className="review-disagreements" data-testid="review-disagreements">
            {mrz.disagreements.map((d) => (
              <li key={d.field} data-field={d.field}>
                <strong>{keyedText(t, { key: d.key, params: d.params })}</strong>
                {' '}{t('review.disagreementValues', { mrz: d.params.mrz || '—', booking: d.params.booking || '—' })}
              </li>
            ))}
          </ul>
        )}
    </div>
  );
}

function ApplicationSection({ review }: SectionProps) {
  const { t } = useTranslation();
  const a = review.enrolment.appointment;
  return (
    <>
    <dl className="facts facts-dense" data-testid="review-application">
      <div><dt>{t('field.service')}</dt><dd>{t(`service.${a.service}`, { defaultValue: a.service })}</dd></div>
      <div><dt>{t('field.passportType')}</dt><dd>{t(`passportType.${a.passportType}`)}</dd></div>
      <div><dt>{t('field.paymentStatus')}</dt><dd data-testid="review-payment"><span className={`badge tone-${a.paymentStatus === 'paid' ? 'ready' : 'problem'}`}>{t(`review.payment.${a.paymentStatus}`)}</span></dd></div>
      <div><dt>{t('field.billingCode')}</dt><dd className="mono">{a.billingCode || '–'}</dd></div>
      <div><dt>{t('field.birthPlace')}</dt><dd>{a.birthPlace}</dd></div>
      <div><dt>{t('field.birthDate')}</dt><dd>{a.birthDate}</dd></div>
      <div><dt>{t('field.sex')}</dt><dd>{t(`enrolment.mrz.sex.${a.sex}`, { defaultValue: a.sex })}</dd></div>
    </dl>
    <ReviewChecks review={review} />
    </>
  );
}

/** What the counter flagged for the supervisor: corrections (before → after, why), warnings,
 *  overrides, and the fine of a lost or damaged passport. */
function ReviewChecks({ review }: Pick<SectionProps, 'review'>) {
  const { t } = useTranslation();
  const e = review.enrolment;
  const corrections = e.identity?.corrections ?? [];
  const flags = (e.flags ?? []).filter((f) => f.kind !== 'correction');
  const fine = e.service?.bap ? e.service.fine : null;
  if (corrections.length === 0 && flags.length === 0 && fine === null) return null;
  return (
    <div className="review-checks" data-testid="review-checks">
      <ul>
        {corrections.map((c) => (
          <li key={`${c.field}-${c.at}`} data-testid="review-correction" data-field={c.field}>
            <strong>{t(`field.${c.field}`)}</strong>: <s>{c.before}</s> → {c.after} <span className="muted">({c.reasonText || t(`enrolIdentity.reason.${c.reason}`, { defaultValue: c.reason })})</span>
          </li>
        ))}
        {flags.map((f, i) => <li key={`${f.kind}-${i}`} data-testid="review-flag" data-kind={f.kind}>⚠ {flagText(t, f)}</li>)}
        {fine !== null && <li data-testid="review-fine">{fine > 0 ? t('bap.fine', { amount: formatRupiah(fine) }) : t('bap.noFine')}</li>}
      </ul>
    </div>
  );
}

function TimingSection({ review }: SectionProps) {
  const { t } = useTranslation();
  const tm = review.timing;
  const by = review.history.filter((h) => h.action === 'submit' || h.action === 'resubmit').at(-1);
  return (
    <div data-testid="review-timing">
      <p>{t('review.enrolledBy', { name: by?.officerName ?? '–', time: by ? new Date(by.at).toLocaleString() : '–' })}</p>
      <table className="table table-dense">
        <tbody>
          <tr data-testid="review-time-checkin"><th scope="row">{t('review.checkInToSubmit')}</th><td>{formatDuration(t, tm.checkInToSubmitSeconds)}</td></tr>
          <tr data-testid="review-time-open"><th scope="row">{t('review.openToSubmit')}</th><td>{formatDuration(t, tm.openToSubmitSeconds)}</td></tr>
          {tm.steps.map((s) => (
            <tr key={s.step} data-testid="review-time-step" data-step={s.step}>
              <th scope="row">{t(`enrolment.step.${s.step}`, { defaultValue: s.step })}</th>
              <td>{formatDuration(t, s.seconds)}{s.visits > 1 && <span className="muted"> · {t('review.visits', { count: s.visits })}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {tm.steps.length === 0 && <p className="muted">{t('review.noStepTimes')}</p>}
    </div>
  );
}

function HistorySection({ review }: SectionProps) {
  const { t } = useTranslation();
  return (
    <ol className="review-history" data-testid="review-history">
      {review.history.map((h, i) => (
        <li key={i} data-action={h.action ?? ''}>
          <span className="mono">{new Date(h.at).toLocaleString()}</span>{' · '}
          {h.action ? t(`statusDialog.action.${h.action}`, { defaultValue: h.action }) : t(`status.${h.to}`)}
          {h.officerName && <> · {h.officerName}</>}
          {h.reason && <> · <q>{h.action === 'return' ? t(`review.returnReason.${h.reason}`, { defaultValue: h.reason }) : h.reason}</q></>}
        </li>
      ))}
      {review.returnedVersions.map((v) => (
        <li key={v.contentHash + v.at} className="review-version" data-testid="review-returned-version">
          <span aria-hidden="true">↩ </span>
          {t('review.returnedVersion', { time: new Date(v.at).toLocaleString(), reason: t(`review.returnReason.${v.reason}`, { defaultValue: v.reason }), hash: v.contentHash.slice(0, 12) })}
          {v.note && <> · <q>{v.note}</q></>}
        </li>
      ))}
    </ol>
  );
}

/** The cards, in reading order. Append a section here to show it in the review. */
export const REVIEW_SECTIONS: readonly ReviewSection[] = [
  { id: 'photo', title: 'review.section.photo', Body: PhotoSection },
  { id: 'fingerprints', title: 'review.section.fingerprints', wide: true, Body: FingerprintsSection },
  { id: 'application', title: 'review.section.application', Body: ApplicationSection },
  { id: 'documents', title: 'review.section.documents', Body: DocumentsSection },
  { id: 'mrz', title: 'review.section.mrz', Body: MrzSection },
  { id: 'timing', title: 'review.section.timing', Body: TimingSection },
  { id: 'history', title: 'review.section.history', Body: HistorySection },
];
