// iCalendar output parsed with a real parser (ical.js): London times either side of the clock
// changes, stable UID, SEQUENCE, METHOD:CANCEL, escaping and folding.
import { strict as assert } from 'node:assert';
import ICAL from 'ical.js';
import { buildCalendar, foldLine, type IcsEvent } from '../../src/domain/calendar/ics.js';

const base: IcsEvent = {
  uid: 'event-123@virtual-cafe',
  sequence: 0,
  start: new Date('2026-03-29T09:00:00Z'), // 10:00 BST, the day the clocks go forward
  end: new Date('2026-03-29T10:30:00Z'),
  summary: 'CEF first steps; facilitation, part 1',
  description: 'Line one\nLine two, with a comma',
  location: 'Oakwood House, Maidstone',
  stamp: new Date('2026-03-01T12:00:00Z'),
  organizer: { name: 'Beth "BC" Carver' },
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
