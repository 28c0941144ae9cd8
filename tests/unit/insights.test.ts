// Hub insights from a fixture counted by hand: every figure of the contract, with the cases that
// trip a computation up (unlimited places, an event not yet over, an event whose attendance was
// never taken, walk-ins, anonymous attendees, joins outside the period, requests never confirmed).
import { strict as assert } from 'node:assert';
import { computeInsights, median, type InsightFacts } from '../../src/domain/insights/insights.js';
import { insightsCsv } from '../../src/cards/insights/csv.js';
import { insightsJson } from '../../src/contracts/insights.js';
import { parseCsv } from '../../src/domain/events/csv.js';

const from = new Date('2027-01-01T00:00:00Z');
const to = new Date('2027-04-01T00:00:00Z');
const at = (iso: string) => new Date(iso);

export const FIXTURE: InsightFacts = {
  hub: 'east-kent',
  from,
  to,
  events: [
    // A: 20 places, 18 booked (1 of them erased since), 3 waiting; 3 h; came: 14 booked (incl. the erased one) + 1 walk-in.
    {
      eventId: 'A', capacity: 20, booked: 18, waitlisted: 3, ended: true, hours: 3, attendedBooked: 14,
      attendees: ['practice-nurse', 'practice-nurse', 'practice-nurse', 'practice-nurse', 'practice-nurse', 'hca', 'hca', 'hca', 'paramedic', 'paramedic', 'clinical-pharmacist', 'clinical-pharmacist', 'gp', null, 'hca'],
      ratings: [5, 5, 4, 4, 4, 3, 2, 5],
    },
    // B: 10 places, all 10 booked, 2 waiting; 1.5 h; came: 6.
    { eventId: 'B', capacity: 10, booked: 10, waitlisted: 2, ended: true, hours: 1.5, attendedBooked: 6, attendees: ['paramedic', 'paramedic', 'paramedic', 'gp', 'gp', 'hca'], ratings: [3, 4] },
    // C: unlimited, 40 booked, 1 h; came: 25 (no profile for 5).
    {
      eventId: 'C', capacity: null, booked: 40, waitlisted: 0, ended: true, hours: 1, attendedBooked: 25,
      attendees: [...Array(10).fill('practice-nurse'), ...Array(10).fill('social-prescriber'), ...Array(5).fill(null)],
      ratings: [5, 4, 4, 3, 5, 5, 4, 4, 4, 4],
    },
    // D: 12 places, 5 booked, ended but nobody marked: says nothing about no-shows.
    { eventId: 'D', capacity: 12, booked: 5, waitlisted: 0, ended: true, hours: 2, attendedBooked: 0, attendees: [], ratings: [] },
    // E: 30 places, 11 booked, still to come.
    { eventId: 'E', capacity: 30, booked: 11, waitlisted: 0, ended: false, hours: 3, attendedBooked: 0, attendees: [], ratings: [] },
  ],
  channels: [
    { id: 'practice-nursing', name: 'Practice Nursing', members: 4, joinedAt: [at('2026-12-31T23:59:59Z'), at('2027-01-01T00:00:00Z'), at('2027-02-14T10:00:00Z'), at('2027-04-01T00:00:00Z')] },
    { id: 'wellbeing', name: 'Wellbeing', members: 2, joinedAt: [at('2027-03-31T23:00:00Z'), at('2026-06-01T10:00:00Z')] },
    { id: 'research', name: 'Research', members: 0, joinedAt: [] },
  ],
  requests: [
    { createdAt: at('2027-01-05T09:00:00Z'), confirmedAt: at('2027-01-05T15:00:00Z'), confirmed: true }, // 6 h
    { createdAt: at('2027-02-01T09:00:00Z'), confirmedAt: at('2027-02-03T09:00:00Z'), confirmed: true }, // 48 h
    { createdAt: at('2027-03-01T09:00:00Z'), confirmedAt: at('2027-03-01T19:00:00Z'), confirmed: true }, // 10 h
    { createdAt: at('2027-03-10T09:00:00Z'), confirmed: false },
  ],
};

describe('hub insights', () => {
  it('computes every figure of a hand-counted fixture', () => {
    const i = computeInsights(FIXTURE);
    assert.deepEqual(insightsJson(i), {
      events: 5,
      placesOffered: 72, // 20 + 10 + 12 + 30 (C is unlimited)
      booked: 84, // 18 + 10 + 40 + 5 + 11
      fillRate: 0.6111, // (18 + 10 + 5 + 11) / 72 = 44 / 72
      waitlisted: 5,
      attended: 46, // 15 + 6 + 25 (D: nobody; E: not over)
      noShowRate: 0.3382, // A: 18−14, B: 10−6, C: 40−25 → 23 of 68 (D not taken)
      feedbackReturnRate: 0.4348, // 20 answers / 46 attended
      ratingMean: 4.05, // (37 + 7 + 42) / 20 = 81 / 20
      cpdHoursByProfession: {
        'clinical-pharmacist': 6, // 2 × 3
        gp: 6, // 3 + 2 × 1.5
        hca: 13.5, // 4 × 3 + 1.5
        paramedic: 10.5, // 2 × 3 + 3 × 1.5
        'practice-nurse': 25, // 5 × 3 + 10 × 1
        'social-prescriber': 10, // 10 × 1
        unknown: 8, // 3 (the erased attendee at A) + 5 × 1
      },
      channels: [
        { id: 'practice-nursing', name: 'Practice Nursing', members: 4, joinedInPeriod: 2 }, // 1 Jan 00:00 in, 1 Apr 00:00 out
        { id: 'wellbeing', name: 'Wellbeing', members: 2, joinedInPeriod: 1 },
        { id: 'research', name: 'Research', members: 0, joinedInPeriod: 0 },
      ],
      facilitation: { requests: 4, confirmed: 3, medianHoursToConfirm: 10 },
    });
  });

  it('has nothing to divide by in an empty period', () => {
    const i = computeInsights({ ...FIXTURE, events: [], channels: [], requests: [] });
    assert.deepEqual([i.fillRate, i.noShowRate, i.feedbackReturnRate, i.ratingMean, i.facilitation.medianHoursToConfirm], [null, null, null, null, null]);
    assert.deepEqual(i.cpdHoursByProfession, {});
    assert.equal(median([1, 2, 3, 10]), 2.5);
  });

  it('writes the same figures to CSV', () => {
    const rows = parseCsv(insightsCsv(computeInsights(FIXTURE)).replace(/^\uFEFF/, '')).rows.map((r) => r.cells);
    const value = (label: string) => rows.find((r) => r[0] === label)?.slice(1);
    assert.deepEqual(value('Events held'), ['5']);
    assert.deepEqual(value('Fill rate'), ['0.6111', '61.1%']);
    assert.deepEqual(value('No-show rate'), ['0.3382', '33.8%']);
    assert.deepEqual(value('Feedback return rate'), ['0.4348', '43.5%']);
    assert.deepEqual(value('Mean rating (1–5)'), ['4.05']);
    assert.deepEqual(value('Healthcare assistant (HCA)'), ['13.5']);
    assert.deepEqual(value('Not recorded'), ['8']);
    assert.deepEqual(value('Practice Nursing'), ['4', '2']);
    assert.deepEqual(value('Median hours to confirm'), ['10']);
  });
});
