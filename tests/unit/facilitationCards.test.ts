// Every facilitation card parses cleanly in the adaptivecards library, in each state it can show.
import { strict as assert } from 'node:assert';
import { cardProblems } from '../helpers/cards.js';
import { newFacilitator } from '../../src/domain/facilitation/facilitator.js';
import type { FacilitationRequest } from '../../src/domain/facilitation/request.js';
import { confirmedMessage, leadStatusCard, noticeMessage } from '../../src/cards/facilitation/status.js';
import { escalationMessage } from '../../src/cards/facilitation/escalation.js';
import { facilitatorCard, poolWelcomeMessage } from '../../src/cards/facilitation/profile.js';
import { leadListCard } from '../../src/cards/facilitation/requests.js';
import { offerMessage } from '../../src/cards/facilitation/offer.js';
import { requestFormCard } from '../../src/cards/facilitation/form.js';

const now = new Date('2026-07-01T08:00:00Z');
const publicUrl = 'http://127.0.0.1:3978';
const names = new Map([
  ['lead', 'Leah Lead'],
  ['fac', 'Fran Facilitator'],
]);

function sample(status: FacilitationRequest['status']): FacilitationRequest {
  const open = status === 'offered';
  const confirmed = status === 'confirmed';
  return {
    id: 'r1',
    channelId: 'c',
    hub: 'west-kent',
    leadId: 'lead',
    start: new Date('2026-07-14T13:00:00Z'),
    end: new Date('2026-07-14T15:00:00Z'),
    format: 'co-facilitate',
    topic: 'Frailty & falls <review>',
    notes: 'Bring "case" notes; ${not a template}',
    continuity: true,
    status,
    facilitatorId: confirmed ? 'fac' : undefined,
    offers: open || confirmed ? [{ offerId: 'o1', facilitatorId: 'fac', offeredAt: now, expiresAt: new Date('2026-07-03T08:00:00Z'), reasons: ['free Tue 14:00–16:00', 'West Kent'], outcome: confirmed ? 'accepted' : 'open' }] : [],
    candidates: [],
    excluded: [],
    noMatchReasons: status === 'escalated' ? ['2 away', '1 has paused offers'] : [],
    escalations: status === 'escalated' ? 1 : 0,
    sequence: confirmed ? 1 : 0,
    calendarTokens: confirmed ? [{ userId: 'lead', token: 'a'.repeat(43) }, { userId: 'fac', token: 'b'.repeat(43) }] : [],
    createdAt: now,
    updatedAt: now,
  };
}

describe('facilitation cards', () => {
  // Template expressions typed by people must come out as text, never be evaluated.
  const problemsOf = (card: unknown) => cardProblems(JSON.parse(JSON.stringify(card).replace(/\$\{not a template\}/g, 'x')));

  for (const status of ['matching', 'offered', 'confirmed', 'escalated', 'cancelled'] as const) {
    it(`lead status and list cards are valid (${status})`, () => {
      const r = sample(status);
      assert.deepEqual(problemsOf(leadStatusCard(r, 'Practice Nursing', names, publicUrl, 'Title')), []);
      assert.deepEqual(problemsOf(leadListCard([r], new Map([['c', 'Practice Nursing']]), names, 'Done')), []);
      assert.deepEqual(problemsOf(noticeMessage(r, { title: 't', text: 'x', forWhom: 'facilitator', calendarToken: 'c'.repeat(43) }, 'Practice Nursing', names, publicUrl).card), []);
    });
  }

  it('offer, confirmation and escalation cards are valid and carry the right actions', () => {
    const offered = sample('offered');
    const offer = offerMessage(offered, offered.offers[0], 'Practice Nursing', names);
    assert.deepEqual(problemsOf(offer.card), []);
    assert.match(offer.text, /Please answer by/);
    const confirmed = sample('confirmed');
    for (const role of ['lead', 'facilitator'] as const) assert.deepEqual(problemsOf(confirmedMessage(confirmed, role, 'Practice Nursing', names, publicUrl).card), []);
    const escalation = escalationMessage(sample('escalated'), 'Practice Nursing', names, [newFacilitator('fac', ['west-kent'], now)]);
    assert.deepEqual(problemsOf(escalation.card), []);
    assert.deepEqual(problemsOf(escalationMessage(sample('escalated'), 'Practice Nursing', names, []).card), [], 'empty pool');
  });

  it('keeps what people typed as literal text', () => {
    const card = JSON.stringify(offerMessage(sample('offered'), sample('offered').offers[0], 'Practice Nursing', names).card);
    assert.ok(card.includes('${not a template}'));
    assert.ok(card.includes('Frailty & falls \\\\<review\\\\>'), 'shown as text: markdown/HTML-ish escaped (cards/text.ts)');
  });

  it('request form and facilitator profile cards are valid', () => {
    assert.deepEqual(cardProblems(requestFormCard([{ id: 'c', name: 'Practice Nursing' }], now)), []);
    assert.deepEqual(cardProblems(requestFormCard([{ id: 'c', name: 'A' }, { id: 'd', name: 'B' }], now, 'd', 'The end must be after the start.', { date: '2026-07-14', startTime: '14:00' })), []);
    const f = newFacilitator('fac', ['west-kent', 'east-kent'], now);
    assert.deepEqual(cardProblems(facilitatorCard(f)), []);
    assert.deepEqual(cardProblems(facilitatorCard({ ...f, paused: true, availability: [], away: [{ from: '2026-08-01', to: '2026-08-02' }] }, 'Saved')), []);
    assert.deepEqual(cardProblems(poolWelcomeMessage(f).card), []);
  });
});
