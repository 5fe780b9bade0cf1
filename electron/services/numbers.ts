// The day in numbers for the supervisor and the head of office: the store's counts and
// steps turned into the figures the screen shows, and the same figures as CSV. Durations
// are computed here from the few hundred rows of one day; everything that scans history
// stays in SQL (store/numbers-query.ts).
import Papa from 'papaparse';
import type { DayNumbers, DurationFigures } from '../contract-types';
import { median, percentile } from '../../domain/percentile';
import type { Store } from '../store/store';

/** The counter's working hours the backlog chart always spans; events outside widen it. */
const OPEN_HOUR = 7;
const CLOSE_HOUR = 17;

const minutesBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 60_000;
const round1 = (n: number | null): number | null => (n === null ? null : Math.round(n * 10) / 10);

function durations(values: number[]): DurationFigures {
  return { median: round1(median(values)), p90: round1(percentile(values, 90)), count: values.length };
}

/** The station's local midnight of `day`, as the instant stored times compare with. */
function localMidnight(day: string, addDays = 0): Date {
  const d = new Date(`${day}T00:00:00`);
  d.setDate(d.getDate() + addDays);
  return d;
}

export class NumbersService {
  constructor(private readonly store: Store, private readonly now: () => Date) {}

  day(day: string): DayNumbers {
    const q = this.store.numbers;
    const start = localMidnight(day);
    const end = localMidnight(day, 1);
    const [from, to] = [start.toISOString(), end.toISOString()];
    const counts = q.counts(day);
    const subs = q.submissions(from, to);

    const served = new Map<string, { service: string; passportType: string; count: number }>();
    const perOfficer = new Map<string, number>();
    for (const s of subs) {
      const k = `${s.service}/${s.passportType}`;
      served.set(k, { service: s.service, passportType: s.passportType, count: (served.get(k)?.count ?? 0) + 1 });
      const who = s.officerName ?? '-';
      perOfficer.set(who, (perOfficer.get(who) ?? 0) + 1);
    }

    return {
      day,
      booked: counts.booked,
      checkedIn: counts.checkedIn,
      notArrived: counts.notArrived,
      cancelled: counts.cancelled,
      walkIns: counts.walkIns,
      priority: counts.priority,
      served: [...served.values()].sort((a, b) => a.service.localeCompare(b.service) || a.passportType.localeCompare(b.passportType)),
      servedTotal: subs.length,
      enrolmentMinutes: durations(subs.filter((s) => s.openedAt).map((s) => minutesBetween(s.openedAt!, s.submittedAt))),
      checkInToSubmitMinutes: durations(subs.filter((s) => s.checkedInAt).map((s) => minutesBetween(s.checkedInAt!, s.submittedAt))),
      fingers: q.fingers(from, to),
      returns: q.returns(from, to),
      backlog: this.backlog(start, end, from, to),
      perOfficer: [...perOfficer].map(([officerName, count]) => ({ officerName, count })).sort((a, b) => b.count - a.count),
    };
  }

  /** Waiting enrolments at the end of each local hour of the day (up to now, for today). */
  private backlog(start: Date, end: Date, from: string, to: string): DayNumbers['backlog'] {
    const steps = this.store.numbers.backlogSteps(from, to);
    let waiting = this.store.numbers.waitingAt(from);
    const firstHour = Math.min(OPEN_HOUR, ...steps.map((s) => new Date(s.at).getHours()));
    const lastHour = Math.max(CLOSE_HOUR, ...steps.map((s) => new Date(s.at).getHours() + 1));
    const now = this.now();
    const out: DayNumbers['backlog'] = [];
    let i = 0;
    for (let h = 0; h <= lastHour; h++) {
      const hourEnd = new Date(start);
      hourEnd.setHours(h + 1);
      if (hourEnd > end) break;
      while (i < steps.length && Date.parse(steps[i]!.at) < hourEnd.getTime()) waiting += steps[i++]!.delta;
      if (h < firstHour) continue;
      if (hourEnd.getTime() - 3_600_000 > now.getTime()) break;
      out.push({ hour: `${String(h).padStart(2, '0')}:00`, waiting });
    }
    return out;
  }

  /** The same figures as one CSV table (figure, key, value), for a spreadsheet. */
  csv(day: string): { fileName: string; csv: string } {
    const n = this.day(day);
    const rows: (string | number | null)[][] = [
      ['booked', '', n.booked], ['checked_in', '', n.checkedIn], ['not_arrived', '', n.notArrived],
      ['cancelled', '', n.cancelled], ['walk_ins', '', n.walkIns], ['priority', '', n.priority], ['served', '', n.servedTotal],
      ...n.served.map((s) => ['served', `${s.service}/${s.passportType}`, s.count]),
      ['enrolment_minutes', 'median', n.enrolmentMinutes.median], ['enrolment_minutes', 'p90', n.enrolmentMinutes.p90],
      ['check_in_to_submit_minutes', 'median', n.checkInToSubmitMinutes.median], ['check_in_to_submit_minutes', 'p90', n.checkInToSubmitMinutes.p90],
      ...n.fingers.flatMap((f) => [['finger_retries', f.finger, f.retries], ['finger_exceptions', f.finger, f.exceptions]]),
      ...n.returns.map((r) => ['returns', r.reason, r.count]),
      ...n.backlog.map((b) => ['waiting_for_approval', b.hour, b.waiting]),
      ...n.perOfficer.map((o) => ['submitted_by', o.officerName, o.count]),
    ];
    return { fileName: `angka-${day}.csv`, csv: Papa.unparse({ fields: ['figure', 'key', 'value'], data: rows.map((r) => r.map((v) => v ?? '')) }) };
  }
}
