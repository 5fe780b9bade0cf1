// Who may see which kept image, and from which screen. A blob (document page, photo,
// fingerprint image) is handed out only to a role whose screen shows that kind, and only
// for a screen on this list: the station audits each read with the screen as its reason.
// Fingerprint templates never leave the station (only the duplicate check reads them).
import type { Role } from './catalog';

export const BLOB_KINDS = ['document', 'photo', 'fingerprint', 'fingerprint_template', 'signature'] as const;
export type BlobKind = (typeof BLOB_KINDS)[number];

/** The screens that show kept images, and which kinds each shows. */
export const BLOB_SCREENS = {
  'enrolment.documents': ['document'],
  'enrolment.photo': ['photo'],
  'enrolment.fingerprints': ['fingerprint'],
  'enrolment.summary': ['document', 'photo', 'fingerprint', 'signature'],
  /** The signature step: the scanned form to crop from, and the kept signature. */
  'enrolment.signature': ['document', 'signature'],
  /** The supervisor's check before approving. */
  'review': ['document', 'photo', 'fingerprint', 'signature'],
  /** The print operator compares the applicant with the photo at print and hand-over. */
  'issuance': ['photo'],
} as const satisfies Record<string, readonly BlobKind[]>;
export type BlobScreen = keyof typeof BLOB_SCREENS;
export const BLOB_SCREEN_NAMES = Object.keys(BLOB_SCREENS) as [BlobScreen, ...BlobScreen[]];

/** Kind × role: the roles whose screens show that kind. */
export const BLOB_ROLES: { readonly [K in BlobKind]: readonly Role[] } = {
  document: ['counter', 'supervisor'],
  photo: ['counter', 'supervisor', 'print'],
  fingerprint: ['counter', 'supervisor'],
  fingerprint_template: [],
  signature: ['counter', 'supervisor'],
};

/** Whether a caller with these roles may read a blob of this kind for this screen. */
export function mayReadBlob(kind: string, screen: BlobScreen, roles: readonly Role[]): boolean {
  if (!(BLOB_KINDS as readonly string[]).includes(kind)) return false;
  const k = kind as BlobKind;
  return (BLOB_SCREENS[screen] as readonly BlobKind[]).includes(k) && BLOB_ROLES[k].some((r) => roles.includes(r));
}
