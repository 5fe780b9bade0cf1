// The hash of what an enrolment view shows, so an approval names the exact content the
// supervisor looked at: RFC 8785 canonical JSON (keys sorted, numbers in one form) and
// SHA-256. Every field of the view counts — sections other work adds to the view are covered
// without touching this file — except what moves without the content changing: when it was
// last saved, the status it stands in, the receipt outcome and the return notice. Images
// count by their blob ids (a retake or a new scan is a new blob).
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { EnrolmentView } from '../contract-types';

const VOLATILE_VIEW: ReadonlySet<string> = new Set(['updatedAt', 'receipt', 'contentHash', 'lastReturn']);
const VOLATILE_APPOINTMENT: ReadonlySet<string> = new Set(['updatedAt', 'status']);

/** The part of a view its hash covers (also what a returned version keeps as its snapshot). */
export function hashedContent(view: Omit<EnrolmentView, 'contentHash'>): Record<string, unknown> {
  const content: Record<string, unknown> = Object.fromEntries(Object.entries(view).filter(([k, v]) => !VOLATILE_VIEW.has(k) && v !== undefined));
  content.appointment = Object.fromEntries(Object.entries(view.appointment).filter(([k]) => !VOLATILE_APPOINTMENT.has(k)));
  return content;
}

export function contentHash(view: Omit<EnrolmentView, 'contentHash'>): string {
  return createHash('sha256').update(canonicalize(hashedContent(view)) ?? '').digest('hex');
}
