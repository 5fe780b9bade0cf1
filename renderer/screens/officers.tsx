// Officers of this station (administrators only): who they are, their roles, whether they
// may log in; add one, change roles, disable or enable, reset a password.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficerRow } from '../../electron/contract-types';
import { Alert } from '../components/alert';
import { Dialog } from '../components/dialog';
import { Kbd } from '../components/kbd';
import { errorMessage } from '../i18n/errors';
import { useSession } from '../lib/session';
import { call } from '../lib/station';
import { useHotkeys } from '../lib/use-hotkeys';
import { OfficerCreateDialog } from './officer-create';
import { OfficerPasswordDialog } from './officer-password';
import { OfficerRolesDialog } from './officer-roles';

type Open =
  | { kind: 'create' }
  | { kind: 'roles'; officer: OfficerRow }
  | { kind: 'password'; officer: OfficerRow }
  | { kind: 'disable'; officer: OfficerRow }
  | null;

export function OfficersScreen() {
  const { t, i18n } = useTranslation();
  const { session, notify } = useSession();
  const [officers, setOfficers] = useState<OfficerRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<Open>(null);

  const load = useCallback(async () => {
    try {
      setOfficers(await call('officers.list', {}));
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, []);
  useEffect(() => { if (session.state === 'active') void load(); }, [load, session.state]);

  useHotkeys({ 'Alt+N': () => setOpen({ kind: 'create' }), F5: () => void load() }, session.state === 'active');

  const setDisabled = async (officer: OfficerRow, disabled: boolean): Promise<void> => {
    setOpen(null);
    try {
      const o = await call('officers.update', { id: officer.id, disabled });
      notify({ tone: 'ready', text: t(disabled ? 'officers.disabledDone' : 'officers.enabledDone', { name: o.name }) });
      await load();
    } catch (err) {
      notify({ tone: 'problem', text: errorMessage(t, err) });
    }
  };

  const fmt = (iso: string): string => new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'id-ID');

  return (
    <section className="card">
      <div className="heading-row">
        <h1>{t('officers.title')}</h1>
        <button type="button" className="btn btn-primary" onClick={() => setOpen({ kind: 'create' })} data-testid="officer-add" autoFocus>
          {t('officers.add')} <Kbd keys="Alt+N" />
        </button>
      </div>
      {error !== null && <Alert tone="problem" testId="officers-error">{errorMessage(t, error)}</Alert>}
      <div className="table-wrap">
        <table className="table" data-testid="officers-table">
          <thead>
            <tr>
              <th scope="col">{t('field.name')}</th>
              <th scope="col">{t('field.nip')}</th>
              <th scope="col">{t('field.roles')}</th>
              <th scope="col">{t('field.status')}</th>
              <th scope="col"><span className="sr-only">{t('queue.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {(officers ?? []).map((o) => (
              <tr key={o.id} data-testid="officer-row" data-nip={o.nip}>
                <td>{o.name}{o.id === session.officerId && <span className="tag">{t('officers.you')}</span>}</td>
                <td className="mono">{o.nip}</td>
                <td>{o.roles.map((r) => t(`role.${r}`)).join(', ')}</td>
                <td>
                  {o.disabled
                    ? <span className="badge tone-problem"><span aria-hidden="true">✖</span> {t('officers.disabled')}</span>
                    : o.lockedUntil && new Date(o.lockedUntil) > new Date()
                      ? <span className="badge tone-waiting"><span aria-hidden="true">⚷</span> {t('officers.lockedUntil', { time: fmt(o.lockedUntil) })}</span>
                      : <span className="badge tone-ready"><span aria-hidden="true">✔</span> {t('officers.active')}</span>}
                </td>
                <td className="row-actions">
                  <button type="button" className="btn btn-small" onClick={() => setOpen({ kind: 'roles', officer: o })} data-testid="officer-edit-roles">
                    {t('officers.editRoles')}
                  </button>
                  <button type="button" className="btn btn-small" onClick={() => setOpen({ kind: 'password', officer: o })} data-testid="officer-reset-password">
                    {t('officers.resetPassword')}
                  </button>
                  {o.disabled ? (
                    <button type="button" className="btn btn-small" onClick={() => void setDisabled(o, false)} data-testid="officer-enable">
                      {t('officers.enable')}
                    </button>
                  ) : (
                    <button type="button" className="btn btn-small btn-danger-quiet" onClick={() => setOpen({ kind: 'disable', officer: o })} data-testid="officer-disable">
                      {t('officers.disable')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {open?.kind === 'create' && (
        <OfficerCreateDialog
          onClose={() => setOpen(null)}
          onCreated={(o) => { setOpen(null); notify({ tone: 'ready', text: t('officers.created', { name: o.name }) }); void load(); }}
        />
      )}
      {open?.kind === 'roles' && (
        <OfficerRolesDialog
          officer={open.officer}
          onClose={() => setOpen(null)}
          onSaved={(o) => { setOpen(null); notify({ tone: 'ready', text: t('officers.rolesSaved', { name: o.name }) }); void load(); }}
        />
      )}
      {open?.kind === 'password' && (
        <OfficerPasswordDialog
          officer={open.officer}
          onClose={() => setOpen(null)}
          onDone={() => { notify({ tone: 'ready', text: t('officers.passwordReset', { name: open.officer.name }) }); setOpen(null); }}
        />
      )}
      {open?.kind === 'disable' && (
        <Dialog title={t('officers.disableTitle', { name: open.officer.name })} onClose={() => setOpen(null)} testId="officer-disable-confirm">
          <p>{t('officers.disableText', { name: open.officer.name, nip: open.officer.nip })}</p>
          <div className="actions">
            <button type="button" className="btn" autoFocus onClick={() => setOpen(null)}>{t('action.cancel')} <Kbd keys="Esc" /></button>
            <button type="button" className="btn btn-danger" onClick={() => void setDisabled(open.officer, true)} data-testid="officer-disable-yes">
              {t('officers.disable')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
