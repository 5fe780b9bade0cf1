// Step 1, the old passport: a reader's read arrives by itself (mrz.read, attached by the
// enrolment screen); the officer can also type or paste the two or three MRZ lines. The
// station checks the lines: wrong fields are marked in the zone, and where the passport and
// the booking disagree the screen asks the officer — it never overwrites either side. A read
// that fails its check digits beside a valid one is held by the station (keep-valid-read.ts)
// and shown next to it, its wrong fields marked, until the officer keeps one.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentView, MrzDisagreement, MrzReadView } from '../../../electron/contract-types';
import { Alert } from '../../components/alert';
import { Kbd } from '../../components/kbd';
import { MrzLines } from '../../components/mrz-lines';
import { enrolmentError, keyedText } from '../../lib/device-text';
import { expectedLines } from '../../../domain/mrz/mrz-field-spans';
import { mayReplaceValidRead } from '../../../domain/mrz/keep-valid-read';
import { call } from '../../lib/station';
import { useDraft } from '../../lib/use-draft';
import { DraftRestored } from '../../components/draft-restored';

interface Props {
  view: EnrolmentView;
  onView: (v: EnrolmentView) => void;
  readerError: unknown;
  onNext: () => void;
}

/** What the officer typed, as MRZ lines: upper case, spaces dropped, empty lines dropped. */
function toLines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.toUpperCase().replace(/\s+/g, '')).filter((l) => l.length > 0);
}

export function MrzStep({ view, onView, readerError, onNext }: Props) {
  const { t } = useTranslation();
  // What is typed is kept by the station as a draft while it is typed (a crash or a reload
  // loses at most a second of it), until the station has checked the lines.
  const draft = useDraft(view.appointment.id, 'mrz');
  const { text, setText } = draft;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const mrz = view.mrz;
  const held = view.mrzHeld;

  // A held read asks for a decision: focus goes to "keep", the safe choice, on Enter.
  useEffect(() => {
    if (held) keepRef.current?.focus();
  }, [held?.readAt]);

  const decide = async (choice: 'keep' | 'useNew'): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      onView(await call('enrolment.decideMrz', { appointmentId: view.appointment.id, choice }));
      areaRef.current?.focus();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const submit = async (): Promise<void> => {
    const lines = toLines(text);
    if (lines.length === 0) { areaRef.current?.focus(); return; }
    setBusy(true);
    setError(null);
    try {
      onView(await call('enrolment.attachMrz', { appointmentId: view.appointment.id, lines, source: 'typed' }));
      void draft.clear();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      areaRef.current?.focus();
    }
  };

  // Enter starts a new line until the zone is complete (2 lines of 44 or 36, 3 of 30); then
  // it checks the lines. Ctrl+Enter checks at any time.
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (e.key !== 'Enter' || e.shiftKey) return;
    const lines = toLines(text);
    const want = expectedLines(lines[0]?.length ?? 0);
    if (e.ctrlKey || (want !== null && lines.length >= want)) {
      e.preventDefault();
      void submit();
    }
  };

  const shownError = error ?? readerError;
  return (
    <div className="step mrz-step">
      <h2>{t('enrolment.mrz.title')}</h2>
      {/* Once a read is in, the intro gives its room to the read (1366 × 768). */}
      {!mrz && <p className="muted">{t('enrolment.mrz.intro')}</p>}
      {shownError !== null && shownError !== undefined && (
        <Alert tone="problem" testId="mrz-error">{enrolmentError(t, shownError)}</Alert>
      )}
      {mrz && held ? (
        <div className="mrz-compare" data-testid="mrz-compare">
          <div>
            <h3 className="mrz-compare-title">{t('enrolment.mrz.held.kept')}</h3>
            <MrzResult mrz={mrz} />
          </div>
          <div className="mrz-held" data-testid="mrz-held" data-source={held.source}>
            <h3 className="mrz-compare-title tone-problem" data-testid="mrz-held-title">
              <span aria-hidden="true">⚠ </span>{t('enrolment.mrz.held.title')}
            </h3>
            <p className="muted">
              {t(held.source === 'reader' ? 'enrolment.mrz.fromReader' : 'enrolment.mrz.typed', { time: new Date(held.readAt).toLocaleTimeString() })}
            </p>
            <MrzLines mrz={held} />
            {/* The decision before the sentences, so it is in view at 1366 × 768. */}
            <div className="actions">
              <button ref={keepRef} type="button" className="btn btn-primary" disabled={busy} onClick={() => void decide('keep')} data-testid="mrz-keep">
                {t('enrolment.mrz.held.keep')} <Kbd keys="Enter" />
              </button>
              <button
                type="button" className="btn" disabled={busy || !mayReplaceValidRead(held)} onClick={() => void decide('useNew')}
                data-testid="mrz-use-new" aria-describedby={mayReplaceValidRead(held) ? undefined : 'mrz-use-new-blocked'}
              >
                {t('enrolment.mrz.held.useNew')}
              </button>
            </div>
            {!mayReplaceValidRead(held) && <p id="mrz-use-new-blocked" className="field-hint" data-testid="mrz-use-new-blocked">{t('enrolment.mrz.held.useNewBlocked')}</p>}
            <MrzFieldErrors mrz={held} />
          </div>
        </div>
      ) : mrz && <MrzResult mrz={mrz} />}
      <div className="field">
        <label htmlFor="mrz-text">{t('enrolment.mrz.typeLabel')}</label>
        <textarea
          id="mrz-text" ref={areaRef} className="mono mrz-input" data-testid="mrz-text" rows={3} spellCheck={false}
          autoComplete="off" autoCapitalize="characters" autoFocus value={text} maxLength={200}
          onChange={(e) => setText(e.target.value)} onKeyDown={onKey}
          placeholder={'P<IDN…\nX1234567<…'}
        />
        <div className="field-hint">{t('enrolment.mrz.typeHint')}</div>
        {draft.restoredAt && <DraftRestored at={draft.restoredAt} />}
      </div>
      <div className="actions">
        <button type="button" className="btn btn-primary" onClick={() => void submit()} disabled={busy} data-testid="mrz-submit">
          {busy ? t('enrolment.mrz.checking') : t('enrolment.mrz.check')} <Kbd keys="Ctrl+Enter" />
        </button>
        <button type="button" className="btn" onClick={onNext} data-testid="mrz-next">
          {t('enrolment.next')} <Kbd keys="Alt+2" />
        </button>
      </div>
    </div>
  );
}

/** A sentence for each wrong field of a failed read (numbered as the marks in the zone). */
function MrzFieldErrors({ mrz }: { mrz: MrzReadView }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-problem" data-testid="mrz-field-errors">
      <span className="alert-icon" aria-hidden="true">⚠</span>
      <ol className="alert-text mrz-problems">
        {mrz.fieldErrors.map((e, i) => <li key={i} data-field={e.field}>{keyedText(t, e)}</li>)}
      </ol>
    </div>
  );
}

function MrzResult({ mrz }: { mrz: MrzReadView }) {
  const { t } = useTranslation();
  const fmtDate = (d: string | null): string => d ?? t('enrolment.mrz.unreadableValue');
  return (
    <div className="mrz-result" data-testid="mrz-result" data-valid={mrz.valid ? 'yes' : 'no'}>
      <p className="muted">
        {t(mrz.source === 'reader' ? 'enrolment.mrz.fromReader' : 'enrolment.mrz.typed', { time: new Date(mrz.readAt).toLocaleTimeString() })}
      </p>
      <MrzLines mrz={mrz} />
      {mrz.valid
        ? <Alert tone="ready" testId="mrz-valid">{t('enrolment.mrz.valid')}</Alert>
        : (
          <div className="alert alert-problem" role="alert" data-testid="mrz-field-errors">
            <span className="alert-icon" aria-hidden="true">⚠</span>
            <ol className="alert-text mrz-problems">
              {mrz.fieldErrors.map((e, i) => <li key={i} data-field={e.field}>{keyedText(t, e)}</li>)}
            </ol>
          </div>
        )}
      <dl className="facts facts-grid" data-testid="mrz-fields">
        <div><dt>{t('enrolment.mrz.fieldName.documentNumber')}</dt><dd className="mono" data-testid="mrz-documentNumber">{mrz.documentNumber}</dd></div>
        <div><dt>{t('enrolment.mrz.fieldName.primaryIdentifier')}</dt><dd data-testid="mrz-primary">{mrz.primaryIdentifier}</dd></div>
        <div><dt>{t('enrolment.mrz.fieldName.secondaryIdentifier')}</dt><dd data-testid="mrz-secondary">{mrz.secondaryIdentifier || '—'}</dd></div>
        <div><dt>{t('enrolment.mrz.fieldName.birthDate')}</dt><dd data-testid="mrz-birthDate">{fmtDate(mrz.birthDate)}</dd></div>
        <div><dt>{t('enrolment.mrz.fieldName.sex')}</dt><dd data-testid="mrz-sex">{t(`enrolment.mrz.sex.${mrz.sex}`)}</dd></div>
        <div><dt>{t('enrolment.mrz.fieldName.expiryDate')}</dt><dd data-testid="mrz-expiryDate">{fmtDate(mrz.expiryDate)}</dd></div>
        <div><dt>{t('enrolment.mrz.fieldName.nationality')}</dt><dd className="mono">{mrz.nationality}</dd></div>
      </dl>
      {mrz.disagreements.length > 0 && (
        <div className="questions" data-testid="mrz-disagreements">
          <h3>{t('enrolment.mrz.questions')}</h3>
          <ul>
            {mrz.disagreements.map((d) => <Disagreement key={d.field} d={d} />)}
          </ul>
          <p className="muted">{t('enrolment.mrz.questionsHint')}</p>
        </div>
      )}
    </div>
  );
}

function Disagreement({ d }: { d: MrzDisagreement }) {
  const { t } = useTranslation();
  const show = (v: string): string => (d.field === 'sex' ? t(`enrolment.mrz.sex.${v}`, { defaultValue: v }) : v) || '—';
  return (
    <li className="question" data-testid="mrz-disagreement" data-field={d.field}>
      <span aria-hidden="true" className="question-icon">?</span>
      <div>
        <p><strong>{keyedText(t, { key: d.key, params: { mrz: show(d.params.mrz), booking: show(d.params.booking) } })}</strong></p>
        <table className="compare">
          <tbody>
            <tr><th scope="row">{t('enrolment.mrz.onPassport')}</th><td data-testid="disagreement-mrz">{show(d.params.mrz)}</td></tr>
            <tr><th scope="row">{t('enrolment.mrz.onBooking')}</th><td data-testid="disagreement-booking">{show(d.params.booking)}</td></tr>
          </tbody>
        </table>
      </div>
    </li>
  );
}
