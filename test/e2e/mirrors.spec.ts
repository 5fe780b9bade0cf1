// The renderer may import only types from electron/, so a few lists and rules are written
// twice. These checks (plain Node, no browser) fail when the two copies drift apart.
import { test, expect } from '@playwright/test';
import { PASSPORT_TYPES, PRIORITY_FLAGS, ROLES, SERVICES, STATUSES } from '../../electron/contract';
import { nextSteps as stationSteps } from '../../electron/domain/appointment-status';
import { checkNik } from '../../electron/domain/nik';
import { NEW_SERVICE, PASSPORT_TYPES as R_PASSPORT_TYPES, PRIORITY_FLAGS as R_FLAGS, REPLACEMENT_SERVICES } from '../../renderer/lib/catalog';
import { nikProblem } from '../../renderer/lib/nik';
import { ROLES as R_ROLES } from '../../renderer/lib/roles';
import { nextSteps, STATUSES as R_STATUSES } from '../../renderer/lib/statuses';

test('the renderer lists the same statuses, roles, services, passport types and flags', () => {
  expect([...R_STATUSES]).toEqual([...STATUSES]);
  expect([...R_ROLES]).toEqual([...ROLES]);
  expect([NEW_SERVICE, ...REPLACEMENT_SERVICES]).toEqual([...SERVICES]);
  expect([...R_PASSPORT_TYPES]).toEqual([...PASSPORT_TYPES]);
  expect([...R_FLAGS]).toEqual([...PRIORITY_FLAGS]);
});

test('the queue offers exactly the status steps the station accepts through queue.setStatus', () => {
  // queue.setStatus is open to counter officers and supervisors only (contract access list).
  const maySetStatus = (roles: readonly string[]) => roles.includes('counter') || roles.includes('supervisor');
  const roleSets = [[], ...ROLES.map((r) => [r]), ['counter', 'supervisor'], ['print', 'supervisor'], ['counter', 'print']] as (typeof ROLES[number])[][];
  for (const from of STATUSES) {
    for (const roles of roleSets) {
      const offered = nextSteps(from, roles).map((s) => s.to).sort();
      const accepted = maySetStatus(roles) ? stationSteps(from, roles).sort() : [];
      expect(offered, `${from} as ${roles.join('+') || 'nobody'}`).toEqual(accepted);
    }
  }
});

test('the walk-in form judges NIK, birth date and sex as the station does', () => {
  const cases: [string, string, 'M' | 'F'][] = [
    ['3171011203850001', '1985-03-12', 'M'],
    ['3171011203850001', '1986-03-12', 'M'],
    ['3171011203850001', '1985-03-12', 'F'],
    ['3273016507900002', '1990-07-25', 'F'],
    ['3273016507900002', '1990-07-25', 'M'],
    ['3273016507900002', '1990-07-26', 'M'],
    ['3171054101010004', '2001-01-01', 'F'],
    ['3201011706500001', '1950-06-17', 'M'],
  ];
  for (const [nik, birthDate, sex] of cases) {
    // The station also checks the region code, which the screen leaves to it.
    const station = checkNik(nik, birthDate, sex);
    const screen = nikProblem(nik, birthDate, sex);
    expect(screen, `${nik} ${birthDate} ${sex}`).toBe(station === 'nik_region' || station === 'nik_format' ? null : station);
  }
});
