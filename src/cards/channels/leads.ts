// Cards for channel leads and coordinators: edit purpose and guidelines, see members, decide join
// requests (and what the bot says about each decision), and the one-line notice card.
import { card, type CardJson } from '../render.js';
import { markForm } from '../forms.js';
import { Verbs } from '../verbs.js';
import { PURPOSE_MAX, GUIDELINES_MAX } from '../../domain/channels/rules.js';
import type { JoinRequestStatus } from '../../domain/channels/membership.js';
import type { Channel } from '../../domain/channels/channel.js';
import type { MemberView } from '../../contracts/channels.js';

export const heading = (text: string) => ({ type: 'TextBlock', text, size: 'Medium', weight: 'Bolder', wrap: true, style: 'heading' });
export const line = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text, wrap: true, ...extra });
export const statusLines = (status?: string, error?: string) => [
  ...(status ? [line(status, { color: 'Good', weight: 'Bolder' })] : []),
  ...(error ? [line(error, { color: 'Attention' })] : []),
];

export function editChannelCard(input: { channelId: string; name: string; purpose: string; guidelines: string; status?: string }): CardJson {
  return markForm(card(
    [
      heading(`Edit ${input.name}`),
      line('What people see in the directory and in their welcome.', { isSubtle: true }),
      ...statusLines(input.status),
      { type: 'Input.Text', id: 'purpose', label: 'Purpose', isMultiline: true, isRequired: true, errorMessage: 'Give the channel a purpose', maxLength: PURPOSE_MAX, value: input.purpose },
      { type: 'Input.Text', id: 'guidelines', label: 'Guidelines', isMultiline: true, maxLength: GUIDELINES_MAX, value: input.guidelines },
    ],
    [{ type: 'Action.Execute', title: 'Save changes', verb: Verbs.channelUpdate, associatedInputs: 'auto', style: 'positive', data: { channelId: input.channelId } }],
    `Edit ${input.name}: purpose and guidelines.`,
  ), Verbs.channelUpdate);
}

export interface MemberLine {
  userId: string;
  name: string;
  /** "Practice nurse · Dartford Central PCN · Temple Hill Surgery", or "Guest" for guests. */
  details: string;
}

export function membersCard(input: { channelId: string; name: string; memberCount: number; members: MemberLine[]; pending: MemberLine[]; shownLimit: number }): CardJson {
  const body: unknown[] = [heading(`Members of ${input.name}`), line(`${input.memberCount} member${input.memberCount === 1 ? '' : 's'}.`, { isSubtle: true, spacing: 'None' })];
  if (input.pending.length) {
    body.push(line('Waiting for your decision', { weight: 'Bolder', spacing: 'Medium' }));
    for (const p of input.pending) {
      body.push({
        type: 'Container',
        items: [
          line(`${p.name} — ${p.details}`),
          {
            type: 'ActionSet',
            actions: [
              { type: 'Action.Execute', title: `Approve ${p.name}`, verb: Verbs.channelRequestApprove, style: 'positive', data: { channelId: input.channelId, userId: p.userId } },
              { type: 'Action.Execute', title: `Decline ${p.name}`, verb: Verbs.channelRequestDecline, data: { channelId: input.channelId, userId: p.userId } },
            ],
          },
        ],
      });
    }
  }
  if (input.members.length) {
    body.push({
      type: 'FactSet',
      spacing: 'Medium',
      facts: input.members.slice(0, input.shownLimit).map((m) => ({ title: m.name, value: m.details })),
    });
    if (input.members.length > input.shownLimit) body.push(line(`…and ${input.members.length - input.shownLimit} more. The Channels tab shows everyone.`, { isSubtle: true }));
  } else body.push(line('No members yet.'));
  return card(body, [], `Members of ${input.name}: ${input.members.map((m) => m.name).slice(0, 20).join(', ')}`);
}

/** How many members a members card lists (the tab shows everyone). */
const MEMBERS_SHOWN = 40;

/** The members card from what the channels service answers. */
export function membersCardOf(found: { channel: Pick<Channel, 'id' | 'name' | 'memberCount'>; members: MemberView[]; pending: MemberView[] }): CardJson {
  const lineOf = (m: MemberView): MemberLine => ({ userId: m.userId, name: m.name, details: m.details });
  return membersCard({
    channelId: found.channel.id,
    name: found.channel.name,
    memberCount: found.channel.memberCount,
    members: found.members.map(lineOf),
    pending: found.pending.map(lineOf),
    shownLimit: MEMBERS_SHOWN,
  });
}

export function joinRequestCard(input: {
  channelId: string;
  channelName: string;
  requester: MemberLine;
  state: 'pending' | 'approved' | 'declined';
  outcome?: string;
  error?: string;
}): CardJson {
  const body: unknown[] = [
    heading(`Request to join ${input.channelName}`),
    line(`${input.requester.name} would like to join.`),
    { type: 'FactSet', facts: [{ title: 'About them', value: input.requester.details }] },
    ...statusLines(input.outcome, input.error),
  ];
  const actions: unknown[] = [];
  if (input.state === 'pending') {
    body.push({ type: 'Input.Text', id: 'reason', label: 'Reason (shown to them if you decline)', maxLength: 500, isMultiline: true });
    const data = { channelId: input.channelId, userId: input.requester.userId };
    actions.push({ type: 'Action.Execute', title: 'Approve', verb: Verbs.channelRequestApprove, style: 'positive', data });
    actions.push({ type: 'Action.Execute', title: 'Decline', verb: Verbs.channelRequestDecline, associatedInputs: 'auto', data });
  }
  return card(body, actions, `${input.requester.name} asked to join ${input.channelName}.${input.outcome ? ' ' + input.outcome : ''}`);
}

/** A one-line notice with an optional button (to leads, requesters, proposers). */
export function noticeCard(title: string, text: string, button?: { title: string; verb: string; data: Record<string, unknown> }): CardJson {
  return card(
    [line(title, { weight: 'Bolder' }), line(text)],
    button ? [{ type: 'Action.Execute', title: button.title, verb: button.verb, data: button.data }] : [],
    `${title} ${text}`,
  );
}

/** What the lead who decided a join request reads on the request card afterwards. */
export function requestDecisionText(outcome: 'approved' | 'declined' | 'already-decided', requesterName: string, status: JoinRequestStatus): string {
  if (outcome === 'approved') return `Approved by you. ${requesterName} is now a member and has their welcome.`;
  if (outcome === 'declined') return `Declined by you. ${requesterName} has been told.`;
  return `This request was already ${status === 'approved' ? 'approved' : 'declined'}.`;
}
