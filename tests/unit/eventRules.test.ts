// Pure event rules: reading "events …", CSV in and out (formula-safe), the CPD record's NMC
// periods, and event fields across the clock changes and in series.
import { strict as assert } from 'node:assert';
import { matchesCriteria, parseEventQuery, professionPlural, timeRange } from '../../src/domain/events/query.js';
import type { PltEvent } from '../../src/domain/events/event.js';
import { csvCell, parseCsv, toCsv } from '../../src/domain/events/csv.js';
import { readEventFields, readRepeat, seriesOccurrences } from '../../src/domain/events/input.js';
import { toLondonIso } from '../../src/domain/time/london.js';
import { AppError } from '../../src/domain/errors.js';

const now = new Date('2027-03-24T10:00:00Z'); // a Wednesday, days before the clocks go forward
const channels = [
  { id: 'practice-nursing', name: 'Practice Nursing', shortName: 'practice-nurses' },
  { id: 'wellbeing', name: 'Wellbeing Café', shortName: 'wellbeing' },
];

describe('event rules', () => {
  it('reads "events …": weeks run Monday to Sunday in London, and a hub, profession or channel', () => {
    const next = timeRange('next week', now);
    assert.equal(toLondonIso(next.from), '2027-03-29T00:00:00+01:00');
    assert.equal(toLondonIso(next.to), '2027-04-05T00:00:00+01:00');
    assert.equal(toLondonIso(timeRange('this week', now).to), '2027-03-29T00:00:00+01:00');
    assert.equal(toLondonIso(timeRange('this month', now).to), '2027-04-01T00:00:00+01:00');
    assert.equal(parseEventQuery('east', now, channels).hub, 'east-kent');
    assert.equal(parseEventQuery('Medway', now, channels).hub, 'north-kent');
    assert.equal(parseEventQuery('paramedics', now, channels).profession, 'paramedic');
    assert.equal(parseEventQuery('practice nurses', now, channels).profession, 'practice-nurse');
    assert.equal(parseEventQuery('webinar', now, channels).category, 'webinar');
    assert.equal(parseEventQuery('wellbeing', now, channels).channelId, 'wellbeing');
    const both = parseEventQuery('next week west kent', now, channels);
    assert.deepEqual([both.hub, toLondonIso(both.from)], ['west-kent', '2027-03-29T00:00:00+01:00']);
    assert.equal(parseEventQuery('knitting', now, channels).unknown, 'knitting');
    assert.equal(parseEventQuery('', now, channels).label, 'the next 90 days');
  });

  it('filters events in one place: a profession keeps events open to everyone; hubs one or several; words', () => {
    const base = { id: 'e1', title: 'Diabetes foot checks', description: 'Hands-on session', category: 'plt', hub: 'west-kent', professions: ['hca'], location: 'Maidstone', organiserName: 'Zoë Ng', status: 'scheduled' } as unknown as PltEvent;
    const open = { ...base, professions: [] } as PltEvent;
    assert.equal(matchesCriteria(base, { profession: 'hca' }), true);
    assert.equal(matchesCriteria(base, { profession: 'paramedic' }), false);
    assert.equal(matchesCriteria(open, { profession: 'paramedic' }), true, 'no professions = open to everyone');
    assert.equal(matchesCriteria(base, { hub: 'west-kent' }), true);
    assert.equal(matchesCriteria(base, { hub: 'kent-medway' }), false, 'one hub is exactly that hub');
    assert.equal(matchesCriteria(base, { hub: ['east-kent', 'kent-medway'] }), false);
    assert.equal(matchesCriteria(base, { hub: ['west-kent', 'kent-medway'] }), true);
    assert.equal(matchesCriteria(base, { text: 'diab FOOT' }), true);
    assert.equal(matchesCriteria(base, { text: 'zoe' }), true, 'accents ignored');
    assert.equal(matchesCriteria(base, { text: 'asthma' }), false);
    assert.equal(matchesCriteria(base, { text: 'iabetes' }), false, 'words match from their start');
    assert.equal(matchesCriteria({ ...base, status: 'cancelled' } as PltEvent, { status: 'scheduled' }), false);
    assert.equal(professionPlural('hca'), 'healthcare assistants (HCA)');
    assert.equal(professionPlural('gp'), 'GPs');
    assert.equal(professionPlural('practice-nurse'), 'practice nurses');
    assert.equal(parseEventQuery('hca', now, channels).label, 'for healthcare assistants (HCA), and events open to everyone');
  });

  it('writes CSV that spreadsheets cannot run as formulas, and reads quoted CSV back', () => {
    assert.equal(csvCell('=SUM(A1)'), "'=SUM(A1)");
    assert.equal(csvCell('+44 1234'), "'+44 1234");
    assert.equal(csvCell('-2'), "'-2");
    assert.equal(csvCell('@cmd'), "'@cmd");
    assert.equal(csvCell('\t=1'), "'\t=1");
    assert.equal(csvCell('a, "b"'), '"a, ""b"""');
    assert.equal(csvCell('plain'), 'plain');
    const csv = toCsv(['A', 'B'], [['=x', 'line\nbreak']]);
    const parsed = parseCsv(csv);
    assert.deepEqual(parsed.rows.map((r) => r.cells), [['A', 'B'], ["'=x", 'line\nbreak']]);
    const text = 'title,location\r\n"Asthma, COPD","Room ""A"""\n\nNext,"multi\nline"\n';
    assert.deepEqual(parseCsv(text).rows.map((r) => [r.line, ...r.cells]), [[1, 'title', 'location'], [2, 'Asthma, COPD', 'Room "A"'], [4, 'Next', 'multi\nline']]);
    assert.equal(parseCsv('a,"b\nc').error?.line, 1);
    // At most maxRows records: the last one counts too, with or without a final newline; blank lines don't.
    for (const end of ['', '\n', '\r\n\r\n']) {
      assert.equal(parseCsv('h\n1\n2' + end, 3).error, undefined);
      assert.deepEqual(parseCsv('h\n1\n\n2\n3' + end, 3).error, { line: 5, message: 'At most 3 records can be read at once.', tooMany: true });
    }
  });

  it('reads London times on both sides of the clock changes, and refuses a bad window', () => {
    const base = { title: 'Spring', category: 'plt', hub: 'east-kent', location: 'Canterbury', capacity: 5 };
    const f = readEventFields({ ...base, date: '2027-03-28', startTime: '10:00', endTime: '11:00' }, now);
    assert.equal(f.start.toISOString(), '2027-03-28T09:00:00.000Z');
    const autumn = readEventFields({ ...base, start: '2027-10-31T10:00', end: '2027-10-31T11:00' }, now);
    assert.equal(autumn.start.toISOString(), '2027-10-31T10:00:00.000Z');
    const withOffset = readEventFields({ ...base, start: '2027-06-01T10:00:00+01:00', end: '2027-06-01T11:00:00Z' }, now);
    assert.equal(withOffset.end.getTime() - withOffset.start.getTime(), 7_200_000);
    assert.throws(() => readEventFields({ ...base, start: '2027-06-01T10:00', end: '2027-06-01T11:00', signupOpens: '2027-05-01T09:00', signupCloses: '2027-04-01T09:00' }, now), (e: AppError) => /open before it closes/.test(e.message));
    assert.throws(() => readEventFields({ ...base, start: '2027-06-01T10:00', end: '2027-06-09T11:00' }, now), (e: AppError) => /at most 7 days/.test(e.message));
    assert.throws(() => readEventFields({ ...base, start: '2030-06-01T10:00', end: '2030-06-01T11:00' }, now), (e: AppError) => /two years/.test(e.message));
  });

  it('repeats weekly at the same London time, and monthly on the same weekday of the month', () => {
    const f = readEventFields({ title: 'Series', category: 'plt', hub: 'east-kent', location: 'X', start: '2027-03-09T12:30', end: '2027-03-09T13:30' }, new Date('2027-03-01T00:00:00Z'));
    const monthly = seriesOccurrences(f, readRepeat({ repeat: 'monthly', repeatCount: 4 })!);
    assert.deepEqual(monthly.map((o) => toLondonIso(o.start)), ['2027-03-09T12:30:00+00:00', '2027-04-13T12:30:00+01:00', '2027-05-11T12:30:00+01:00', '2027-06-08T12:30:00+01:00'], 'second Tuesdays');
    const weekly = seriesOccurrences(f, readRepeat({ repeat: 'weekly', repeatCount: 3 })!);
    assert.deepEqual(weekly.map((o) => toLondonIso(o.start)), ['2027-03-09T12:30:00+00:00', '2027-03-16T12:30:00+00:00', '2027-03-23T12:30:00+00:00']);
    const fifth = readEventFields({ title: 'Fifth', category: 'plt', hub: 'east-kent', location: 'X', start: '2027-03-31T12:30', end: '2027-03-31T13:30' }, new Date('2027-03-01T00:00:00Z'));
    assert.equal(toLondonIso(seriesOccurrences(fifth, { every: 'month', count: 2 })[1].start), '2027-04-28T12:30:00+01:00', 'no fifth Wednesday in April: the last one');
  });
});
