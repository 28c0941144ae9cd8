// CPD records per regulator: who answers to which, each regulator's periods and targets at their
// edges (London days, across the clock changes and a leap day), planned learning, certificate ids.
import { strict as assert } from 'node:assert';
import { buildCpdRecord, isPlanned, type AttendedEvent } from '../../src/domain/cpd/record.js';
import { methodFor, regulatorFor, parseRegulator } from '../../src/domain/cpd/regulators.js';
import { certificateIdFrom, readCertificateId, CERTIFICATE_ID } from '../../src/domain/cpd/certificate.js';
import { toLondonIso } from '../../src/domain/time/london.js';
import type { Category } from '../../src/domain/events/event.js';

let n = 0;
/** An attended event starting at `start` (ISO), lasting `hours`, of `category`. */
function attended(start: string, hours: number, category: Category = 'plt', more: Partial<AttendedEvent> = {}): AttendedEvent {
  const s = new Date(start);
  return {
    eventId: `e${++n}`,
    title: `Event ${n}`,
    category,
    start: s,
    end: new Date(s.getTime() + hours * 3_600_000),
    organiserName: 'Olu Organiser',
    participatory: category !== 'webinar' && category !== 'other',
    certificateId: `VC-${String(n).padStart(6, '0')}-AAAAAA-AAAAAA-AAAAAA`,
    ...more,
  };
}

describe('CPD record per regulator', () => {
  it('picks the regulator from the profession: nurses NMC, pharmacy GPhC, paramedics and physios HCPC, else NMC', () => {
    assert.equal(regulatorFor('practice-nurse'), 'nmc');
    assert.equal(regulatorFor('advanced-nurse-practitioner'), 'nmc');
    assert.equal(regulatorFor('nurse-associate'), 'nmc');
    assert.equal(regulatorFor('clinical-pharmacist'), 'gphc');
    assert.equal(regulatorFor('pharmacy-technician'), 'gphc');
    assert.equal(regulatorFor('paramedic'), 'hcpc');
    assert.equal(regulatorFor('physiotherapist'), 'hcpc');
    for (const p of ['hca', 'gp', 'social-prescriber', 'other'] as const) assert.equal(regulatorFor(p), 'nmc');
    assert.equal(regulatorFor(null), 'nmc');
    assert.equal(parseRegulator(' GPhC '), 'gphc');
    assert.equal(parseRegulator('gmc'), null);
  });

  it('NMC: three-year periods ending on the chosen London day, 35 hours with 20 participatory', () => {
    // Periods to 15 Jan 2027: 16 Jan 2024 00:00 GMT – 15 Jan 2027 23:59:59.999 GMT.
    const justIn = attended('2024-01-16T00:00:00Z', 20, 'plt'); // midnight London = midnight UTC in winter
    const justOut = attended('2024-01-15T23:59:00Z', 7, 'plt');
    const lastMinute = attended('2027-01-15T23:59:00Z', 10, 'webinar');
    const tooLate = attended('2027-01-16T00:00:00Z', 3, 'plt');
    const more = attended('2025-06-01T09:00:00Z', 5, 'cop-session');
    const r = buildCpdRecord('nmc', [justIn, justOut, lastMinute, tooLate, more], new Date('2027-01-15T12:00:00Z'));
    const [p, before] = r.periods;
    assert.equal(toLondonIso(p.from), '2024-01-16T00:00:00+00:00');
    assert.equal(p.to.toISOString(), '2027-01-15T23:59:59.999Z');
    assert.deepEqual([p.totalHours, p.participatoryHours, p.entries], [35, 25, 3], 'the first minute and the last minute count; the minute before and the day after do not');
    assert.deepEqual(p.target, { totalHours: 35, participatoryHours: 20 });
    assert.equal(p.met, true);
    assert.equal(before.totalHours, 7);
    assert.equal(before.met, false);
    assert.equal(toLondonIso(before.to).slice(0, 10), '2024-01-15');
    // One participatory hour short is not met.
    const short = buildCpdRecord('nmc', [attended('2026-01-01T09:00:00Z', 19, 'plt'), attended('2026-02-01T09:00:00Z', 16, 'webinar')], new Date('2027-01-15T12:00:00Z'));
    assert.deepEqual([short.periods[0].totalHours, short.periods[0].participatoryHours, short.periods[0].met], [35, 19, false]);
    assert.equal(r.entries[0].eventId, tooLate.eventId, 'most recent first');
    assert.equal(r.entries.find((e) => e.eventId === lastMinute.eventId)?.method, 'Online learning: live webinar');
  });

  it('NMC period edges in summer time are London midnights (BST), not UTC ones', () => {
    // To 30 June 2027 (BST): from 1 July 2024 00:00 BST = 30 June 2024 23:00 UTC.
    const bstMidnight = attended('2024-06-30T23:00:00Z', 2);
    const hourBefore = attended('2024-06-30T22:59:00Z', 3);
    const lastBst = attended('2027-06-30T22:59:00Z', 4); // 23:59 BST on the last day
    const afterLast = attended('2027-06-30T23:00:00Z', 5); // 00:00 BST next day
    const r = buildCpdRecord('nmc', [bstMidnight, hourBefore, lastBst, afterLast], new Date('2027-06-30T10:00:00Z'));
    assert.equal(toLondonIso(r.periods[0].from), '2024-07-01T00:00:00+01:00');
    assert.equal(toLondonIso(r.periods[0].to), '2027-06-30T23:59:59.999+01:00');
    assert.equal(r.periods[0].totalHours, 6);
  });

  it('GPhC: yearly periods, met with four entries of which two planned; a year ending on the spring clock change', () => {
    // A year to 28 Mar 2027 (the clocks go forward that morning, as on 29 Mar 2026): 29 Mar 2026 00:00 GMT – 28 Mar 2027 23:59:59.999 BST.
    const start = new Date('2027-03-28T12:00:00Z');
    const entries = [
      attended('2026-03-29T00:00:00Z', 1, 'plt', { signedUpAt: new Date('2026-03-01T09:00:00Z') }), // first minute, planned
      attended('2026-03-28T23:59:00Z', 1, 'plt', { signedUpAt: new Date('2026-03-01T09:00:00Z') }), // the year before
      attended('2026-09-10T13:00:00Z', 2, 'webinar', { signedUpAt: new Date('2026-09-09T09:00:00Z') }), // unplanned
      attended('2026-12-01T13:00:00Z', 2, 'cop-session'), // walk-in: unplanned
      attended('2027-03-28T22:59:00Z', 1, 'plt', { signedUpAt: new Date('2027-03-01T09:00:00Z') }), // 23:59 BST on the last day, planned
    ];
    const r = buildCpdRecord('gphc', entries, start);
    const [p, before] = r.periods;
    assert.equal(toLondonIso(p.from), '2026-03-29T00:00:00+00:00', 'the clocks went forward at 01:00 that day');
    assert.equal(toLondonIso(p.to), '2027-03-28T23:59:59.999+01:00');
    assert.deepEqual([p.entries, p.plannedEntries], [4, 2]);
    assert.deepEqual(p.target, { entries: 4, plannedEntries: 2 });
    assert.equal(p.met, true);
    assert.deepEqual([before.entries, before.plannedEntries, before.met], [1, 1, false]);
    // Three entries, or four with one planned, fall short.
    assert.equal(buildCpdRecord('gphc', entries.slice(2), start).periods[0].met, false);
    const onePlanned = [entries[0], entries[2], entries[3], attended('2026-10-01T09:00:00Z', 1)];
    assert.equal(buildCpdRecord('gphc', onePlanned, start).periods[0].met, false);
  });

  it('HCPC: the last two years, met with at least two kinds of activity', () => {
    const end = new Date('2027-10-31T12:00:00Z'); // the day the clocks go back
    const formal = attended('2025-11-01T00:00:00Z', 3, 'plt'); // first minute (GMT)
    const formalToo = attended('2026-05-01T09:00:00Z', 1, 'webinar');
    const workBased = attended('2025-10-31T23:59:00Z', 2, 'cop-session'); // a minute before: the period before
    const r = buildCpdRecord('hcpc', [formal, formalToo, workBased], end);
    const [p] = r.periods;
    assert.equal(toLondonIso(p.from), '2025-11-01T00:00:00+00:00');
    assert.equal(toLondonIso(p.to), '2027-10-31T23:59:59.999+00:00');
    assert.deepEqual(p.target, { kinds: 2 });
    assert.deepEqual([p.entries, p.met], [2, false], 'PLT and a webinar are both formal and educational');
    assert.equal(methodFor('hcpc', 'cop-session'), 'Work-based learning');
    const mixed = buildCpdRecord('hcpc', [formal, formalToo, attended('2027-10-31T23:59:00Z', 1, 'cop-session')], end);
    assert.deepEqual([mixed.periods[0].entries, mixed.periods[0].met], [3, true]);
    assert.deepEqual(mixed.periods[0].kinds, ['Formal and educational', 'Work-based learning']);
  });

  it('counts a leap day back to 1 March, and stops when the periods cover every entry', () => {
    const r = buildCpdRecord('nmc', [attended('2019-05-01T09:00:00Z', 1)], new Date('2028-02-29T12:00:00Z'));
    assert.equal(toLondonIso(r.periods[0].from).slice(0, 10), '2025-03-01');
    assert.equal(r.periods.length, 3);
    assert.equal(r.periods[2].entries, 1);
    assert.equal(buildCpdRecord('nmc', [], new Date('2027-01-15T12:00:00Z')).periods.length, 1);
  });

  it('planned means signed up 7 or more days ahead, a week on the London clock (across the clock change too)', () => {
    // Event 10:00 BST Wed 31 Mar 2027; a week before is 10:00 GMT Wed 24 Mar = 10:00 UTC.
    const start = new Date('2027-03-31T09:00:00Z');
    assert.equal(isPlanned(new Date('2027-03-24T10:00:00Z'), start), true, 'exactly a week');
    assert.equal(isPlanned(new Date('2027-03-24T10:00:01Z'), start), false, 'a second less');
    assert.equal(isPlanned(new Date('2027-03-24T09:30:00Z'), start), true);
    assert.equal(isPlanned(undefined, start), false, 'walk-ins did not plan');
  });

  it('makes unguessable certificate ids of 120 bits and reads them back forgivingly', () => {
    const id = certificateIdFrom(new Uint8Array(15).fill(255));
    assert.equal(id, 'VC-ZZZZZZ-ZZZZZZ-ZZZZZZ-ZZZZZZ');
    assert.match(certificateIdFrom(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15])), CERTIFICATE_ID);
    assert.equal(readCertificateId(' vc-zzzzzz-zzzzzz-zzzzzz-zzzzzz '), id);
    assert.equal(readCertificateId('VC-ZZZZZZ-ZZZZZZ-ZZZZZZ'), null);
    assert.equal(readCertificateId('VC-IIIIII-ZZZZZZ-ZZZZZZ-ZZZZZZ'), null, 'I is not in the alphabet');
    assert.throws(() => certificateIdFrom(new Uint8Array(8)));
  });
});
