// Pure channel rules: name resolution, directory search, proposal input, slugs, deep links,
// Retry-After, and that every channel card is valid for the adaptivecards parser.
import { strict as assert } from 'node:assert';
import { resolveChannel, nearestChannels } from '../../src/domain/channels/resolve.js';
import { searchChannels } from '../../src/domain/channels/search.js';
import { readProposal, slugify, readIdList } from '../../src/domain/channels/proposal.js';
import { readChannelText, coordinatesChannel, canSeeMembers } from '../../src/domain/channels/rules.js';
import { channelLink } from '../../src/domain/channels/deepLink.js';
import type { Channel } from '../../src/domain/channels/channel.js';
import { channelJson } from '../../src/contracts/channels.js';
import { retryAfterSeconds } from '../../src/teams/graphApp.js';
import { DEMO_CHANNELS } from '../../src/seed/channels.js';
import { directoryCard, channelChoiceCard } from '../../src/cards/channels/directory.js';
import { welcomeCard } from '../../src/cards/channels/welcome.js';
import { myChannelsCard } from '../../src/cards/channels/mine.js';
import { channelStatusCard } from '../../src/cards/channels/answers.js';
import { editChannelCard, membersCard, joinRequestCard, noticeCard } from '../../src/cards/channels/leads.js';
import { proposalFormCard, proposalReviewCard } from '../../src/cards/channels/proposals.js';
import { checkCard } from '../helpers/rootHooks.js';
import { AppError } from '../../src/domain/errors.js';
import type { Actor } from '../../src/domain/people/person.js';

const channels: Channel[] = DEMO_CHANNELS.map((c) => ({ ...c, memberCount: 3 }));
const ids = (list: Channel[]) => list.map((c) => c.id);

describe('channel name resolution', () => {
  const resolve = (text: string) => resolveChannel(channels, text);

  it('finds exact names and short names, ignoring case, spaces and punctuation', () => {
    for (const [text, id] of [
      ['Advanced Practice', 'advanced-practice'],
      ['  advanced   PRACTICE ', 'advanced-practice'],
      ['anp', 'advanced-practice'],
      ['practice-nurses', 'practice-nursing'],
      ['practice nurses', 'practice-nursing'],
      ['Wellbeing Café', 'wellbeing'],
      ['wellbeing cafe', 'wellbeing'],
      ['cef', 'cef-development'],
      ['gpn-fellowship', 'gpn-fellowship'],
    ] as const) {
      const r = resolve(text);
      assert.equal(r.kind === 'found' && r.channel.id, id, text);
    }
  });

  it('resolves by closeness: words of the name, plurals and typos', () => {
    for (const [text, id] of [
      ['pharmacists', 'clinical-pharmacists'],
      ['clinical pharmacist', 'clinical-pharmacists'],
      ['paramedic', 'paramedics-in-primary-care'],
      ['the research channel', 'research'],
      ['practise nursing', 'practice-nursing'],
      ['mentorng', 'mentoring'],
      ['physician associate', 'physician-associates'],
    ] as const) {
      const r = resolve(text);
      assert.equal(r.kind === 'found' && r.channel.id, id, `${text} → ${JSON.stringify(r.kind === 'ambiguous' ? ids(r.choices) : r.kind)}`);
    }
  });

  it('asks when several channels match equally', () => {
    const r = resolve('practice');
    assert.equal(r.kind, 'ambiguous');
    assert.ok(r.kind === 'ambiguous' && ['advanced-practice', 'practice-managers', 'practice-nursing'].every((id) => ids(r.choices).includes(id)));
    const n = resolve('associates');
    assert.equal(n.kind === 'ambiguous' && ids(n.choices).sort().join(), 'nurse-associates,physician-associates');
  });

  it('suggests the nearest names when nothing matches', () => {
    const r = resolve('basket weaving');
    assert.equal(r.kind, 'unknown');
    assert.equal(r.kind === 'unknown' && r.nearest.length, 3);
    assert.equal(nearestChannels(channels, 'wellbing cafe club', 1)[0].id, 'wellbeing');
    assert.deepEqual(resolve('   '), { kind: 'unknown', nearest: [] });
  });
});

describe('directory search', () => {
  it('matches name, purpose and profession words, best first', () => {
    assert.equal(ids(searchChannels(channels, 'paramedics'))[0], 'paramedics-in-primary-care');
    assert.ok(ids(searchChannels(channels, 'nurse')).includes('practice-nursing'));
    assert.deepEqual(ids(searchChannels(channels, 'revalidation')), ['practice-nursing'], 'purpose words');
    assert.ok(ids(searchChannels(channels, 'pharmacy technician')).includes('clinical-pharmacists'), 'profession names');
    assert.deepEqual(ids(searchChannels(channels, 'west kent fellowship')), ['gpn-fellowship']);
    assert.deepEqual(searchChannels(channels, 'qqqq'), []);
    assert.equal(searchChannels(channels, '').length, 15);
    assert.equal(searchChannels(channels, 'the channels').length, 15, 'filler words are ignored');
  });
});

describe('channel rules', () => {
  const actor = (roles: Actor['roles'], guest = false): Actor => ({ id: 'u1', name: 'U', guest, roles });
  const west = channels.find((c) => c.id === 'gpn-fellowship')!;
  const all = channels.find((c) => c.id === 'research')!;

  it('coordinators manage their hub’s channels and every all-Kent & Medway channel', () => {
    assert.equal(coordinatesChannel(actor([{ role: 'coordinator', hubs: ['east-kent'] }]), west), false);
    assert.equal(coordinatesChannel(actor([{ role: 'coordinator', hubs: ['west-kent'] }]), west), true);
    assert.equal(coordinatesChannel(actor([{ role: 'coordinator', hubs: ['east-kent'] }]), all), true);
    assert.equal(coordinatesChannel(actor([{ role: 'organiser', hubs: ['kent-medway'] }]), all), false);
    assert.equal(canSeeMembers(actor([{ role: 'coordinator', hubs: ['kent-medway'] }], true), all), false, 'guests never see member lists');
  });

  it('validates purpose and guidelines', () => {
    assert.deepEqual(readChannelText({ purpose: '  A good purpose here ' }), { purpose: 'A good purpose here' });
    assert.deepEqual(readChannelText({ guidelines: '' }), { guidelines: '' });
    for (const bad of [{ purpose: 'short' }, { purpose: 5 }, { guidelines: 'x'.repeat(2001) }, {}]) assert.throws(() => readChannelText(bad), AppError);
  });
});

describe('proposals', () => {
  const ok = { name: 'Menopause Care', purpose: 'Supporting staff through the menopause.', hub: 'North Kent', professions: 'practice-nurse, GP' };

  it('reads a valid proposal', () => {
    const p = readProposal(ok);
    assert.equal(p.hub, 'north-kent');
    assert.deepEqual(p.professions, ['practice-nurse', 'gp']);
    assert.equal(p.channelType, 'standard');
    assert.deepEqual(readProposal({ ...ok, leadIds: 'a1, b2', channelType: 'private' }).proposedLeadIds, ['a1', 'b2']);
  });

  it('refuses names Teams would refuse, and bad fields', () => {
    for (const bad of [{ name: 'ab' }, { name: 'x'.repeat(51) }, { name: 'a#b' }, { name: '_hidden' }, { name: 'dots.' }, { purpose: 'short' }, { hub: 'mars' }, { professions: 'astronaut' }, { professions: { a: 1 } }, { channelType: 'secret' }, { leadIds: ['a/b'] }]) {
      assert.throws(() => readProposal({ ...ok, ...bad }), AppError, JSON.stringify(bad));
    }
    assert.throws(() => readIdList(Array.from({ length: 11 }, (_, i) => `id${i}`)), AppError);
  });

  it('makes slugs for channel ids', () => {
    assert.equal(slugify('Menopause Care!'), 'menopause-care');
    assert.equal(slugify('Diabetes & Endocrine'), 'diabetes-and-endocrine');
    assert.equal(slugify('Café Société'), 'cafe-societe');
    assert.equal(slugify('!!!'), 'channel');
  });
});

describe('deep links and Graph throttling', () => {
  it('links a Teams channel with its thread id, group and tenant; else the tab', () => {
    const c = { ...channels[0], teamsChannelId: '19:abc@thread.tacv2', teamId: 'g-1' };
    const link = channelLink(c, { tenantId: 't-1', publicUrl: 'http://127.0.0.1:3978' });
    assert.equal(link.url, 'https://teams.microsoft.com/l/channel/19%3Aabc%40thread.tacv2/Advanced%20Practice?groupId=g-1&tenantId=t-1');
    assert.equal(link.inTeams, true);
    const local = channelLink({ ...c, teamsChannelId: undefined }, { publicUrl: 'http://127.0.0.1:3978' });
    assert.deepEqual(local, { url: 'http://127.0.0.1:3978/tab/channels?channel=advanced-practice', inTeams: false });
  });

  it('reads Retry-After as seconds or a date', () => {
    assert.equal(retryAfterSeconds('7'), 7);
    assert.equal(retryAfterSeconds(null), undefined);
    assert.equal(retryAfterSeconds(new Date(Date.now() + 30_000).toUTCString()), 30);
    assert.equal(retryAfterSeconds('soon'), undefined);
  });

  it('keeps the Channel JSON to exactly the documented fields', () => {
    const json = channelJson({ ...channels[0], extra: 1 } as Channel);
    assert.deepEqual(Object.keys(json), ['id', 'name', 'shortName', 'purpose', 'guidelines', 'hub', 'professions', 'leadIds', 'memberCount', 'approvalRequired', 'channelType', 'teamId', 'teamsChannelId']);
  });
});

describe('channel cards', () => {
  const entry = (my: 'member' | 'requested' | 'none' | 'unknown', approvalRequired = false) => ({
    id: 'x',
    name: 'X channel',
    purpose: 'P'.repeat(400),
    facts: 'All · Everyone · 3 members',
    leads: '',
    approvalRequired,
    nextEvents: my === 'none' ? [{ when: 'Tue 14 Jul 2026, 12:30–13:30', title: 'Session' }] : [],
    my,
  });

  it('are valid in every state', () => {
    const cards = [
      directoryCard({ query: '', entries: [entry('none'), entry('member'), entry('requested', true), entry('unknown', true)], page: 1, pageSize: 5, total: 12 }),
      directoryCard({ query: 'zz', entries: [], page: 1, pageSize: 5, total: 0, notice: 'Nothing' }),
      channelChoiceCard({ intro: 'Which?', channels: [{ id: 'a', name: 'A', purpose: 'p' }], verb: 'channel.join' }),
      channelChoiceCard({ intro: 'None', channels: [], verb: 'channel.leave' }),
      welcomeCard({ name: 'X', intro: 'i', purpose: 'p', guidelines: '', facts: [{ title: 'Hub', value: 'All' }], nextEvents: [], help: 'h', link: 'https://teams.microsoft.com/l/channel/x/y', openTitle: 'Open' }),
      welcomeCard({ name: 'X', intro: 'i', purpose: 'p', guidelines: 'g', facts: [], nextEvents: [{ when: 'w', title: 't' }], help: 'h', link: 'http://127.0.0.1/tab/channels', openTitle: 'Open' }),
      myChannelsCard({ memberships: [], requests: [] }),
      myChannelsCard({ memberships: [{ id: 'a', name: 'A', purpose: 'p', lead: true, joined: 'today' }], requests: [{ id: 'b', name: 'B', purpose: 'p', requested: 'today' }] }),
      channelStatusCard('t', 'x'),
      editChannelCard({ channelId: 'a', name: 'A', purpose: 'p', guidelines: '' }),
      membersCard({ channelId: 'a', name: 'A', memberCount: 0, members: [], pending: [], shownLimit: 2 }),
      membersCard({ channelId: 'a', name: 'A', memberCount: 3, members: [1, 2, 3].map((n) => ({ userId: `u${n}`, name: `N${n}`, details: 'd' })), pending: [{ userId: 'p', name: 'P', details: 'Guest' }], shownLimit: 2 }),
      joinRequestCard({ channelId: 'a', channelName: 'A', requester: { userId: 'u', name: 'U', details: 'd' }, state: 'pending' }),
      joinRequestCard({ channelId: 'a', channelName: 'A', requester: { userId: 'u', name: 'U', details: 'd' }, state: 'approved', outcome: 'ok' }),
      proposalFormCard(),
      proposalReviewCard({ proposal: { id: 'p', name: 'N', purpose: 'P', hubName: 'H', professions: '', proposer: 'X', leads: 'X', channelType: 'Standard' }, state: 'pending' }),
      noticeCard('t', 'x', { title: 'b', verb: 'channel.directory', data: {} }),
    ];
    for (const [i, c] of cards.entries()) assert.deepEqual(checkCard(c, `card ${i}`), []);
    const directory = JSON.stringify(cards[0]);
    assert.ok(directory.includes('"verb":"channel.join"') && directory.includes('"verb":"channel.leave"') && directory.includes('Ask to join X channel'));
  });
});
