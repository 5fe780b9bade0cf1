// Which MRZ read an enrolment keeps. A read that fails its check digits must not replace an
// earlier read that passed them: a smudge or a half swipe would otherwise throw away a good
// read without anyone noticing. The failed read is held beside the kept one until the
// officer decides — keep the earlier read, or use the new one. Only a valid read, or one the
// officer typed from the document (some books are issued with a wrong check digit), may
// replace a valid read. Used by the station (the rule) and the screen (which button works).

export interface MrzReadShape {
  valid: boolean;
  source: 'reader' | 'typed';
}

export interface MrzReadSlots<R extends MrzReadShape> {
  /** The read the enrolment uses. */
  kept: R | null;
  /** A failed read waiting for the officer's decision. */
  held: R | null;
}

/** Where a new read goes: it replaces the kept read unless it fails beside a valid one. */
export function placeMrzRead<R extends MrzReadShape>(slots: MrzReadSlots<R>, read: R): MrzReadSlots<R> {
  if (!read.valid && slots.kept?.valid) return { kept: slots.kept, held: read };
  return { kept: read, held: null };
}

/** True when the officer may put this held read in place of a valid kept one. */
export function mayReplaceValidRead(read: MrzReadShape): boolean {
  return read.valid || read.source === 'typed';
}
