// The service rules in force at this station: the file shipped with the release
// (resources/rules/immigration-rules.json, bundled), or a newer one an administrator loaded.
// A loaded file is validated in full before it replaces anything, must be newer than the
// one in force, is kept in the store (so it survives a restart), and is audited.
import shipped from '../../resources/rules/immigration-rules.json' with { type: 'json' };
import { serviceRulesSchema, type ServiceRules } from '../../domain/service-rules';
import type { Store } from '../store/store';
import { StationError } from './errors';

const SETTING_KEY = 'serviceRules';

export class ServiceRulesService {
  private cache: ServiceRules | null = null;
  constructor(private readonly store: Store, private readonly now: () => Date) {}

  /** The rules in force: the newest of the shipped file and the loaded one. */
  current(): ServiceRules {
    if (this.cache) return this.cache;
    const base = serviceRulesSchema.parse(shipped);
    const raw = this.store.settings.getAll()[SETTING_KEY];
    const loaded = raw ? serviceRulesSchema.safeParse(JSON.parse(raw)) : null;
    this.cache = loaded?.success && loaded.data.effectiveFrom >= base.effectiveFrom ? loaded.data : base;
    return this.cache;
  }

  /** An administrator loads a newer rules file (its text). */
  load(officerId: string, content: string): ServiceRules {
    let json: unknown;
    try { json = JSON.parse(content); } catch { throw new StationError('bad_input', { reason: 'rules_not_json' }, 'content'); }
    const parsed = serviceRulesSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new StationError('bad_input', { reason: 'rules_invalid', path: issue?.path.join('.') ?? '' }, 'content');
    }
    const before = this.current();
    if (parsed.data.effectiveFrom < before.effectiveFrom) {
      throw new StationError('conflict', { reason: 'rules_older', current: before.version, loaded: parsed.data.version });
    }
    const at = this.now().toISOString();
    this.store.tx(() => {
      this.store.settings.set(SETTING_KEY, JSON.stringify(parsed.data), at);
      this.store.audit.append(officerId, 'rules.load', { from: before.version, to: parsed.data.version, effectiveFrom: parsed.data.effectiveFrom }, at);
    });
    this.cache = null;
    return this.current();
  }
}

/** The rules file shipped with this release, for a service built without the rules service. */
export const shippedRules = (): ServiceRules => serviceRulesSchema.parse(shipped);
