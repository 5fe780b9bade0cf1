// Import the day's appointments from the booking system's export (.csv or .json). The
// station checks every row first; a file with bad rows is refused as a whole unless the
// officer explicitly chooses to import only the valid rows.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportResult } from '../../electron/contract-types';
import { Alert } from '../components/alert';
import { ImportIssues } from '../components/import-issues';
import { Kbd } from '../components/kbd';
import { errorMessage } from '../i18n/errors';
import { readFileBase64 } from '../lib/read-file';
import { useSession } from '../lib/session';
import { call } from '../lib/station';
import { useHotkeys } from '../lib/use-hotkeys';

interface Chosen { name: string; contentBase64: string }
type Stage =
  | { kind: 'choose' }
  | { kind: 'preview'; file: Chosen; preview: ImportPreview }
  | { kind: 'done'; file: Chosen; result: ImportResult };

export function ImportScreen({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const chooseRef = useRef<HTMLButtonElement>(null);
  const primaryRef = useRef<HTMLButtonElement>(null);

  // Focus follows the step: the file button, then the import button, then "another file".
  useEffect(() => {
    if (stage.kind === 'choose') chooseRef.current?.focus();
    else primaryRef.current?.focus();
  }, [stage.kind]);

  const choose = (): void => inputRef.current?.click();

  const onFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const chosen = { name: file.name, contentBase64: await readFileBase64(file) };
      setStage({ kind: 'preview', file: chosen, preview: await call('import.preview', { fileName: chosen.name, contentBase64: chosen.contentBase64 }) });
    } catch (err) {
      setError(err);
      setStage({ kind: 'choose' });
    } finally {
      setBusy(false);
      if (inputRef.current) inputRef.current.value = '';
    }
  };

  const commit = async (acceptValidRows: boolean): Promise<void> => {
    if (stage.kind !== 'preview') return;
    setBusy(true);
    setError(null);
    try {
      const result = await call('import.commit', { fileName: stage.file.name, contentBase64: stage.file.contentBase64, acceptValidRows });
      setStage({ kind: 'done', file: stage.file, result });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const preview = stage.kind === 'preview' ? stage.preview : null;
  const allValid = preview !== null && !preview.fileError && preview.invalidRows === 0 && preview.totalRows > 0;
  const someValid = preview !== null && !preview.fileError && preview.invalidRows > 0 && preview.validRows > 0;

  useHotkeys({
    'Alt+O': choose,
    'Alt+V': () => { if (someValid) void commit(true); },
    Escape: () => (stage.kind === 'preview' ? setStage({ kind: 'choose' }) : onBack()),
  }, session.state === 'active' && !busy);

  return (
    <section className="card">
      <h1>{t('import.title')}</h1>
      <p className="muted">{t('import.intro')}</p>
      <input
        ref={inputRef} type="file" accept=".csv,.json,text/csv,application/json" className="sr-only" tabIndex={-1}
        data-testid="import-file" onChange={(e) => void onFile(e.target.files?.[0])}
      />
      {error !== null && <Alert tone="problem" testId="import-error">{errorMessage(t, error)}</Alert>}
      {busy && <Alert tone="waiting" testId="import-busy">{t('import.busy')}</Alert>}

      {stage.kind === 'choose' && (
        <div className="actions">
          <button ref={chooseRef} type="button" className="btn btn-primary" onClick={choose} disabled={busy} data-testid="import-choose">
            {t('import.choose')} <Kbd keys="Enter" /> <Kbd keys="Alt+O" />
          </button>
        </div>
      )}

      {stage.kind === 'preview' && preview && (
        <div data-testid="import-preview">
          <p className="lead">{t('import.file', { name: stage.file.name, format: preview.format.toUpperCase() })}</p>
          {preview.fileError ? (
            <Alert tone="problem" testId="import-file-error">
              {t(`import.fileError.${preview.fileError.code}`, {
                ...preview.fileError.params,
                defaultValue: t('import.fileError.unknown', { code: preview.fileError.code }),
              })}
            </Alert>
          ) : (
            <dl className="totals">
              <div><dt>{t('import.total')}</dt><dd data-testid="import-total">{preview.totalRows}</dd></div>
              <div className="tone-ready"><dt>{t('import.valid')}</dt><dd data-testid="import-valid">{preview.validRows}</dd></div>
              <div className={preview.invalidRows ? 'tone-problem' : ''}><dt>{t('import.invalid')}</dt><dd data-testid="import-invalid">{preview.invalidRows}</dd></div>
              <div><dt>{t('import.unchanged')}</dt><dd data-testid="import-unchanged">{preview.unchangedRows}</dd></div>
            </dl>
          )}
          {preview.notes?.map((n) => (
            <div key={n.code} data-testid="import-note" data-code={n.code}>
              <Alert tone="info">{t(`import.note.${n.code}`, { ...n.params })}</Alert>
            </div>
          ))}
          {allValid && <Alert tone="ready" testId="import-ok">{t('import.allValid', { n: preview.totalRows })}</Alert>}
          {!preview.fileError && preview.invalidRows > 0 && (
            <Alert tone="problem" testId="import-refused">
              {t(preview.validRows > 0 ? 'import.refused' : 'import.refusedNone', { invalid: preview.invalidRows, valid: preview.validRows })}
            </Alert>
          )}
          <div className="actions">
            {allValid && (
              <button ref={primaryRef} type="button" className="btn btn-primary" disabled={busy} onClick={() => void commit(false)} data-testid="import-commit">
                {t('import.commit', { n: preview.totalRows })} <Kbd keys="Enter" />
              </button>
            )}
            {someValid && (
              <button type="button" className="btn btn-warning" disabled={busy} onClick={() => void commit(true)} data-testid="import-commit-valid">
                {t('import.commitValid', { valid: preview.validRows, invalid: preview.invalidRows })} <Kbd keys="Alt+V" />
              </button>
            )}
            <button
              ref={allValid ? undefined : primaryRef} type="button" className={allValid ? 'btn' : 'btn btn-primary'}
              onClick={choose} disabled={busy} data-testid="import-choose-other"
            >
              {t('import.chooseOther')} <Kbd keys="Alt+O" />
            </button>
            <button type="button" className="btn btn-quiet" onClick={() => setStage({ kind: 'choose' })}>{t('action.cancel')} <Kbd keys="Esc" /></button>
          </div>
          <ImportIssues issues={preview.issues} />
        </div>
      )}

      {stage.kind === 'done' && (
        <div data-testid="import-result">
          <Alert tone="ready">{t('import.doneFor', { name: stage.file.name })}</Alert>
          <dl className="totals">
            <div className="tone-ready"><dt>{t('import.inserted')}</dt><dd data-testid="import-inserted">{stage.result.inserted}</dd></div>
            <div><dt>{t('import.updated')}</dt><dd data-testid="import-updated">{stage.result.updated}</dd></div>
            <div><dt>{t('import.unchanged')}</dt><dd data-testid="import-result-unchanged">{stage.result.unchanged}</dd></div>
            <div className={stage.result.skippedInvalid ? 'tone-problem' : ''}><dt>{t('import.skipped')}</dt><dd data-testid="import-skipped">{stage.result.skippedInvalid}</dd></div>
          </dl>
          <div className="actions">
            <button ref={primaryRef} type="button" className="btn btn-primary" onClick={choose} data-testid="import-again">
              {t('import.another')} <Kbd keys="Enter" />
            </button>
            <button type="button" className="btn" onClick={onBack} data-testid="import-to-queue">{t('import.toQueue')} <Kbd keys="Esc" /></button>
          </div>
        </div>
      )}
    </section>
  );
}
