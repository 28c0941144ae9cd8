// The Teams meeting rules (pure): what Graph must do for an event now, how an outcome is recorded,
// the retry backoff and bound; and one round of work (MeetingSync) against a stubbed Graph port:
// on the organiser's behalf first, app-only when that is refused, failures in words with a retry time.
import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import {
  applyMeetingOutcome,
  isTeamsJoinUrl,
  MAX_MEETING_TRIES,
  meetingAfterChange,
  MeetingCallError,
  meetingFingerprint,
  meetingRetryDelayMs,
  meetingWork,
  NO_MEETING,
  type MeetingState,
} from '../../src/domain/events/meeting.js';
import type { PltEvent } from '../../src/domain/events/event.js';
import type { OnlineMeetings } from '../../src/domain/events/ports.js';
import type { DelegatedAccess } from '../../src/domain/ports.js';
import { MeetingSync } from '../../src/services/events/meetings.js';
import { createLogger } from '../../src/logging.js';
import { eventCard } from '../../src/cards/events/event.js';
import { eventView } from '../../src/contracts/events.js';

const now = new Date('2027-01-20T09:00:00Z');
const event = (extra: Partial<PltEvent> = {}): PltEvent => ({
  id: 'e1',
  title: 'Asthma update',
  description: 'Inhalers',
  category: 'plt',
  hub: 'east-kent',
  professions: [],
  start: new Date('2027-02-10T13:00:00Z'),
  end: new Date('2027-02-10T15:00:00Z'),
  capacity: 20,
  teamsMeeting: true,
  meeting: { ...NO_MEETING, status: 'pending' },
  organiserId: 'olu',
  organiserName: 'Olu',
  status: 'scheduled',
  sequence: 0,
  createdAt: now,
  updatedAt: now,
  ...extra,
});
const created = (e: PltEvent, extra: Partial<MeetingState> = {}): MeetingState => ({ status: 'created', graphEventId: 'g1', joinUrl: 'https://teams.microsoft.com/l/meetup-join/x', ownerId: 'olu', synced: meetingFingerprint(e), attempts: 0, ...extra });

describe('Teams meeting rules', () => {
  it('says what Graph must do: create, fetch the link, update on a change of title, description or time, delete, or nothing', () => {
    const e = event();
    assert.equal(meetingWork(e), 'create');
    assert.equal(meetingWork({ ...e, meeting: created(e) }), null);
    assert.equal(meetingWork({ ...e, meeting: created(e, { joinUrl: undefined }) }), 'link');
    for (const change of [{ title: 'New' }, { description: 'Other' }, { start: new Date('2027-02-10T13:30:00Z') }, { end: new Date('2027-02-10T16:00:00Z') }]) {
      assert.equal(meetingWork({ ...e, ...change, meeting: created(e) }), 'update', JSON.stringify(change));
    }
    assert.equal(meetingWork({ ...e, capacity: 5, meeting: created(e) } as PltEvent), null, 'places are not Graph’s business');
    assert.equal(meetingWork({ ...e, status: 'cancelled', meeting: created(e) }), 'delete');
    assert.equal(meetingWork({ ...e, teamsMeeting: false, meeting: created(e) }), 'delete');
    assert.equal(meetingWork({ ...e, teamsMeeting: false, meeting: NO_MEETING }), null);
    assert.equal(meetingWork({ ...e, meeting: { ...NO_MEETING, status: 'failed' } }), null, 'a failed creation waits for a person');
    assert.equal(meetingWork({ ...e, title: 'New', meeting: created(e, { gaveUp: `update:${meetingFingerprint({ ...e, title: 'New' })}` }) }), null, 'given up on this change');
    assert.equal(meetingWork({ ...e, title: 'Newer', meeting: created(e, { gaveUp: `update:${meetingFingerprint({ ...e, title: 'New' })}` }) }), 'update', 'a new change is tried');
  });

  it('records outcomes: created (the join URL becomes the link, attendees’ invites move on), updated, deleted (the link goes)', () => {
    const e = event({ onlineMeetingUrl: undefined });
    const made = applyMeetingOutcome(e, { kind: 'created', graphEventId: 'g1', joinUrl: 'https://teams.microsoft.com/l/meetup-join/x', ownerId: 'olu', synced: 'fp' });
    assert.deepEqual([made.meeting.status, made.onlineMeetingUrl, made.sequence], ['created', 'https://teams.microsoft.com/l/meetup-join/x', 1]);
    const noLink = applyMeetingOutcome(e, { kind: 'created', graphEventId: 'g1', ownerId: 'olu', synced: 'fp' });
    assert.deepEqual([noLink.meeting.status, noLink.onlineMeetingUrl], ['pending', undefined]);
    const gone = applyMeetingOutcome(made, { kind: 'deleted' });
    assert.deepEqual([gone.meeting.status, gone.meeting.graphEventId, gone.onlineMeetingUrl, gone.meeting.round], ['none', undefined, undefined, 1]);
    const own = applyMeetingOutcome({ ...made, onlineMeetingUrl: 'https://example.org/own' }, { kind: 'deleted' });
    assert.equal(own.onlineMeetingUrl, 'https://example.org/own', 'a link the organiser gave stays');
  });

  it('a failed try: pending and counted while retrying, failed (with the words) when the bound is reached or a retry cannot help', () => {
    let e = event();
    for (let i = 1; i < MAX_MEETING_TRIES; i++) {
      e = applyMeetingOutcome(e, { kind: 'failed', work: 'create', retry: true, message: `try ${i}` });
      assert.deepEqual([e.meeting.status, e.meeting.attempts], ['pending', i]);
    }
    e = applyMeetingOutcome(e, { kind: 'failed', work: 'create', retry: true, message: 'last' });
    assert.deepEqual([e.meeting.status, e.meeting.gaveUp, e.meeting.message], ['failed', 'create', 'last']);
    const refused = applyMeetingOutcome(event(), { kind: 'failed', work: 'create', retry: false, message: 'admin' });
    assert.equal(refused.meeting.status, 'failed');
    const base = event();
    const stale = applyMeetingOutcome({ ...base, meeting: created(base) }, { kind: 'failed', work: 'update:x', retry: true, message: 'busy' });
    assert.deepEqual([stale.meeting.status, stale.meeting.message], ['created', 'busy'], 'a meeting that exists stays created');
  });

  it('backs off from a minute, doubling, at most an hour, never sooner than Retry-After', () => {
    assert.deepEqual([1, 2, 3, 4, 5].map((n) => meetingRetryDelayMs(n) / 60_000), [1, 2, 4, 8, 16]);
    assert.equal(meetingRetryDelayMs(20), 3_600_000);
    assert.equal(meetingRetryDelayMs(1, 300), 300_000);
    assert.equal(meetingRetryDelayMs(1, 99_999), 3_600_000);
  });

  it('asking again after a failure starts afresh; no longer asking keeps what exists until removed', () => {
    const failed = { teamsMeeting: true, meeting: { ...NO_MEETING, status: 'failed' as const, gaveUp: 'create', message: 'no' } };
    assert.deepEqual(meetingAfterChange(failed, true, true), { ...NO_MEETING, status: 'pending', gaveUp: undefined, message: undefined });
    assert.equal(meetingAfterChange(failed, true, false).status, 'failed');
    assert.equal(meetingAfterChange({ teamsMeeting: false, meeting: NO_MEETING }, true, false).status, 'pending');
    const e = event();
    assert.equal(meetingAfterChange({ teamsMeeting: true, meeting: created(e) }, false, false).graphEventId, 'g1');
  });

  it('knows a Teams join link', () => {
    assert.ok(isTeamsJoinUrl('https://teams.microsoft.com/l/meetup-join/19%3a…'));
    assert.ok(!isTeamsJoinUrl('https://zoom.us/j/1'));
    assert.ok(!isTeamsJoinUrl('not a url'));
  });
});

describe('MeetingSync (one round of Graph work) with a stubbed Graph', () => {
  const clock = { now: () => now };
  const logger = createLogger('silent');
  const port = (): sinon.SinonStubbedInstance<OnlineMeetings> & OnlineMeetings =>
    ({
      live: true,
      createEvent: sinon.stub().resolves({ graphEventId: 'g1', joinUrl: 'https://teams.microsoft.com/l/meetup-join/x' }),
      joinUrl: sinon.stub().resolves('https://teams.microsoft.com/l/meetup-join/late'),
      updateEvent: sinon.stub().resolves(),
      deleteEvent: sinon.stub().resolves(),
      findMeetingId: sinon.stub().resolves(null),
      attendance: sinon.stub().resolves({ reports: 0, records: [] }),
    }) as never;
  const sync = (graph: OnlineMeetings) => new MeetingSync({ clock, logger, graph, eventUrl: (id) => `https://cafe.example/tab/events/${id}` });
  const olu: DelegatedAccess = { userId: 'olu', token: async () => 'token' };

  it('creates with the details and a transaction id, on the organiser’s behalf when it is their own request', async () => {
    const graph = port();
    const outcome = await sync(graph).run(event(), 'create', olu);
    assert.equal(outcome.kind, 'created');
    const [owner, details, as] = graph.createEvent.firstCall.args;
    assert.equal(owner, 'olu');
    assert.deepEqual([details.subject, details.transactionId, as], ['Asthma update', 'virtual-cafe-e1-0', olu]);
    assert.match(details.body, /Inhalers[\s\S]*https:\/\/cafe\.example\/tab\/events\/e1/);
  });

  it('goes app-only when it is not the owner asking (a coordinator’s edit), or when the delegated call is refused', async () => {
    const graph = port();
    await sync(graph).run(event(), 'create', { userId: 'cora', token: async () => 't' });
    assert.equal(graph.createEvent.firstCall.args[2], undefined);
    const refusing = port();
    refusing.createEvent.onFirstCall().rejects(new MeetingCallError('delegation', 'consent'));
    const outcome = await sync(refusing).run(event(), 'create', olu);
    assert.equal(outcome.kind, 'created');
    assert.deepEqual(refusing.createEvent.getCalls().map((c) => c.args[2]), [olu, undefined]);
  });

  it('fetches a join URL Graph left out', async () => {
    const graph = port();
    graph.createEvent.resolves({ graphEventId: 'g1' });
    const outcome = await sync(graph).run(event(), 'create');
    assert.deepEqual(outcome.kind === 'created' && outcome.joinUrl, 'https://teams.microsoft.com/l/meetup-join/late');
  });

  it('turns failures into words and a retry time; a missing event counts as deleted', async () => {
    const graph = port();
    graph.createEvent.rejects(new MeetingCallError('throttled', 'busy', 429, 300));
    const busy = await sync(graph).run(event(), 'create');
    assert.ok(busy.kind === 'failed' && busy.retry);
    assert.equal(busy.kind === 'failed' && busy.retryAt?.getTime(), now.getTime() + 300_000);
    assert.match(busy.kind === 'failed' ? busy.message : '', /busy just now \(429\).*tries again at 09:05/);

    graph.createEvent.rejects(new MeetingCallError('forbidden', 'no', 403));
    const forbidden = await sync(graph).run(event(), 'create');
    assert.ok(forbidden.kind === 'failed' && !forbidden.retry && !forbidden.retryAt);
    assert.match(forbidden.kind === 'failed' ? forbidden.message : '', /Calendars\.ReadWrite/);

    graph.deleteEvent.rejects(new MeetingCallError('not-found', 'gone', 404));
    const e = event();
    assert.equal((await sync(graph).run({ ...e, status: 'cancelled', meeting: created(e) }, 'delete')).kind, 'deleted');
  });

  it('without Graph (GRAPH_MODE=off), or without an organiser, nothing is asked of Graph', async () => {
    const off = { ...port(), live: false };
    assert.equal((await sync(off).run(event(), 'create')).kind, 'unavailable');
    assert.equal(off.createEvent.callCount, 0);
    const graph = port();
    const outcome = await sync(graph).run(event({ organiserId: '' }), 'create');
    assert.ok(outcome.kind === 'failed' && !outcome.retry);
    assert.equal(graph.createEvent.callCount, 0);
  });
});

describe('the event card and the Teams meeting', () => {
  const seats = { booked: 1, waitlisted: 0, lastTicket: 0, promotions: 0, anonBooked: 0, anonAttended: 0, leftTickets: [] };
  const none = { status: 'none' as const, position: null };
  const booked = { status: 'booked' as const, position: null };
  const texts = (card: unknown): string => JSON.stringify(card);

  it('being set up: everyone reads that the link follows; organisers read why', () => {
    const e = event({ meeting: { ...NO_MEETING, status: 'pending', message: 'Microsoft Teams is busy just now (429).' } });
    assert.match(texts(eventCard(eventView(e, seats, none, now, false))), /The Teams meeting is being set up; its joining link follows\./);
    assert.match(texts(eventCard(eventView(e, seats, none, now, true))), /Teams meeting being set up\. Microsoft Teams is busy just now \(429\)\./);
  });

  it('failed: only organisers read it (with what to do); made: the join link for people booked and for organisers, not for others', () => {
    const failed = event({ meeting: { ...NO_MEETING, status: 'failed', message: 'An administrator must grant Calendars.ReadWrite.' } });
    assert.doesNotMatch(texts(eventCard(eventView(failed, seats, booked, now, false))), /administrator/);
    assert.match(texts(eventCard(eventView(failed, seats, none, now, true))), /No Teams meeting yet\. An administrator must grant Calendars\.ReadWrite\./);

    const e = event();
    const made = { ...e, meeting: created(e), onlineMeetingUrl: 'https://teams.microsoft.com/l/meetup-join/x' };
    const link = /Join the Teams meeting: https:\/\/teams\.microsoft\.com\/l\/meetup-join\/x/;
    assert.match(texts(eventCard(eventView(made, seats, booked, now, false))), link);
    assert.match(texts(eventCard(eventView(made, seats, none, now, true))), link);
    assert.doesNotMatch(texts(eventCard(eventView(made, seats, none, now, false))), /meetup-join/, 'not booked: no link');
    assert.doesNotMatch(texts(eventCard(eventView(made, seats, booked, now, false), { generic: true })), /meetup-join/, 'a card for everyone carries no link');
  });
});
