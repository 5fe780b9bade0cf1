// printer-state-reasons and job-state-reasons (RFC 8011 §5.4.12, §5.3.8; PWG 5100.x
// registrations) turned into the one sentence the operator needs. A reason keyword may
// carry a severity suffix; RFC 8011 says a keyword without one is an error.
import type { DeviceMessage } from '../../result';
import { JOB_STATE } from './ipp-constants';
import { IPP_KEYS } from './ipp-keys';

export type Severity = 'error' | 'warning' | 'report';

export function parseReason(keyword: string): { base: string; severity: Severity } {
  const m = /^(.*)-(error|warning|report)$/.exec(keyword);
  return m ? { base: m[1]!, severity: m[2] as Severity } : { base: keyword, severity: 'error' };
}

/** Base keywords → our sentence, most urgent first (a jam matters more than an open door). */
const BLOCKING: readonly [string[], string][] = [
  [['media-jam'], IPP_KEYS.mediaJam],
  [['door-open', 'cover-open', 'interlock-open'], IPP_KEYS.doorOpen],
  [['media-empty', 'media-needed', 'input-tray-missing'], IPP_KEYS.mediaEmpty],
  [['marker-supply-empty', 'toner-empty', 'marker-waste-full'], IPP_KEYS.markerEmpty],
  [['output-area-full'], IPP_KEYS.outputFull],
  [['offline', 'shutdown', 'timed-out', 'connecting-to-device'], IPP_KEYS.offline],
  [['paused', 'moving-to-paused'], IPP_KEYS.paused],
];

/** The reasons that stop printing (severity error), without 'none'. */
export function blockingReasons(reasons: readonly string[]): string[] {
  return reasons.filter((r) => r !== 'none' && parseReason(r).severity === 'error');
}

/** The sentence for what stops the printer now, or null when nothing does. */
export function printerReasonMessage(reasons: readonly string[]): DeviceMessage | null {
  const blocking = blockingReasons(reasons).map((r) => parseReason(r).base);
  if (blocking.length === 0) return null;
  for (const [bases, key] of BLOCKING) if (blocking.some((b) => bases.includes(b))) return { key };
  return { key: IPP_KEYS.printerStopped, params: { reasons: blocking.join(', ') } };
}

/** Why a job ended without printing: canceled (7) or aborted (8). */
export function jobEndMessage(state: number, jobReasons: readonly string[], printerReasons: readonly string[]): DeviceMessage {
  const printer = printerReasonMessage(printerReasons);
  if (jobReasons.some((r) => r === 'document-format-error' || r === 'unsupported-document-format' || r === 'document-unprintable-error')) {
    return { key: IPP_KEYS.documentRejected };
  }
  if (state === JOB_STATE.canceled) {
    return { key: jobReasons.includes('job-canceled-at-device') ? IPP_KEYS.jobCanceledAtDevice : IPP_KEYS.jobCanceled };
  }
  // An aborted job: the printer's own condition (a jam) says more than "aborted-by-system".
  if (printer && printer.key !== IPP_KEYS.printerStopped) return printer;
  const why = [...jobReasons.filter((r) => r !== 'none'), ...blockingReasons(printerReasons)];
  return { key: IPP_KEYS.jobAborted, params: { reasons: why.length > 0 ? why.join(', ') : 'aborted' } };
}
