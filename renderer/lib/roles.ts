// Roles as the renderer lists them (re-declared: the renderer imports only types).
import type { Role } from '../../electron/contract';

export const ROLES = ['counter', 'supervisor', 'print', 'technician', 'admin'] as const satisfies readonly Role[];

export function hasAnyRole(have: readonly Role[], want: readonly Role[]): boolean {
  return want.some((r) => have.includes(r));
}
