// Where the officer is in this tab — screen, applicant, enrolment step — kept in this tab's
// sessionStorage (beside its credential), so a reload of the browser host comes back to the
// same applicant and step. Only ids: no name or number of the applicant is kept here. The
// route belongs to one officer: another officer logging in on this tab starts from the queue.
const KEY = 'loket.route';

export interface Route {
  officerId: string;
  screen: string;
  enrolmentId: string | null;
  step: string | null;
}

export function readRoute(officerId: string): Route | null {
  try {
    const r = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Route | null;
    return r && r.officerId === officerId ? r : null;
  } catch {
    return null;
  }
}

export function saveRoute(route: Route): void {
  try { sessionStorage.setItem(KEY, JSON.stringify(route)); } catch { /* storage full or off: a reload starts at the queue */ }
}

export function clearRoute(): void {
  try { sessionStorage.removeItem(KEY); } catch { /* nothing kept */ }
}
