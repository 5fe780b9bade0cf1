// The administrator's view of how the station key is kept, and their confirmation that a
// weak keychain (Linux safeStorage's basic_text) may seal it. The confirmation is audited.
import type { KeyProtection, KeyProvider } from '../station-types';
import type { Store } from '../store/store';
import { StationError } from './errors';

const FILE_ONLY: KeyProtection = { keptIn: 'file', backend: null, weak: false, awaitingConfirmation: false };

export class KeyProtectionService {
  constructor(
    private readonly provider: KeyProvider,
    private readonly dataDir: string,
    private readonly key: Buffer,
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  status(): KeyProtection {
    return this.provider.protection?.(this.dataDir) ?? FILE_ONLY;
  }

  confirmWeakSeal(officerId: string): KeyProtection {
    if (!this.status().awaitingConfirmation || !this.provider.sealWeak) throw new StationError('conflict', { reason: 'key_seal_not_pending' });
    const at = this.now().toISOString();
    this.provider.sealWeak(this.dataDir, this.key, officerId, at);
    this.store.tx(() => this.store.audit.append(officerId, 'keys.weakSealConfirmed', { backend: this.status().backend ?? '' }, at));
    return this.status();
  }
}
