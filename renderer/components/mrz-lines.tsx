// The machine-readable zone as printed, in OCR-like monospace, with the characters of each
// field the station found wrong marked (colour + underline + a numbered tag, never colour
// alone); the sentences for the marks are listed under it.
import type { MrzReadView } from '../../electron/contract-types';
import { problemSpans } from '../../domain/mrz/mrz-field-spans';

export function MrzLines({ mrz }: { mrz: MrzReadView }) {
  // For every character: which problem (index into fieldErrors) covers it, if any.
  const marks = mrz.lines.map((l) => new Array<number>(l.length).fill(-1));
  mrz.fieldErrors.forEach((e, i) => {
    for (const s of problemSpans(mrz.format, e.field, e.kind)) {
      const row = marks[s.line];
      if (!row) continue;
      for (let c = s.start; c < Math.min(s.end, row.length); c++) if (row[c] === -1) row[c] = i;
    }
  });
  return (
    <div className="mrz-lines mono" data-testid="mrz-lines" aria-label="MRZ">
      {mrz.lines.map((line, li) => {
        const row = marks[li] ?? [];
        // Runs of characters with the same mark.
        const runs: { text: string; mark: number }[] = [];
        for (let c = 0; c < line.length; c++) {
          const m = row[c] ?? -1;
          const last = runs[runs.length - 1];
          if (last && last.mark === m) last.text += line[c];
          else runs.push({ text: line[c] ?? '', mark: m });
        }
        return (
          <div key={li} className="mrz-line">
            {runs.map((r, ri) => {
              const problem = r.mark >= 0 ? mrz.fieldErrors[r.mark] : undefined;
              return problem
                ? <mark key={ri} className="mrz-bad" data-testid="mrz-mark" data-field={problem.field} data-kind={problem.kind} data-n={r.mark + 1}>{r.text}</mark>
                : <span key={ri}>{r.text}</span>;
            })}
          </div>
        );
      })}
    </div>
  );
}
