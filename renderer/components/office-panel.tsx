// Settings → Office (administrators): pair this station with the office service once, with
// the address and the one-time code the office's administrator reads out; then see the
// link, the pinned certificate, what waits, and the changes the office refused.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { OfficeRefusalView } from '../../electron/contract-types';
import { errorMessage } from '../i18n/errors';
import { call } from '../lib/station';
import { useOfficeStatus } from '../lib/use-office-status';
import { Alert } from './alert';
import { ConfirmDialog } from './confirm-dialog';
import { Field } from './field';

interface Values { url: string; code: string; stationName: string }

export function OfficePanel() {
  const { t } = useTranslation();
  const [status, setStatus] = useOfficeStatus();
  const [failure, setFailure] = useState<unknown>(null);
  const [refusals, setRefusals] = useState<OfficeRefusalView[] | null>(null);
  const { register, handleSubmit, formState: { isSubmitting } } = useForm<Values>({ defaultValues: { url: 'https://', code: '', stationName: '' } });

  const pair = handleSubmit(async (v) => {
    setFailure(null);
    try { setStatus(await call('office.pair', v)); } catch (err) { setFailure(err); }
  });
  // office.resync pulls everything again from the start of the office's stream (after the
  // deletions the office compacted): long, and only needed when the office asks for it.
  const [resyncAsk, setResyncAsk] = useState(false);
  const [resyncing, setResyncing] = useState(false);
  const [resynced, setResynced] = useState(false);
  const resync = async () => {
    setFailure(null); setResynced(false); setResyncing(true);
    try { setStatus(await call('office.resync', {})); setResynced(true); } catch (err) { setFailure(err); } finally { setResyncing(false); setResyncAsk(false); }
  };
  const syncNow = async () => {
    setFailure(null);
    try { setStatus(await call('office.syncNow', {})); } catch (err) { setFailure(err); }
  };

  return (
    <section className="office-panel" data-testid="office-panel" aria-labelledby="office-panel-title">
      <h2 id="office-panel-title">{t('office.title')}</h2>
      {failure !== null && <Alert tone="problem" testId="office-error">{errorMessage(t, failure)}</Alert>}
      {status?.paired ? (
        <div data-testid="office-paired">
          <p>{t('office.pairedWith', { url: status.officeUrl })} — <strong>{t(`office.state.${status.state}`)}</strong></p>
          <p className="muted">{t('office.certificate')}: <code data-testid="office-certificate">{status.certificate}</code></p>
          <p>{t('office.waiting', { count: status.waiting })}</p>
          {status.imagesWaiting > 0 && <p data-testid="office-images-waiting">{t('officeBlobs.imagesWaiting', { count: status.imagesWaiting })}</p>}
          {!status.officeKey && <Alert tone="problem" testId="office-key-missing">{t('error.reason.office_key_missing')}</Alert>}
          <button type="button" className="btn" onClick={() => void syncNow()} data-testid="office-sync">{t('office.syncNow')}</button>{' '}
          {status.refused > 0 && (
            <button type="button" className="btn btn-quiet" data-testid="office-refusals-show"
              onClick={() => { call('office.refusals', {}).then(setRefusals, setFailure); }}>
              {t('office.refusedShow', { count: status.refused })}
            </button>
          )}
          <div className="office-resync">
            <button type="button" className="btn btn-quiet" disabled={resyncing} onClick={() => setResyncAsk(true)} data-testid="office-resync">{t('officeResync.button')}</button>
            <span className="muted"> {t('officeResync.hint')}</span>
            {resyncing && <Alert tone="waiting" testId="office-resync-busy">{t('officeResync.busy')}</Alert>}
            {resynced && <Alert tone="ready" testId="office-resync-done">{t('officeResync.done')}</Alert>}
          </div>
          {resyncAsk && (
            <ConfirmDialog title={t('officeResync.title')} confirmLabel={t('officeResync.confirm')} busy={resyncing}
              onConfirm={() => void resync()} onClose={() => setResyncAsk(false)} testId="office-resync-confirm">
              <p>{t('officeResync.body')}</p>
            </ConfirmDialog>
          )}
          {refusals && (
            <ul data-testid="office-refusals">
              {refusals.map((r) => <li key={r.changeId}>{t(`${r.from === 'station' ? 'changelog' : 'error.reason'}.${r.code}`, { ...r.params, defaultValue: r.message })}</li>)}
            </ul>
          )}
        </div>
      ) : (
        <p className="muted">{t('office.alone')}</p>
      )}
      <form onSubmit={(e) => void pair(e)} noValidate data-testid="office-pair-form">
        <Field id="office-url" label={t('office.url')} hint={t('office.urlHint')}>
          <input id="office-url" data-testid="office-url" autoComplete="off" {...register('url')} />
        </Field>
        <Field id="office-code" label={t('office.code')} hint={t('office.codeHint')}>
          <input id="office-code" data-testid="office-code" autoComplete="off" spellCheck={false} {...register('code')} />
        </Field>
        <Field id="office-station-name" label={t('office.stationName')}>
          <input id="office-station-name" data-testid="office-station-name" autoComplete="off" {...register('stationName')} />
        </Field>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting} data-testid="office-pair">
          {status?.paired ? t('office.pairAgain') : t('office.pair')}
        </button>
      </form>
    </section>
  );
}
