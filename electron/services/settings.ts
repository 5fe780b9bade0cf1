// Station settings with their defaults: idle lock and login lock-out.
import type { StationSettings } from '../contract-types';
import type { Store } from '../store/store';
import { DEFAULT_BACKLOG_LIMIT } from '../../domain/review';
import { DEFAULT_RETENTION_DAYS } from './office-blobs';

export const DEFAULT_SETTINGS: StationSettings = {
  idleLockMinutes: 10, maxFailedLogins: 5, lockoutMinutes: 15, fingerprintThreshold: 50, fingerprintMaxAttempts: 3,
  reviewBacklogLimit: DEFAULT_BACKLOG_LIMIT,
  blobRetentionDays: DEFAULT_RETENTION_DAYS,
};

export class SettingsService {
  private cache: StationSettings | null = null;
  constructor(private readonly store: Store) {}

  get(): StationSettings {
    if (this.cache) return this.cache;
    const raw = this.store.settings.getAll();
    const num = (k: keyof StationSettings) => (raw[k] !== undefined && Number.isFinite(Number(raw[k])) ? Number(raw[k]) : DEFAULT_SETTINGS[k]);
    this.cache = {
      idleLockMinutes: num('idleLockMinutes'), maxFailedLogins: num('maxFailedLogins'), lockoutMinutes: num('lockoutMinutes'),
      fingerprintThreshold: num('fingerprintThreshold'), fingerprintMaxAttempts: num('fingerprintMaxAttempts'),
      reviewBacklogLimit: num('reviewBacklogLimit'),
      blobRetentionDays: num('blobRetentionDays'),
    };
    return this.cache;
  }

  update(patch: Partial<StationSettings>, officerId: string, at: string): StationSettings {
    this.store.tx(() => {
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined) continue;
        this.store.settings.set(k, String(v), at);
      }
      this.store.audit.append(officerId, 'settings.update', { ...patch }, at);
    });
    this.cache = null;
    return this.get();
  }
}
