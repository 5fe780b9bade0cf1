// Errors a service raises on purpose: they cross the contract as values with a stable code
// the renderer turns into a sentence. Anything else is a bug and becomes 'internal'.
import type { ContractError, ErrorCode } from '../contract';

export class StationError extends Error {
  constructor(readonly code: ErrorCode, readonly params?: Record<string, string | number>, readonly field?: string) {
    super(code);
  }

  toContract(): ContractError {
    return { code: this.code, ...(this.params ? { params: this.params } : {}), ...(this.field ? { field: this.field } : {}) };
  }
}
