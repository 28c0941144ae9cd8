// Event cards parse cleanly in every state, carry only handled verbs, and never let
// person-supplied text become a template expression.
import { strict as assert } from 'node:assert';
import { cardProblems } from '../helpers/cards.js';
import { checkCard } from '../helpers/rootHooks.js';
import { cardVerbs } from '../helpers/botClient.js';
import { eventCard, eventListCard } from '../../src/cards/events/event.js';
import { eventFormCard } from '../../src/cards/events/form.js';
import { rosterCard, importCard } from '../../src/cards/events/organiser.js';
import { myEventsCard, calendarFeedCard } from '../../src/cards/events/mine.js';
import { eventView, type EventView } from '../../src/contracts/events.js';
import { buildCpdRecord } from '../../src/domain/cpd/record.js';
import type { PltEvent, SeatState } from '../../src/domain/events/event.js';
import { NO_MEETING } from '../../src/domain/events/meeting.js';

const now = new Date('2027-01-15T10:00:00Z');
const base: PltEvent = {
  id: 'e1',
  title: 'Asthma ${title} update',
  description: 'Bring ${x} questions',
  category: 'plt',
  hub: 'east-kent',
  professions: ['practice-nurse'],
  start: new Date('2027-02-10T13:30:00Z'),
  end: new Date('2027-02-10T16:30:00Z'),
  location: 'Canterbury',
  capacity: 2,
  organiserId: 'o',
  organiserName: 'Olu',
  status: 'scheduled',
  sequence: 0,
  teamsMeeting: false,
  meeting: NO_MEETING,
  createdAt: now,
  updatedAt: now,
};

function view(state: SeatState): EventView {
  const e: PltEvent = state === 'cancelled' ? { ...base, status: 'cancelled' } : state === 'closed' ? { ...base, signupCloses: new Date('2027-01-01T00:00:00Z') } : state === 'not-open-yet' ? { ...base, signupOpens: new Date('2027-02-01T00:00:00Z') } : base;
  const seats = { booked: state === 'full' || state === 'waitlisted' ? 2 : 1, waitlisted: state === 'waitlisted' ? 3 : 0, lastTicket: 3, promotions: 0, anonBooked: 0, anonAttended: 0 };
  const mine = state === 'booked' ? { status: 'booked' as const, position: null } : state === 'waitlisted' ? { status: 'waitlisted' as const, position: 2 } : { status: 'none' as const, position: null };
  return eventView(e, seats, mine, now, true);
}

describe('event cards', () => {
  for (const state of ['open', 'full', 'booked', 'waitlisted', 'closed', 'not-open-yet', 'cancelled'] as SeatState[]) {
    it(`the event card is valid when ${state}, for the person and for everyone`, () => {
      const v = view(state);
      assert.equal(v.state, state);
      for (const c of [eventCard(v, { warnings: ['Clash ${y}'], inviteUrl: 'https://x.example/i.ics', refreshUserIds: ['29:abc'], canPost: true }), eventCard(v, { generic: true })]) {
        assert.deepEqual(checkCard(c, state), []);
      }
      assert.ok(!JSON.stringify(eventCard(v, { generic: true })).includes('Roster'), 'no organiser buttons on the shared card');
    });
  }

  it('says how many places are left once (not "1 of 2 places left · 1 place left.")', () => {
    const text = JSON.stringify((eventCard(view('open')) as unknown as { body: unknown[] }).body);
    assert.equal(text.match(/places? left/g)?.length, 1, text);
    assert.match(text, /1 of 2 places left/);
    const list = JSON.stringify((eventListCard([view('open'), view('full')], { label: 'next week', total: 2, query: 'next week' }) as unknown as { body: unknown[] }).body);
    assert.equal(list.match(/places? left/g)?.length, 1, list);
    assert.equal(list.match(/full/gi)?.length, 1, list);
  });

  it('the list, form, roster, import, my events and calendar cards are valid', () => {
    const views = (['open', 'full', 'booked'] as SeatState[]).map(view);
    const cards = [
      eventListCard(views, { label: 'next week', total: 12, query: 'next week' }),
      eventListCard([], { label: 'x', total: 0, query: 'zzz', unknown: 'zzz', generic: true }),
      eventFormCard({ hubs: ['east-kent'], channels: [{ id: 'c1', name: 'Practice Nursing' }] }),
      eventFormCard({ hubs: ['east-kent'], channels: [], event: views[0], error: 'The end must be after the start.' }),
      rosterCard(
        {
          event: views[1],
          items: [
            { userId: 'u1', name: 'Ann', status: 'booked', position: null, joinedAt: now.toISOString(), attended: true, attendedMinutes: 52, attendanceSource: 'teams', email: 'ann@example.nhs.uk' },
            { userId: 'u2', name: '=cmd', status: 'waitlisted', position: 1, joinedAt: now.toISOString(), attended: null, attendedMinutes: null, attendanceSource: null },
            { userId: 'u3', name: 'Wanda', status: 'walk-in', position: null, joinedAt: now.toISOString(), attended: true, attendedMinutes: 170, attendanceSource: 'teams' },
          ],
          anonymousBooked: 1,
          teamsAttendance: { readAt: now.toISOString() },
        },
        { started: true, notice: 'Saved' },
      ),
      rosterCard({ event: views[1], items: [], anonymousBooked: 0 }, { started: false }),
      importCard({ header: 'title', report: { dryRun: true, created: 0, existing: 0, errors: 1, lines: [{ line: 2, status: 'error', message: 'Line 2: bad' }, { line: 3, status: 'ok', title: 'Fine' }] } }),
      myEventsCard([{ event: views[2], inviteUrl: 'https://x.example/i.ics' }], buildCpdRecord('nmc', [{ eventId: 'e', title: 'T', category: 'plt', start: now, end: new Date(now.getTime() + 3 * 3_600_000), organiserName: 'O', participatory: true, certificateId: 'VC-000000-000000-000000-000000' }], now)),
      calendarFeedCard({ personal: true, feedUrl: 'https://x.example/f.ics', hubFeeds: [{ name: 'East Kent', url: 'https://x.example/h.ics' }] }),
    ];
    for (const c of cards) assert.deepEqual(checkCard(c, String(c.fallbackText).slice(0, 30)), []);
    const form = eventFormCard({ hubs: ['east-kent'], channels: [] });
    assert.deepEqual(cardVerbs(form), ['event.create']);
    assert.deepEqual(cardVerbs(eventFormCard({ hubs: ['east-kent'], channels: [], event: views[0] })), ['event.update']);
    assert.deepEqual(cardProblems(form), []);
  });
});
