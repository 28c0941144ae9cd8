// New-channel proposals: the form anyone fills in, the review card coordinators decide on, and
// what the proposer, the proposed leads and the coordinators are told.
import { card, type CardJson } from '../render.js';
import { Verbs } from '../verbs.js';
import type { OutboundMessage } from '../../domain/ports.js';
import type { Channel } from '../../domain/channels/channel.js';
import { NAME_MAX, type ChannelProposal } from '../../domain/channels/proposal.js';
import { PURPOSE_MAX } from '../../domain/channels/rules.js';
import { PROFESSIONS, PROFESSION_NAMES } from '../../domain/people/professions.js';
import { HUBS, HUB_NAMES } from '../../domain/people/hubs.js';
import type { UserId } from '../../domain/people/person.js';
import type { Welcome } from '../../contracts/channels.js';
import { heading, line, noticeCard, statusLines } from './leads.js';
import { welcomeChannelCard } from './welcome.js';
import { peopleInput } from '../people/choices.js';

export function proposalFormCard(input: { status?: string; error?: string; values?: Record<string, string>; leads?: { id: UserId; name: string }[] } = {}): CardJson {
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
      // Chosen by name as people type (Teams' typeahead, dataset "people"): nobody types an id.
      peopleInput({ id: 'leadIds', label: 'Other proposed leads (optional)', placeholder: 'Type a name', multiple: true, chosen: input.leads }),
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

/** The proposal in words for its review card, with people's names. */
export function proposalView(p: ChannelProposal, names: ReadonlyMap<UserId, string>): ProposalView {
  const proposer = p.proposerId ? (names.get(p.proposerId) ?? 'Unknown person') : 'Someone (erased)';
  return {
    id: p.id,
    name: p.name,
    purpose: p.purpose,
    hubName: HUB_NAMES[p.hub] ?? p.hub,
    professions: p.professions.map((x) => PROFESSION_NAMES[x] ?? x).join(', '),
    proposer,
    leads: [proposer, ...p.proposedLeadIds.map((id) => names.get(id) ?? 'Unknown person')].join(', '),
    channelType: p.channelType === 'standard' ? 'Standard (everyone in the team)' : p.channelType === 'private' ? 'Private (members only)' : 'Shared',
  };
}

/** To each coordinator of the proposal's hub. */
export const proposalNotice = (view: ProposalView): OutboundMessage => ({ text: `${view.proposer} proposed a new channel: ${view.name}.`, card: proposalReviewCard({ proposal: view, state: 'pending' }) });

/** To the proposer when a coordinator rejects it. */
export function proposalRejectedNotice(name: string, reason: string): OutboundMessage {
  const text = `Your proposal for a “${name}” channel was not approved. The coordinator said: “${reason}”`;
  return { text, card: noticeCard('Channel proposal', text) };
}

/** To the proposer when it is approved: the new channel's welcome. */
export const proposalApprovedNotice = (welcome: Welcome): OutboundMessage => ({ text: `Your proposal was approved: ${welcome.channel.name} is ready and you are its lead.`, card: welcomeChannelCard(welcome) });

/** To each other proposed lead of the approved channel. */
export function proposedLeadNotice(channel: Pick<Channel, 'id' | 'name'>): OutboundMessage {
  const text = `You are a proposed lead of the new channel ${channel.name}, which has just been approved.`;
  return { text, card: noticeCard(`You lead ${channel.name}`, text, { title: `Edit ${channel.name}`, verb: Verbs.channelEdit, data: { channelId: channel.id } }) };
}

/** What the coordinator who acted reads on the review card afterwards. */
export const proposalDecisionText = {
  approved: (channel: Pick<Channel, 'name' | 'leadIds'>, view: ProposalView) => `Approved by you. ${channel.name} is ready, with ${view.leads} as ${channel.leadIds.length === 1 ? 'lead' : 'leads'}.`,
  rejected: 'Rejected by you. The proposer has been told why.',
  already(p: Pick<ChannelProposal, 'status' | 'reason'>, by: string): string {
    if (p.status === 'approved') return `Already approved by ${by}. The channel is ready.`;
    if (p.status === 'rejected') return `Already rejected by ${by}${p.reason ? `: “${p.reason}”` : '.'}`;
    return 'Another coordinator is approving it right now.';
  },
};
