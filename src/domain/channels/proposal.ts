// A proposal for a new Community of Practice channel: anyone may propose; a coordinator of its hub
// approves (the channel is created and the proposer becomes a lead) or rejects with a reason.
import type { Hub } from '../people/hubs.js';
import type { Profession } from '../people/professions.js';
import type { UserId } from '../people/person.js';
import type { ChannelType } from './channel.js';
import { parseHub, HUBS } from '../people/hubs.js';
import { parseProfessionList } from '../people/professions.js';
import { isValidUserId } from '../people/person.js';
import { invalid } from '../errors.js';
import { cleanText } from '../text.js';
import { PURPOSE_MAX } from './rules.js';

/**
 * "approving" is a short-lived claim while the channel is being created: it makes the first
 * decision win when two coordinators click at once. Outside it reads as "pending".
 */
export type ProposalStatus = 'pending' | 'approving' | 'approved' | 'rejected';

export interface ChannelProposal {
  id: string;
  name: string;
  purpose: string;
  hub: Hub;
  professions: Profession[];
  proposerId: UserId;
  /** People the proposer suggests as leads besides themselves. */
  proposedLeadIds: UserId[];
  channelType: ChannelType;
  status: ProposalStatus;
  reason?: string;
  decidedBy?: UserId;
  decidedAt?: Date;
  createdAt: Date;
  /** The channel made on approval. */
  channelId?: string;
  /** While approving: who holds the claim and since when (a stale claim can be taken over). */
  claim?: { token: string; at: Date };
}

export const NAME_MAX = 50;
// Teams refuses these in channel names.
const TEAMS_FORBIDDEN = /[~#%&*{}+/\\:<>?|'"]/;

export interface ProposalInput {
  name: string;
  purpose: string;
  hub: Hub;
  professions: Profession[];
  proposedLeadIds: UserId[];
  channelType: ChannelType;
}

/** Validates the fields of `channel.propose` / POST /api/channel-proposals. */
export function readProposal(input: Record<string, unknown>): ProposalInput {
  const name = cleanText(input.name, NAME_MAX);
  if (name === null || name.length < 3) throw invalid(`Give the channel a name of 3 to ${NAME_MAX} characters.`, { field: 'name' });
  if (TEAMS_FORBIDDEN.test(name) || /^[_.]/.test(name) || /\.$/.test(name)) {
    throw invalid('Teams channel names cannot contain ~ # % & * { } + / \\ : < > ? | \' " or start with _ or .', { field: 'name' });
  }
  const purpose = cleanText(input.purpose, PURPOSE_MAX);
  if (purpose === null || purpose.length < 10) throw invalid(`Describe the channel's purpose in 10 to ${PURPOSE_MAX} characters.`, { field: 'purpose' });
  const hub = parseHub(input.hub);
  if (!hub) throw invalid(`Choose the hub: ${HUBS.join(', ')}.`, { field: 'hub' });
  if (input.professions !== undefined && typeof input.professions !== 'string' && !Array.isArray(input.professions)) {
    throw invalid('professions must be a comma list of profession codes.', { field: 'professions' });
  }
  const { professions, unknown } = parseProfessionList(input.professions ?? '');
  if (unknown.length) throw invalid(`Unknown profession "${unknown[0]}".`, { field: 'professions' });
  const leads = readIdList(input.leadIds);
  const type = input.channelType === undefined || input.channelType === '' ? 'standard' : input.channelType;
  if (type !== 'standard' && type !== 'private' && type !== 'shared') throw invalid('channelType must be standard, private or shared.', { field: 'channelType' });
  return { name, purpose, hub, professions, proposedLeadIds: leads, channelType: type };
}

/** A comma list or array of user ids (at most 10). */
export function readIdList(raw: unknown, field = 'leadIds'): UserId[] {
  if (raw === undefined || raw === null || raw === '') return [];
  const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[,;\s]+/) : null;
  if (!items) throw invalid(`${field} must be a list of user ids.`, { field });
  const ids: UserId[] = [];
  for (const item of items) {
    if (item === '') continue;
    if (typeof item !== 'string' || !isValidUserId(item.trim())) throw invalid(`${field} must be a list of user ids.`, { field });
    if (!ids.includes(item.trim())) ids.push(item.trim());
  }
  if (ids.length > 10) throw invalid(`At most 10 ${field === 'leadIds' ? 'leads' : 'people'}.`, { field });
  return ids;
}

/** A channel id made from a name: "Menopause Care!" → "menopause-care". */
export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return slug || 'channel';
}
