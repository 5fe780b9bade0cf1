// The TD3 name field (line 1, positions 6–44: 39 characters): PRIMARY<<SECONDARY, name
// components joined by one filler, padded with fillers. Names that do not fit are
// truncated after ICAO 9303 Part 3 (4.6, truncation of the name):
//   1. characters are removed from the end of the secondary identifier's components, the
//      last component first, until the name fits, each component keeping at least its
//      initial (ANNA<MARIA → ANNA<M → A<M);
//   2. only then the primary identifier's components, the same way;
//   3. the field is then completely filled and its last character is a letter, which is
//      how the MRZ signals that the name may have been truncated (a non-truncated name that
//      fills the field exactly looks the same; the full name is in the VIZ and the chip).
// A mononym is written as the primary identifier alone: the secondary part is fillers.

export const TD3_NAME_WIDTH = 39;

export interface NameFieldResult {
  field: string;
  truncated: boolean;
}

export function composeNameField(primary: readonly string[], secondary: readonly string[], width = TD3_NAME_WIDTH): NameFieldResult {
  const p = [...primary];
  const s = [...secondary];
  const join = (): string => p.join('<') + (s.length > 0 ? '<<' + s.join('<') : '');
  let excess = join().length - width;
  if (excess <= 0) return { field: join().padEnd(width, '<'), truncated: false };

  excess = shorten(s, excess);
  excess = shorten(p, excess);
  if (excess <= 0) return { field: join(), truncated: true };

  // Only with some twenty name components: nothing sensible is left to shorten, so cut hard
  // and keep the truncation signal (a letter last) where the cut allows it.
  const cut = join().slice(0, width).replace(/<+$/, '');
  return { field: cut.padEnd(width, '<'), truncated: true };
}

/** Removes up to `excess` characters from the end of components, last first, keeping initials. */
function shorten(components: string[], excess: number): number {
  for (let i = components.length - 1; i >= 0 && excess > 0; i--) {
    const c = components[i]!;
    const remove = Math.min(c.length - 1, excess);
    components[i] = c.slice(0, c.length - remove);
    excess -= remove;
  }
  return excess;
}
