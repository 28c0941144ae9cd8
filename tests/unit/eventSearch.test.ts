// The message extension's event search words: date phrases (London weeks and months, month names
// rolling into next year), hub names, ignored filler words, and what an event is matched on.
import { strict as assert } from 'node:assert';
import { matchesSearch, parseEventSearch, type SearchableEvent } from '../../src/domain/events/search.js';

// Friday 15 January 2027, 10:00 London.
const now = new Date('2027-01-15T10:00:00Z');
const iso = (d: Date) => d.toISOString();

describe('event search words', () => {
  it('reads "diabetes west kent next month" as a word, a hub and February', () => {
    const s = parseEventSearch('diabetes west kent next month', now)!;
    assert.deepEqual(s.words, ['diabetes']);
    assert.equal(s.hub, 'west-kent');
    assert.equal(iso(s.from), '2027-02-01T00:00:00.000Z');
    assert.equal(iso(s.to), '2027-03-01T00:00:00.000Z');
    assert.match(s.label, /next month/);
  });

  it('runs weeks Monday to Sunday, London time, across the clock change', () => {
    const thisWeek = parseEventSearch('this week', now)!;
    assert.equal(iso(thisWeek.from), iso(now));
    assert.equal(iso(thisWeek.to), '2027-01-18T00:00:00.000Z');
    const summer = parseEventSearch('next week', new Date('2027-03-24T12:00:00Z'))!;
    // The week of 29 March starts at midnight BST (23:00 UTC the day before).
    assert.equal(iso(summer.from), '2027-03-28T23:00:00.000Z');
    assert.equal(iso(summer.to), '2027-04-04T23:00:00.000Z');
  });

  it('takes a month name as the next such month: this one from now, a past one next year, a year when given', () => {
    assert.equal(iso(parseEventSearch('january', now)!.from), iso(now));
    assert.equal(iso(parseEventSearch('Mar', now)!.from), '2027-03-01T00:00:00.000Z');
    const june = parseEventSearch('june', new Date('2027-08-01T10:00:00Z'))!;
    assert.equal(iso(june.from), '2028-05-31T23:00:00.000Z');
    assert.equal(iso(parseEventSearch('september 2028', now)!.from), '2028-08-31T23:00:00.000Z');
    assert.deepEqual(parseEventSearch('marketing', now)!.words, ['marketing'], 'not March');
  });

  it('drops filler words, reads Kent & Medway, and defaults to the next 90 days', () => {
    const s = parseEventSearch('Find events for pharmacists in Kent & Medway', now)!;
    assert.deepEqual(s.words, ['pharmacists']);
    assert.equal(s.hub, 'kent-medway');
    const empty = parseEventSearch('', now)!;
    assert.deepEqual(empty.words, []);
    assert.equal(Math.round((empty.to.getTime() - now.getTime()) / 86_400_000), 90);
  });

  it('refuses more than 200 characters', () => {
    assert.equal(parseEventSearch('x'.repeat(201), now), null);
  });

  it('matches every word against title, category, hub, professions, channel, location and organiser', () => {
    const e: SearchableEvent = {
      title: 'Foot checks',
      description: 'Annual review',
      category: 'webinar',
      hub: 'kent-medway',
      professions: ['practice-nurse'],
      channelId: 'c1',
      location: 'Maidstone',
      organiserName: 'Olu Ade',
      status: 'scheduled',
    };
    const names = new Map([['c1', 'Diabetes Care']]);
    const m = (q: string) => matchesSearch(e, parseEventSearch(q, now)!, names);
    for (const q of ['foot', 'annual', 'webinar', 'nurse', 'diabetes', 'maidstone', 'olu', 'west kent foot']) assert.ok(m(q), q);
    assert.ok(!m('foot asthma'), 'every word must match');
    assert.ok(!matchesSearch({ ...e, hub: 'east-kent' }, parseEventSearch('west kent', now)!, names), 'another hub');
    assert.ok(!matchesSearch({ ...e, status: 'cancelled' }, parseEventSearch('foot', now)!, names), 'never cancelled');
  });
});
