// Always on screen after login: who is logged in, whether the station answers, every device,
// and the language, lock and logout controls.
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../electron/contract-types';
import { useOnline } from '../lib/station';
import { useDevices } from '../lib/use-devices';
import { DeviceBadge } from './device-badge';
import { Kbd } from './kbd';
import { LanguageToggle } from './language-toggle';
import { OfficeLinkBadge } from './office-link-badge';
import { TripBadge } from './trip-badge';
import { BacklogLine } from './backlog-line';
import { hasAnyRole } from '../../domain/catalog';

interface Props {
  session: SessionInfo;
  onLanguage: () => void;
  onLock: () => void;
  onLogout: () => void;
}

export function StatusBar({ session, onLanguage, onLock, onLogout }: Props) {
  const { t } = useTranslation();
  const online = useOnline();
  const devices = useDevices();
  return (
    <footer className="status-bar" data-testid="status-bar">
      <div className="status-officer" data-testid="status-officer">
        
        <strong>{session.name}</strong>
        <span className="status-roles" data-testid="status-roles">
          {session.roles.map((r) => t(`role.${r}`)).join(', ')}
        </span>
      </div>
      <div
        className={`link tone-${online ? 'ready' : 'problem'}`}
        data-testid="station-link"
        data-online={online ? 'yes' : 'no'}
        role="status"
      >
        <span aria-hidden="true">{online ? '●' : '✖'} </span>
        {online ? t('link.online') : t('link.offline')}
      </div>
      {/* The trip shares the office link's cell: both say how this station stands with the office. */}
      <div className="status-office"><TripBadge /><OfficeLinkBadge /></div>
      {hasAnyRole(session.roles, ['counter', 'supervisor']) && <BacklogLine />}
      <div className="status-devices" aria-label={t('device.title')}>
        {devices.length === 0 && <span className="muted">{t('device.none')}</span>}
        {devices.map((d) => <DeviceBadge key={d.id} slot={d} />)}
      </div>
      <div className="status-actions">
        <LanguageToggle onSwitch={onLanguage} />
        <button type="button" className="btn btn-quiet" onClick={onLock} data-testid="lock-button">
          <span aria-hidden="true">⚷ </span>{t('action.lock')} <Kbd keys="Alt+L" />
        </button>
        <button type="button" className="btn btn-quiet" onClick={onLogout} data-testid="logout-button">
          {t('action.logout')} <Kbd keys="Alt+K" />
        </button>
      </div>
    </footer>
  );
}
