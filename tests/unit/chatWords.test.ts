// The chat's words read right (issue #13 "Reads wrong"): help keeps its placeholders, calendar
// links are links with an "Add to Outlook" subscription, a past request offers no Cancel.
import { strict as assert } from 'node:assert';
import MarkdownIt from 'markdown-it';
import { buildHelpCard } from '../../src/teams/commands/help.js';
import { allCommands } from '../../src/teams/commands/index.js';
import { calendarFeedCard } from '../../src/cards/events/mine.js';
import { leadListCard } from '../../src/cards/facilitation/requests.js';
import { leadStatusCard } from '../../src/cards/facilitation/status.js';
import type { FacilitationRequest } from '../../src/domain/facilitation/request.js';
import { cardVerbs } from '../helpers/botClient.js';

const md = new MarkdownIt({ html: true });
/** Each TextBlock and fact as Teams would render it (markdown → HTML). */
function rendered(card: unknown): string {
  const out: string[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (o.type === 'TextBlock') out.push(md.render(String(o.text)));
      if (o.type === 'FactSet') for (const f of o.facts as { title: string; value: string }[]) out.push(md.render(f.title), md.render(f.value));
      for (const [k, v] of Object.entries(o)) if (k !== 'data') walk(v);
    }
  };
  walk(card);
  return out.join('\n');
}

describe('chat words', () => {
  it('help shows events [this week|next week|this month|<hub>|<profession>|<channel>] with its placeholders', () => {
    const html = rendered(buildHelpCard(allCommands(), 'personal'));
    assert.ok(html.includes('events [this week|next week|this month|&lt;hub&gt;|&lt;profession&gt;|&lt;channel&gt;]'), html.slice(0, 400));
  });

  it('calendar: the private feed and each hub feed are links, with an Add to Outlook subscription', () => {
    const feedUrl = 'https://cafe.example/api/calendar/abc_def.ics';
    const card = calendarFeedCard({ personal: true, feedUrl, hubFeeds: [{ name: 'West Kent', url: 'https://cafe.example/api/calendar/hub/west-kent.ics' }] });
    const html = rendered(card);
    assert.ok(html.includes(`<a href="${feedUrl}">Open the calendar file</a>`), 'the private feed is a link');
    assert.ok(html.includes(`<p>${feedUrl}</p>`), 'and its address on a line of its own, to copy');
    assert.ok(html.includes('<a href="https://cafe.example/api/calendar/hub/west-kent.ics">Calendar link</a>'));
    const outlook = [...html.matchAll(/<a href="(https:\/\/outlook\.office\.com\/[^"]+)">Add to Outlook<\/a>/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    assert.equal(outlook.length, 1);
    assert.equal(new URL(outlook[0]).searchParams.get('url'), 'https://cafe.example/api/calendar/hub/west-kent.ics');
    assert.equal(new URL(outlook[0]).searchParams.get('rru'), 'addsubscription');
    const button = (card.actions as { type: string; title: string; url?: string }[]).find((a) => a.title === 'Add to Outlook');
    assert.equal(button?.type, 'Action.OpenUrl');
    assert.equal(new URL(button!.url!).searchParams.get('url'), feedUrl);
  });

  it('a request whose session has passed offers no "Cancel request"; a future one does', () => {
    const now = new Date('2027-07-20T10:00:00Z');
    const request = (start: string): FacilitationRequest => ({
      id: 'r1', channelId: 'c', hub: 'west-kent', leadId: 'lead', start: new Date(start), end: new Date(new Date(start).getTime() + 3_600_000), format: 'observe', topic: 't', notes: '',
      continuity: false, status: 'escalated', offers: [], candidates: [], excluded: [], noMatchReasons: ['2 away'], escalations: 1, sequence: 0, calendarTokens: [], createdAt: now, updatedAt: now,
    } as FacilitationRequest);
    const names = new Map([['lead', 'Leah']]);
    const past = request('2027-07-14T13:00:00Z');
    const future = request('2027-07-28T13:00:00Z');
    assert.ok(!cardVerbs(leadListCard([past], new Map([['c', 'C']]), names, undefined, now)).includes('facilitation.request.cancel'));
    assert.ok(!cardVerbs(leadStatusCard(past, 'C', names, 'http://x', 'T', '', now)).includes('facilitation.request.cancel'));
    assert.ok(cardVerbs(leadListCard([future], new Map([['c', 'C']]), names, undefined, now)).includes('facilitation.request.cancel'));
    assert.ok(cardVerbs(leadStatusCard(future, 'C', names, 'http://x', 'T', '', now)).includes('facilitation.request.cancel'));
  });
});
