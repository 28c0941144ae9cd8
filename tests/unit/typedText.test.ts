// Text people typed is shown as text in every card (issue #15 item 2): a hostile string goes into
// every typed field of every card builder, and every markdown-rendered string of every card
// (TextBlocks, facts, at any depth) is rendered by markdown-it — the CommonMark renderer the
// adaptivecards library documents for markdown — with HTML allowed, as the most permissive reader
// would: no link, emphasis, heading, list, quote, code, image or HTML element may come out of it.
import { strict as assert } from 'node:assert';
import MarkdownIt from 'markdown-it';
import { escapeMarkdown, markdown } from '../../src/cards/text.js';
import { cardProblems } from '../helpers/cards.js';
import { welcomeCard } from '../../src/cards/channels/welcome.js';
import { myChannelsCard } from '../../src/cards/channels/mine.js';
import { channelStatusCard, profileFirstCard } from '../../src/cards/channels/answers.js';
import { channelChoiceCard, directoryCard } from '../../src/cards/channels/directory.js';
import { editChannelCard, joinRequestCard, membersCard, noticeCard } from '../../src/cards/channels/leads.js';
import { newLeadNotice, newMemberNotice, requestDeclinedNotice, joinRequestNotice } from '../../src/cards/channels/notices.js';
import { proposalFormCard, proposalRejectedNotice, proposalReviewCard } from '../../src/cards/channels/proposals.js';
import { notificationSettingsCard } from '../../src/cards/notifications/settings.js';
import { cancelConfirmCard, eventCard, eventListCard } from '../../src/cards/events/event.js';
import { eventFormCard } from '../../src/cards/events/form.js';
import { importCard, rosterCard } from '../../src/cards/events/organiser.js';
import { calendarFeedCard, myEventsCard } from '../../src/cards/events/mine.js';
import { cancelledNotice, promotedNotice, reminderNotice, updatedNotice } from '../../src/cards/events/notices.js';
import { eventView } from '../../src/contracts/events.js';
import { buildCpdRecord } from '../../src/domain/cpd/record.js';
import type { PltEvent } from '../../src/domain/events/event.js';
import { facilitationEscalationCard, escalationMessage } from '../../src/cards/facilitation/escalation.js';
import { facilitationOfferCard, offerMessage } from '../../src/cards/facilitation/offer.js';
import { facilitationRequestFormCard, requestFormCard } from '../../src/cards/facilitation/form.js';
import { facilitationRequestsCard, leadListCard } from '../../src/cards/facilitation/requests.js';
import { confirmedMessage, facilitationStatusCard, leadStatusCard, noticeMessage } from '../../src/cards/facilitation/status.js';
import { facilitatorCard, facilitatorProfileCard } from '../../src/cards/facilitation/profile.js';
import { newFacilitator } from '../../src/domain/facilitation/facilitator.js';
import type { FacilitationRequest } from '../../src/domain/facilitation/request.js';
import { myDataCard } from '../../src/cards/privacy/privacy.js';
import { profileCard } from '../../src/cards/people/profile.js';
import { NO_MEETING } from '../../src/domain/events/meeting.js';

/** Every markdown construct Adaptive Cards (and Teams) know, and some HTML. */
const H = '[reset your NHS password](https://evil.example) **now** _please_ ~~x~~ `code` <b>bold</b> <a href="https://evil.example">x</a> ![i](https://evil.example/i.png) &lt;x&gt;\n# Heading\n1. first\n2) second\n- item\n* star\n+ plus\n> quote\n===';
const ALLOWED = new Set(['p', 'br']);
// (and <a> to the app's own addresses: see liveMarkup)
const md = new MarkdownIt({ html: true, linkify: false });

/** Every markdown-rendered string of a card: TextBlock text and fact titles and values, at any depth. */
function shownText(card: unknown): string[] {
  const out: string[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
      if (o.type === 'FactSet') for (const f of o.facts as { title: string; value: string }[]) out.push(f.title, f.value);
      for (const [k, v] of Object.entries(o)) if (k !== 'data') walk(v);
    }
  };
  walk(card);
  return out;
}

function liveMarkup(card: unknown): string[] {
  const found: string[] = [];
  for (const text of shownText(card)) {
    const html = md.render(text);
    for (const [element, tag] of html.matchAll(/<([a-z][a-z0-9]*)[^>]*>/gi)) {
      // The app's own links (calendar feeds, Add to Outlook) are links; none may lead where typed text points.
      if (tag.toLowerCase() === 'a' && !/href="https:\/\/evil\.example/.test(element)) continue;
      if (!ALLOWED.has(tag.toLowerCase())) found.push(`<${tag}> from ${JSON.stringify(text.slice(0, 80))}`);
    }
  }
  return found;
}

function check(name: string, card: unknown) {
  assert.deepEqual(liveMarkup(card), [], `${name}: typed text became markup`);
  assert.deepEqual(cardProblems(card), [], `${name}: still a valid card`);
  const fallback = (card as { fallbackText?: string }).fallbackText ?? '';
  assert.ok(!/(?<!\\)\[reset your NHS password(?<!\\)\]\(/.test(fallback), `${name}: no link in the fallback`);
}

const now = new Date('2027-01-15T10:00:00Z');
const event: PltEvent = {
  id: 'e1', title: H, description: H, category: 'plt', hub: 'east-kent', professions: ['practice-nurse'],
  start: new Date('2027-02-10T13:30:00Z'), end: new Date('2027-02-10T16:30:00Z'), location: H, capacity: 30,
  organiserId: 'o', organiserName: H, status: 'scheduled', sequence: 0, createdAt: now, updatedAt: now,
  teamsMeeting: false, meeting: NO_MEETING,
};
const seats = { booked: 4, waitlisted: 0, lastTicket: 4, promotions: 0, anonBooked: 0, anonAttended: 0 };
const view = eventView(event, seats, { status: 'booked', position: null }, now, true);
const names = new Map([['lead', H], ['fac', H]]);
const request = (status: FacilitationRequest['status']): FacilitationRequest => ({
  id: 'r1', channelId: 'c', hub: 'west-kent', leadId: 'lead', start: new Date('2027-07-14T13:00:00Z'), end: new Date('2027-07-14T15:00:00Z'),
  format: 'co-facilitate', topic: H, notes: H, continuity: true, status, facilitatorId: status === 'confirmed' ? 'fac' : undefined,
  offers: [{ offerId: 'o1', facilitatorId: 'fac', offeredAt: now, expiresAt: new Date('2027-07-03T08:00:00Z'), reasons: [H], outcome: status === 'confirmed' ? 'accepted' : 'open' }],
  candidates: [], excluded: [], noMatchReasons: [H], escalations: 1, sequence: 1, calendarTokens: [], createdAt: now, updatedAt: now,
} as FacilitationRequest);
const channel = { id: 'c', name: H, shortName: 'c', purpose: H, guidelines: H, hub: 'west-kent', professions: [], leadIds: ['lead'], memberCount: 3, approvalRequired: true, channelType: 'private' } as const;
const member = { userId: 'u', name: H, details: H };

describe('typed text is shown as text in every card', () => {
  it('escapeMarkdown: a CommonMark renderer shows exactly what was typed', () => {
    for (const s of [H, 'Kent & Medway', 'snake_case and C:\\temp', '1. not a list', '\\*not bold\\*', '<script>alert(1)</script>']) {
      assert.equal(md.render(escapeMarkdown(s)).replace(/^<p>|<\/p>\n$/g, ''), md.utils.escapeHtml(s), s);
    }
    assert.equal(escapeMarkdown('Kent & Medway · practice_nurse'), 'Kent & Medway · practice_nurse', 'ordinary words unchanged');
  });

  it('the app’s own markdown keeps its link and escapes what is put into it', () => {
    const card = channelStatusCard('t', markdown`[Add ${H} to Outlook](https://outlook.example/x)`);
    const html = md.render(shownText(card)[1]);
    assert.equal((html.match(/<a /g) ?? []).length, 1, 'one link: the app’s own');
    assert.ok(!html.includes('href="https://evil.example'), 'the typed link is text');
  });

  const builders: [string, () => unknown][] = [
    // Channels
    ['welcome', () => welcomeCard({ name: H, intro: H, purpose: H, guidelines: H, facts: [{ title: H, value: H }], nextEvents: [{ when: H, title: H }], help: H, link: 'https://teams.example/c', openTitle: H })],
    ['my channels', () => myChannelsCard({ memberships: [{ id: 'c', name: H, purpose: H, lead: true, joined: H }], requests: [{ id: 'd', name: H, purpose: H, requested: H }] })],
    ['status', () => channelStatusCard(H, H)],
    ['profile first', () => profileFirstCard({ id: 'c', name: H })],
    ['directory', () => directoryCard({ query: H, page: 1, pageSize: 5, total: 1, notice: H, entries: [{ id: 'c', name: H, purpose: H, facts: H, leads: H, approvalRequired: true, nextEvents: [{ when: H, title: H }], my: 'none' }] })],
    ['channel choice', () => channelChoiceCard({ intro: H, channels: [{ id: 'c', name: H, purpose: H }], verb: 'channel.join' })],
    ['edit channel', () => editChannelCard({ channelId: 'c', name: H, purpose: H, guidelines: H, status: H })],
    ['members', () => membersCard({ channelId: 'c', name: H, memberCount: 2, members: [member], pending: [member], shownLimit: 50 })],
    ['join request', () => joinRequestCard({ channelId: 'c', channelName: H, requester: member, state: 'pending', outcome: H })],
    ['notice', () => noticeCard(H, H)],
    ['new member notice', () => newMemberNotice(channel as never, { name: H, details: H }).card],
    ['join request notice', () => joinRequestNotice(channel as never, member).card],
    ['declined notice', () => requestDeclinedNotice(channel as never, H).card],
    ['new lead notice', () => newLeadNotice(channel as never).card],
    ['proposal form', () => proposalFormCard({ status: H, error: H, values: { name: H, purpose: H } })],
    ['proposal review', () => proposalReviewCard({ proposal: { id: 'p', name: H, purpose: H, hubName: H, professions: H, proposer: H, leads: H, channelType: H }, state: 'pending', outcome: H, error: H })],
    ['proposal rejected', () => proposalRejectedNotice(H, H).card],
    ['settings', () => notificationSettingsCard({ kinds: [{ kind: 'reminders', title: H, description: H, on: true, optional: true }] as never, status: H, error: H })],
    // Events
    ['event', () => eventCard(view, { notice: H, warnings: [H], channelName: H } as never)],
    ['event list', () => eventListCard([view], { label: H, notice: H, unknown: H, query: 'q' } as never)],
    ['event form', () => eventFormCard({ hubs: ['east-kent'], channels: [{ id: 'c', name: H }], event: view, error: H })],
    ['roster', () => rosterCard({ event: view, items: [{ userId: 'u', name: H, status: 'booked', position: null, joinedAt: now.toISOString(), attended: false, attendedMinutes: null, attendanceSource: null }, { userId: 'w', name: H, status: 'waitlisted', position: 1, joinedAt: now.toISOString(), attended: false, attendedMinutes: null, attendanceSource: null }], anonymousBooked: 0 }, { started: true, notice: H })],
    ['import', () => importCard({ header: 'title,start', csv: H, error: H, report: { dryRun: true, errors: 1, lines: [{ line: 2, status: 'error', message: H, title: H }, { line: 3, status: 'ok', title: H }] } as never })],
    ['my events', () => myEventsCard([{ event: view, inviteUrl: 'https://x.example/i.ics' }], buildCpdRecord('nmc', [], now), H)],
    ['calendar', () => calendarFeedCard({ personal: true, feedUrl: 'https://x.example/f.ics', hubFeeds: [{ name: H, url: 'https://x.example/h.ics' }], notice: H })],
    ['promoted', () => promotedNotice(view, 'https://x.example/i.ics').card],
    ['cancelled', () => cancelledNotice(view, H).card],
    ['updated', () => updatedNotice(view).card],
    ['reminder', () => reminderNotice(view, 3_600_000).card],
    ['cancel confirm', () => cancelConfirmCard(view, { list: H })],
    // Facilitation
    ['offer', () => offerMessage(request('offered'), request('offered').offers[0], H, names).card],
    ['offer card', () => facilitationOfferCard({ requestId: 'r1', offerId: 'o1', title: H, intro: H, facts: [{ title: H, value: H }], reasons: [H], deadline: H })],
    ['escalation', () => escalationMessage(request('escalated'), H, names, [newFacilitator('fac', ['west-kent'], now)]).card],
    ['escalation card', () => facilitationEscalationCard({ requestId: 'r1', title: H, intro: H, facts: [{ title: H, value: H }], why: [H], choices: [{ title: H, value: 'fac' }] })],
    ['request form', () => requestFormCard([{ id: 'c', name: H }], now, undefined, H, { topic: H, notes: H })],
    ['request form card', () => facilitationRequestFormCard({ channels: [{ id: 'c', name: H }], minDate: '2027-01-01', formats: [{ value: 'observe', title: H }], error: H } as never)],
    ['requests', () => leadListCard([request('offered'), request('confirmed')], new Map([['c', H]]), names, H, now)],
    ['requests card', () => facilitationRequestsCard({ title: H, notice: H, empty: H, requests: [], footer: H })],
    ['confirmed', () => confirmedMessage(request('confirmed'), 'lead', H, names, 'http://127.0.0.1:3978', H).card],
    ['notice message', () => noticeMessage(request('cancelled'), { title: H, text: H } as never, H, names, 'http://127.0.0.1:3978').card],
    ['lead status', () => leadStatusCard(request('offered'), H, names, 'http://127.0.0.1:3978', H, H, now)],
    ['status card', () => facilitationStatusCard({ title: H, text: H, facts: [{ title: H, value: H }] } as never)],
    ['facilitator', () => facilitatorCard({ ...newFacilitator('fac', ['west-kent'], now), skills: [H] }, H, H)],
    ['facilitator card', () => facilitatorProfileCard({ title: H, intro: H, status: H, hubs: 'west-kent', hubChoices: [{ value: 'west-kent', title: H }], formats: 'observe', formatChoices: [{ value: 'observe', title: H }], skills: H, days: [{ id: 'avail_mon', label: H, value: H }], away: H, maxPerMonth: 2, paused: false })],
    // Privacy, people
    ['my data', () => myDataCard({ exportedAt: now.toISOString(), person: { id: 'u', name: H, guest: false }, data: { profile: { pcn: H, organisation: H }, notes: [H] } }, 'https://x.example/tab')],
    ['profile', () => profileCard({ profile: { profession: 'gp', hub: 'east-kent', pcn: H, organisation: H }, intro: H, status: H, error: H })],
  ];
  for (const [name, build] of builders) it(`${name}`, () => check(name, build()));
});
