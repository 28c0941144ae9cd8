// What people type into the facilitator profile and the request form: accepted in the shapes the
// card and the API send, refused with a clear message otherwise.
import { strict as assert } from 'node:assert';
import { applyFacilitatorInput, newFacilitator, parseAvailability, parseAway, parseDay } from '../../src/domain/facilitation/facilitator.js';
import { parseRequestInput, statusLine, type FacilitationRequest } from '../../src/domain/facilitation/request.js';
import { AppError } from '../../src/domain/errors.js';

const NOW = new Date('2026-07-01T08:00:00Z');
const rejects = (fn: () => unknown, message: RegExp) => assert.throws(fn, (e: unknown) => e instanceof AppError && e.kind === 'invalid' && message.test(e.message));

describe('facilitator profile input', () => {
  const base = newFacilitator('u1', ['west-kent'], NOW);

  it('starts a new facilitator on weekday office hours, every format, four a month', () => {
    assert.equal(base.availability.length, 5);
    assert.deepEqual(base.availability[0], { day: 'mon', from: '09:00', to: '17:00' });
    assert.deepEqual(base.formats, ['observe', 'co-facilitate', 'coach']);
    assert.equal(base.maxPerMonth, 4);
  });

  it('reads availability as JSON, as text, or per day, and merges overlaps', () => {
    assert.deepEqual(parseAvailability([{ day: 'Tuesday', from: '14:00', to: '16:00' }, { day: 'tue', from: '15:00', to: '17:30' }]), [{ day: 'tue', from: '14:00', to: '17:30' }]);
    assert.deepEqual(parseAvailability('mon 09:00-12:00, wed 13:00–15:00'), [
      { day: 'mon', from: '09:00', to: '12:00' },
      { day: 'wed', from: '13:00', to: '15:00' },
    ]);
    assert.deepEqual(parseAvailability(undefined, { fri: '18:00-24:00', thu: '9:00-10:00' }), [
      { day: 'thu', from: '09:00', to: '10:00' },
      { day: 'fri', from: '18:00', to: '24:00' },
    ]);
    assert.deepEqual(parseAvailability([]), []);
  });

  it('refuses availability it cannot read', () => {
    rejects(() => parseAvailability([{ day: 'someday', from: '09:00', to: '10:00' }]), /day/);
    rejects(() => parseAvailability([{ day: 'mon', from: '10:00', to: '09:00' }]), /end must be after the start/);
    rejects(() => parseAvailability([{ day: 'mon', from: '25:00', to: '26:00' }]), /time range/);
    rejects(() => parseAvailability('mon nine till five'), /time range/);
    rejects(() => parseAvailability([42]), /\{day, from, to\}/);
    rejects(() => parseAvailability(Array.from({ length: 50 }, () => 'mon 09:00-10:00')), /at most/);
    assert.equal(parseDay('monkey'), null);
  });

  it('reads dates away as ranges or single days, both ends included', () => {
    assert.deepEqual(parseAway('2026-08-03 to 2026-08-14, 2026-12-24'), [
      { from: '2026-08-03', to: '2026-08-14' },
      { from: '2026-12-24', to: '2026-12-24' },
    ]);
    assert.deepEqual(parseAway([{ from: '2026-09-01' }]), [{ from: '2026-09-01', to: '2026-09-01' }]);
    rejects(() => parseAway('2026-02-30'), /YYYY-MM-DD/);
    rejects(() => parseAway([{ from: '2026-09-10', to: '2026-09-01' }]), /ends before it starts/);
  });

  it('changes only the fields given and validates every one', () => {
    const next = applyFacilitatorInput(base, { paused: 'true', maxPerMonth: '2', skills: 'Practice nurse, motivational interviewing', formats: ['coach'] }, NOW);
    assert.equal(next.paused, true);
    assert.equal(next.maxPerMonth, 2);
    assert.deepEqual(next.skills, ['practice-nurse', 'motivational interviewing']);
    assert.deepEqual(next.formats, ['coach']);
    assert.deepEqual(next.availability, base.availability, 'untouched');
    rejects(() => applyFacilitatorInput(base, { hubs: [] }, NOW), /at least one hub/);
    rejects(() => applyFacilitatorInput(base, { hubs: ['atlantis'] }, NOW), /Unknown hub/);
    rejects(() => applyFacilitatorInput(base, { formats: [] }, NOW), /at least one format/);
    rejects(() => applyFacilitatorInput(base, { maxPerMonth: 99 }, NOW), /0 to 31/);
    rejects(() => applyFacilitatorInput(base, { maxPerMonth: 1.5 }, NOW), /whole number/);
    rejects(() => applyFacilitatorInput(base, { paused: 'maybe' }, NOW), /true or false/);
    rejects(() => applyFacilitatorInput(base, { skills: ['x'.repeat(61)] }, NOW), /at most 60/);
  });
});

describe('facilitation request input', () => {
  it('reads ISO times with or without an offset (London wall clock without)', () => {
    const a = parseRequestInput({ channelId: 'c', start: '2026-07-14T14:00', end: '2026-07-14T16:00' }, NOW);
    assert.equal(a.start.toISOString(), '2026-07-14T13:00:00.000Z');
    const b = parseRequestInput({ channelId: 'c', start: '2026-12-08T14:00:00Z', end: '2026-12-08T16:00:00+00:00', format: 'Coach the lead', continuity: true }, NOW);
    assert.equal(b.start.toISOString(), '2026-12-08T14:00:00.000Z');
    assert.equal(b.format, 'coach');
    assert.equal(b.continuity, true);
    assert.equal(a.format, 'observe', 'observe unless asked');
  });

  it('reads the card’s date and times, and an end given as a time', () => {
    const c = parseRequestInput({ channelId: 'c', date: '2026-11-03', startTime: '09:30', endTime: '11:00', continuity: 'true' }, NOW);
    assert.equal(c.start.toISOString(), '2026-11-03T09:30:00.000Z', 'GMT in November');
    assert.equal(c.end.toISOString(), '2026-11-03T11:00:00.000Z');
    const d = parseRequestInput({ channelId: 'c', start: '2026-07-14T14:00', end: '15:30' }, NOW);
    assert.equal(d.end.toISOString(), '2026-07-14T14:30:00.000Z');
  });

  it('refuses past, backwards, overlong, far-off and malformed requests', () => {
    rejects(() => parseRequestInput({ channelId: 'c', start: '2026-06-30T14:00', end: '2026-06-30T15:00' }, NOW), /future/);
    rejects(() => parseRequestInput({ channelId: 'c', start: '2026-07-14T14:00', end: '2026-07-14T13:00' }, NOW), /after the start/);
    rejects(() => parseRequestInput({ channelId: 'c', start: '2026-07-14T08:00', end: '2026-07-14T23:00' }, NOW), /at most 12 hours/);
    rejects(() => parseRequestInput({ channelId: 'c', start: '2028-07-14T08:00', end: '2028-07-14T09:00' }, NOW), /a year ahead/);
    rejects(() => parseRequestInput({ start: '2026-07-14T14:00', end: '2026-07-14T15:00' }, NOW), /channel/);
    rejects(() => parseRequestInput({ channelId: 'c', end: '2026-07-14T15:00' }, NOW), /start/);
    rejects(() => parseRequestInput({ channelId: 'c', start: '2026-07-14T14:00' }, NOW), /end/);
    rejects(() => parseRequestInput({ channelId: 'c', start: '2026-07-14T14:00', end: '2026-07-14T15:00', notes: 'x'.repeat(2001) }, NOW), /Notes/);
    rejects(() => parseRequestInput({ channelId: 'c', start: '2026-07-14T14:00', end: '2026-07-14T15:00', continuity: 'perhaps' }, NOW), /continuity/);
    rejects(() => parseRequestInput({ channelId: 'c', date: '2026-07-14', startTime: '25:00', endTime: '26:00' }, NOW), /start time/);
  });

  it('says where a request is in words a lead understands', () => {
    const r = { status: 'offered', offers: [{ offerId: 'o', facilitatorId: 'f', outcome: 'open', expiresAt: new Date('2026-07-16T13:00:00Z') }] } as unknown as FacilitationRequest;
    const names = new Map([['f', 'Priya Raman']]);
    assert.equal(statusLine(r, names, (d) => d.toISOString().slice(0, 10)), 'offered to Priya Raman until 2026-07-16');
    assert.match(statusLine({ ...r, status: 'escalated' }, names, String), /escalated/);
    assert.equal(statusLine({ ...r, status: 'confirmed', facilitatorId: 'f' }, names, String), 'confirmed: Priya Raman');
  });
});
