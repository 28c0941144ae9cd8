// iCalendar output parsed with a real parser (ical.js): London times either side of the clock
// changes, stable UID, SEQUENCE, METHOD:CANCEL, escaping and folding.
import { strict as assert } from 'node:assert';
import ICAL from 'ical.js';
import fc from 'fast-check';
import { isMailbox } from '../../src/domain/people/person.js';
import { buildCalendar, foldLine, paramReadsAs, plainText, UNKNOWN_MAILBOX, uriValue, type IcsEvent, type IcsMethod } from '../../src/domain/calendar/ics.js';

const base: IcsEvent = {
  uid: 'event-123@virtual-cafe',
  sequence: 0,
  start: new Date('2026-03-29T09:00:00Z'), // 10:00 BST, the day the clocks go forward
  end: new Date('2026-03-29T10:30:00Z'),
  summary: 'CEF first steps; facilitation, part 1',
  description: 'Line one\nLine two, with a comma',
  location: 'Oakwood House, Maidstone',
  stamp: new Date('2026-03-01T12:00:00Z'),
  organizer: { name: 'Beth "BC" Carver', email: 'beth.carver@nhs.net' },
};

function parse(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  const tz = comp.getFirstSubcomponent('vtimezone')!;
  ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return comp;
}

describe('iCalendar documents', () => {
  it('parses, with London wall-clock times on the day the clocks go forward', () => {
    const comp = parse(buildCalendar([base], { method: 'REQUEST' }));
    assert.equal(comp.getFirstPropertyValue('method'), 'REQUEST');
    const ev = new ICAL.Event(comp.getFirstSubcomponent('vevent')!);
    assert.equal(ev.uid, 'event-123@virtual-cafe');
    assert.equal(ev.summary, 'CEF first steps; facilitation, part 1');
    assert.equal(ev.description, 'Line one\nLine two, with a comma');
    assert.equal(ev.startDate.toString(), '2026-03-29T10:00:00');
    assert.equal(ev.startDate.toJSDate().toISOString(), '2026-03-29T09:00:00.000Z');
    assert.equal(ev.endDate.toJSDate().toISOString(), '2026-03-29T10:30:00.000Z');
  });

  it('keeps the right instant on the day the clocks go back', () => {
    const e = { ...base, start: new Date('2026-10-25T10:00:00Z'), end: new Date('2026-10-25T11:00:00Z') };
    const ev = new ICAL.Event(parse(buildCalendar([e], { method: 'PUBLISH' })).getFirstSubcomponent('vevent')!);
    assert.equal(ev.startDate.toString(), '2026-10-25T10:00:00');
    assert.equal(ev.startDate.toJSDate().toISOString(), '2026-10-25T10:00:00.000Z');
  });

  it('cancels with METHOD:CANCEL, the same UID and a higher SEQUENCE', () => {
    const comp = parse(buildCalendar([{ ...base, sequence: 3 }], { method: 'CANCEL' }));
    assert.equal(comp.getFirstPropertyValue('method'), 'CANCEL');
    const vevent = comp.getFirstSubcomponent('vevent')!;
    assert.equal(vevent.getFirstPropertyValue('sequence'), 3);
    assert.equal(vevent.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal(vevent.getFirstPropertyValue('uid'), base.uid);
  });

  it('folds long lines at 75 octets without splitting characters, and uses CRLF', () => {
    const long = 'Café ☕ '.repeat(40);
    const text = buildCalendar([{ ...base, summary: long }], { method: 'PUBLISH', name: 'East Kent PLT' });
    for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, line);
    assert.ok(!/[^\r]\n/.test(text), 'only CRLF');
    const ev = new ICAL.Event(parse(text).getFirstSubcomponent('vevent')!);
    assert.equal(ev.summary, long);
    assert.equal(foldLine('x'.repeat(80)).split('\r\n ').map((l) => l.length).join(','), '75,5');
  });
});

// ---- injection: no control character reaches any value, whatever people type -------------------

// Every character any reader might split a line on (Python's splitlines() is the widest).
// eslint-disable-next-line no-control-regex
const ANY_BREAK = /\r\n|[\n\r\u000b\u000c\u001c-\u001e\u0085\u2028\u2029]/;
const hostile = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('\r', '\n', '\r\n', '\t', '\u0000', '\u0007', '\u000b', '\u001e', '\u007f', '\u0085', '\u009b', '\u2028', '\u2029', '\uD83D', '\uDE00x') },
      { weight: 3, arbitrary: fc.constantFrom('\\', ';', ',', ':', '"', '^', "^'", '^n', '\\n', 'END:VEVENT', 'BEGIN:VEVENT', 'ATTENDEE:mailto:x@evil.example', ' ', '☕', 'é', '𝄞') },
      { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));
const address = fc.oneof(fc.emailAddress(), hostile);
const person = fc.record({ name: hostile, email: address });
const icsEvent = fc.record({
  uid: hostile,
  sequence: fc.nat({ max: 1000 }),
  start: fc.oneof(
    fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-01-01T00:00:00Z'), noInvalidDate: true }),
    // Either side of, and inside, the hours the clocks change (01:00–02:00 happens twice in October).
    fc.integer({ min: -180, max: 180 }).map((m) => new Date(Date.parse('2027-10-31T01:00:00Z') + m * 60_000)),
    fc.integer({ min: -180, max: 180 }).map((m) => new Date(Date.parse('2027-03-28T01:00:00Z') + m * 60_000)),
  ),
  minutes: fc.integer({ min: 1, max: 600 }),
  summary: hostile,
  description: hostile,
  location: hostile,
  url: hostile,
  organizer: fc.option(person, { nil: undefined }),
  attendees: fc.array(person, { maxLength: 3 }),
  categories: fc.array(hostile, { minLength: 1, maxLength: 3 }),
});

// ical.js gives an x-property its raw value; the feed name is TEXT, as Outlook and Apple read it.
ICAL.design.icalendar.property['x-wr-calname'] = { defaultType: 'text' };

describe('iCalendar documents: no injection through any property', () => {
  it('a lone CR in a title cannot add events or attendees for readers that split on CR', () => {
    const title = 'x\rEND:VEVENT\rBEGIN:VEVENT\rUID:evil\rSUMMARY:Reset your password\rATTENDEE:mailto:everyone@evil.example\r';
    const text = buildCalendar([{ ...base, summary: title }], { method: 'PUBLISH', name: 'Hub\rX-EVIL:1' });
    const lines = text.split(ANY_BREAK);
    assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 1);
    assert.ok(!lines.some((l) => /^(ATTENDEE|UID:evil|X-EVIL)/.test(l)), 'no line starts with an injected property');
    assert.equal(new ICAL.Event(parse(text).getFirstSubcomponent('vevent')!).summary, title.replace(/\r/g, '\n'));
  });

  it('reads back exactly the events written, for every property and any text (property-based)', () => {
    fc.assert(
      fc.property(fc.array(icsEvent, { minLength: 1, maxLength: 4 }), hostile, fc.constantFrom<IcsMethod>('PUBLISH', 'REQUEST', 'CANCEL'), (written, calName, method) => {
        const input: IcsEvent[] = written.map((w) => ({ ...w, end: new Date(w.start.getTime() + w.minutes * 60_000), stamp: w.start }));
        const text = buildCalendar(input, { method, name: calName, refreshMinutes: 60 });

        // The physical lines: CRLF only, at most 75 octets, nothing any reader could take as another line.
        // eslint-disable-next-line no-control-regex
        assert.ok(!/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(text.replace(/\r\n/g, '')), 'no control character but CRLF');
        assert.equal(text.split(ANY_BREAK).length, text.split('\r\n').length, 'every line break is a CRLF we wrote');
        for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, line);
        const unfolded = text.replace(/\r\n /g, '').split('\r\n');
        assert.equal(unfolded.filter((l) => l === 'BEGIN:VEVENT').length, input.length);
        assert.equal(unfolded.filter((l) => l.startsWith('END:')).length, input.length + 4, 'END lines: events, 2 timezone parts, timezone, calendar');

        const comp = parse(text);
        assert.equal(comp.getFirstPropertyValue('method'), method);
        assert.equal(comp.getFirstPropertyValue('x-wr-calname') ?? '', plainText(calName));
        assert.equal(String(comp.getFirstPropertyValue('refresh-interval')), 'PT1H');
        const read = comp.getAllSubcomponents('vevent');
        assert.equal(read.length, input.length);
        read.forEach((v, i) => {
          const e = input[i];
          const ev = new ICAL.Event(v);
          assert.equal(ev.uid, plainText(e.uid));
          assert.equal(ev.sequence, e.sequence);
          assert.equal(ev.startDate.toJSDate().getTime(), Math.floor(e.start.getTime() / 1000) * 1000);
          assert.equal(ev.endDate.toJSDate().getTime(), Math.floor(e.end.getTime() / 1000) * 1000);
          assert.equal(ev.summary, plainText(e.summary));
          assert.equal(v.getFirstPropertyValue('description') ?? '', plainText(e.description ?? ''));
          assert.equal(v.getFirstPropertyValue('location') ?? '', plainText(e.location ?? ''));
          assert.equal(v.getFirstPropertyValue('url') ?? '', uriValue(e.url ?? ''));
          assert.deepEqual(v.getAllProperties('categories').flatMap((c) => c.getValues()), e.categories!.map(plainText));
          const who = (p: ICAL.Property | null) => p && { name: String(p.getParameter('cn') ?? ''), email: String(p.getFirstValue()).replace(/^mailto:/, '') };
          const expected = (p: { name: string; email: string }) => ({ name: paramReadsAs(p.name).trim(), email: isMailbox(p.email) ? p.email : UNKNOWN_MAILBOX });
          assert.deepEqual(who(v.getFirstProperty('organizer')), e.organizer ? expected(e.organizer) : null);
          assert.deepEqual(v.getAllProperties('attendee').map(who), e.attendees!.map(expected));
          assert.equal(v.getFirstPropertyValue('status'), method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED');
        });
      }),
      { numRuns: 300 },
    );
  });
});
