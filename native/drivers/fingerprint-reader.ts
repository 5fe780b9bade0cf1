// What the station needs from a fingerprint reader, whatever its family: capture an image
// (with a countdown, transfer progress and cancellation), the image's resolution, a feature
// template in the family's own format, a 1:1 comparison of two templates, and a statement of
// what the device can do. The capture service, the device service and (later) the issuance
// handover know readers only through this interface; each family (ZFM, GT-521Fxx…) keeps its
// instructions to itself.
import type { GrayImage } from '../imaging/fingerprint-image';
import { fail } from '../result';
import type { Result } from '../result';

/**
 * Each family's templates are its own: a ZFM character file means nothing to a GT-521 and
 * the other way round. Every stored template carries its format, so a later 1:1 check
 * knows which readers can use it.
 */
export type TemplateFormat = 'zfm' | 'gt521';
export const TEMPLATE_FORMATS: readonly TemplateFormat[] = ['zfm', 'gt521'];

export interface FingerprintTemplate {
  format: TemplateFormat;
  data: Buffer;
}

/** An 8-bit grayscale image as the sensor saw it, with the sensor's resolution. */
export interface FingerprintImage extends GrayImage {
  /** Pixels per inch (ZFM ≈ 500, GT-521Fxx ≈ 450). */
  ppi: number;
}

export interface FingerprintCapabilities {
  /** The model as identified, e.g. 'zfm', 'r50x', 'gt521f52'. */
  model: string;
  templateFormat: TemplateFormat;
  /** Size of one template in bytes (ZFM 512, GT-521 498). */
  templateBytes: number;
  /** Whether `compare` works: the station has no matcher of its own. */
  onDeviceMatching: boolean;
  image: { width: number; height: number; ppi: number };
}

/** What happens during a capture, for the screen: the countdown, then the transfer. */
export type CaptureEvent =
  | { kind: 'waiting'; remainingMs: number; seconds: number }
  | { kind: 'transfer'; received: number; total: number };

export interface CaptureOptions {
  /** Longest wait for a finger (ms). */
  timeoutMs?: number;
  /** How often the sensor is asked whether a finger is on it (ms). */
  pollMs?: number;
  signal?: AbortSignal;
  onEvent?: (event: CaptureEvent) => void;
}

export interface MatchOutcome {
  matched: boolean;
  /** The module's score where it gives one (ZFM); GT-521 answers only yes or no. */
  score?: number;
}

export interface SelfTestCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface FingerprintReader {
  readonly capabilities: FingerprintCapabilities;
  readonly connected: boolean;
  /**
   * Waits for a finger, takes its image and transfers it, in one exchange nobody can
   * interleave. No finger within the time is a 'rejected' error with the family's sentence;
   * an abort is 'cancelled'.
   */
  capture(opts?: CaptureOptions): Promise<Result<FingerprintImage>>;
  /**
   * The template of the image just captured. 'rejected' means the module found too few
   * features: the image still stands, its quality score says how poor it is.
   */
  extractTemplate(): Promise<Result<FingerprintTemplate>>;
  /** 1:1 on the device: are two templates of this reader's format the same finger? */
  compare(a: FingerprintTemplate, b: FingerprintTemplate): Promise<Result<MatchOutcome>>;
  /** Facts a technician can read, each with its own outcome. */
  selfTest(): Promise<SelfTestCheck[]>;
}

/** Whether this reader can compare against a stored template (same family, a matcher on board). */
export function canCompare(reader: Pick<FingerprintReader, 'capabilities'>, template: Pick<FingerprintTemplate, 'format'>): boolean {
  return reader.capabilities.onDeviceMatching && reader.capabilities.templateFormat === template.format;
}

/** The refusal for a template of another family, before any byte goes to the device. */
export function wrongFormat(reader: Pick<FingerprintReader, 'capabilities'>, template: Pick<FingerprintTemplate, 'format'>): Result<never> {
  return fail('rejected', 'device.fingerprint.template_format', { format: template.format, reader: reader.capabilities.templateFormat },
    `a ${template.format} template cannot be compared on a ${reader.capabilities.templateFormat} reader`);
}

export const isTemplateFormat = (v: unknown): v is TemplateFormat => TEMPLATE_FORMATS.includes(v as TemplateFormat);
