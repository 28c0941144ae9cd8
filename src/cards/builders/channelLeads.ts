// Cards for channel leads and coordinators: edit purpose and guidelines, see members, decide join
// requests, propose a channel and review proposals, and the notices that go with them.
import { card, type CardJson } from '../render.js';
import { Verbs } from '../verbs.js';
import { PROFESSIONS, PROFESSION_NAMES } from '../../domain/people/professions.js';
import { HUBS, HUB_NAMES } from '../../domain/people/hubs.js';
import { PURPOSE_MAX, GUIDELINES_MAX } from '../../domain/channels/rules.js';
import { NAME_MAX } from '../../domain/channels/proposal.js';

const heading = (text: string) => ({ type: 'TextBlock', text, size: 'Medium', weight: 'Bolder', wrap: true, style: 'heading' });
const line = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text, wrap: true, ...extra });
const statusLines = (status?: string, error?: string) => [
  ...(status ? [line(status, { color: 'Good', weight: 'Bolder' })] : []),
  ...(error ? [line(error, { color: 'Attention' })] : []),
];

export function editChannelCard(input: { channelId: string; name: string; purpose: string; guidelines: string; status?: string }): CardJson {
  return card(
    [
      heading(`Edit ${input.name}`),
      line('What people see in the directory and in their welcome.', { isSubtle: true }),
      ...statusLines(input.status),
      { type: 'Input.Text', id: 'purpose', label: 'Purpose', isMultiline: true, isRequired: true, errorMessage: 'Give the channel a purpose', maxLength: PURPOSE_MAX, value: input.purpose },
      { type: 'Input.Text', id: 'guidelines', label: 'Guidelines', isMultiline: true, maxLength: GUIDELINES_MAX, value: input.guidelines },
    ],
    [{ type: 'Action.Execute', title: 'Save changes', verb: Verbs.channelUpdate, associatedInputs: 'auto', style: 'positive', data: { channelId: input.channelId } }],
    `Edit ${input.name}: purpose and guidelines.`,
  );
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

export function proposalFormCard(input: { status?: string; error?: string; values?: Record<string, string> } = {}): CardJson {
  const v = input.values ?? {};
  return card(
    [
      heading('Propose a new channel'),
      line('Start a Community of Practice when a need appears. A hub coordinator reviews each proposal; once approved the channel is created and you become its lead.', { isSubtle: true }),
      ...statusLines(input.status, input.error),
      { type: 'Input.Text', id: 'name', label: 'Channel name', isRequired: true, errorMessage: 'Give the channel a name', maxLength: NAME_MAX, placeholder: 'e.g. Menopause Care', value: v.name ?? '' },
      { type: 'Input.Text', id: 'purpose', label: 'Purpose', isRequired: true, errorMessage: 'Describe what the channel is for', isMultiline: true, maxLength: PURPOSE_MAX, value: v.purpose ?? '' },
      {
        type: 'Input.ChoiceSet',
        id: 'hub',
        label: 'Hub',
        isRequired: true,
        errorMessage: 'Choose the hub',
        value: v.hub ?? 'kent-medway',
        choices: HUBS.map((h) => ({ title: HUB_NAMES[h], value: h })),
      },
      {
        type: 'Input.ChoiceSet',
        id: 'professions',
        label: 'Professions it serves',
        isMultiSelect: true,
        value: v.professions ?? '',
        choices: PROFESSIONS.map((p) => ({ title: PROFESSION_NAMES[p], value: p })),
      },
      {
        type: 'Input.ChoiceSet',
        id: 'channelType',
        label: 'Who can see it',
        value: v.channelType ?? 'standard',
        choices: [
          { title: 'Everyone in the Virtual Café (standard)', value: 'standard' },
          { title: 'Members only (private)', value: 'private' },
        ],
      },
      { type: 'Input.Text', id: 'leadIds', label: 'Other proposed leads (Entra object ids, comma separated; optional)', maxLength: 400, value: v.leadIds ?? '' },
    ],
    [{ type: 'Action.Execute', title: 'Send proposal', verb: Verbs.channelPropose, associatedInputs: 'auto', style: 'positive', data: {} }],
    'Propose a new channel: name, purpose, hub, professions and leads.',
  );
}

export interface ProposalView {
  id: string;
  name: string;
  purpose: string;
  hubName: string;
  professions: string;
  proposer: string;
  leads: string;
  channelType: string;
}

export function proposalReviewCard(input: { proposal: ProposalView; state: 'pending' | 'approved' | 'rejected'; outcome?: string; error?: string }): CardJson {
  const p = input.proposal;
  const body: unknown[] = [
    heading(`New channel proposed: ${p.name}`),
    line(p.purpose),
    {
      type: 'FactSet',
      facts: [
        { title: 'Hub', value: p.hubName },
        { title: 'Professions', value: p.professions || 'Everyone' },
        { title: 'Proposed by', value: p.proposer },
        { title: 'Leads', value: p.leads },
        { title: 'Type', value: p.channelType },
      ],
    },
    ...statusLines(input.outcome, input.error),
  ];
  const actions: unknown[] = [];
  if (input.state === 'pending') {
    body.push({ type: 'Input.Text', id: 'reason', label: 'Reason (required to reject; shown to the proposer)', isMultiline: true, maxLength: 500 });
    actions.push({ type: 'Action.Execute', title: 'Approve', verb: Verbs.channelProposalApprove, style: 'positive', associatedInputs: 'auto', data: { proposalId: p.id } });
    actions.push({ type: 'Action.Execute', title: 'Reject', verb: Verbs.channelProposalReject, style: 'destructive', associatedInputs: 'auto', data: { proposalId: p.id } });
  }
  return card(body, actions, `New channel proposed: ${p.name} (${p.hubName}) by ${p.proposer}.${input.outcome ? ' ' + input.outcome : ''}`);
}

/** A one-line notice with an optional button (to leads, requesters, proposers). */
export function noticeCard(title: string, text: string, button?: { title: string; verb: string; data: Record<string, unknown> }): CardJson {
  return card(
    [line(title, { weight: 'Bolder' }), line(text)],
    button ? [{ type: 'Action.Execute', title: button.title, verb: button.verb, data: button.data }] : [],
    `${title} ${text}`,
  );
}
