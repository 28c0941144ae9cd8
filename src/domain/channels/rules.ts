// Who may do what with a channel, and what its editable text may be. Pure rules.
import type { Actor } from '../people/person.js';
import type { Channel } from './channel.js';
import { hubCovers } from '../people/hubs.js';
import { hasRole } from '../people/authorisation.js';
import { forbidden, invalid } from '../errors.js';
import { cleanText } from '../text.js';

export const PURPOSE_MAX = 500;
export const GUIDELINES_MAX = 2000;
export const MAX_LEADS = 10;

/** Channel ids are slugs we made ourselves; anything else from outside is "no such channel". */
export const CHANNEL_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const isChannelId = (id: unknown): id is string => typeof id === 'string' && CHANNEL_ID.test(id);

export const isLead = (actor: Actor, channel: Channel): boolean => channel.leadIds.includes(actor.id);

/**
 * Coordinators manage the channels of the hubs they coordinate; an all-Kent & Medway channel
 * belongs to every hub, so any coordinator may manage it (and a kent-medway coordinator all).
 */
export function coordinatesChannel(actor: Actor, channel: Channel): boolean {
  return actor.roles.some((g) => g.role === 'coordinator' && g.hubs.some((h) => hubCovers(channel.hub, h)));
}

export const canEditChannel = (actor: Actor, channel: Channel) => isLead(actor, channel) || coordinatesChannel(actor, channel);

/** Leads and coordinators see a channel's members; guests never see member lists. */
export const canSeeMembers = (actor: Actor, channel: Channel) => !actor.guest && canEditChannel(actor, channel);

/** Whose decision a join request is: the channel's leads, else (no leads) its coordinators. */
export const canDecideRequest = (actor: Actor, channel: Channel) => canEditChannel(actor, channel);

export function requireEdit(actor: Actor, channel: Channel): void {
  if (!canEditChannel(actor, channel)) throw forbidden(`Only the leads of ${channel.name} (or a hub coordinator) can change it.`);
}

export function requireMembersView(actor: Actor, channel: Channel): void {
  if (actor.guest) throw forbidden('Guests cannot see member lists.');
  if (!canEditChannel(actor, channel)) throw forbidden(`Only the leads of ${channel.name} and hub coordinators can see its members.`);
}

export function requireCoordinator(actor: Actor, channel: Channel, what: string): void {
  if (!coordinatesChannel(actor, channel)) throw forbidden(`Only a hub coordinator for ${channel.name} can ${what}.`);
}

/** True when someone may approve proposals or manage channels for `hub`. */
export const coordinatesHub = (actor: Actor, hub: Channel['hub']) => actor.roles.some((g) => g.role === 'coordinator' && g.hubs.some((h) => hubCovers(hub, h)));

export { hasRole };

/** Validates a lead's edit of purpose and guidelines; undefined fields stay as they are. */
export function readChannelText(input: { purpose?: unknown; guidelines?: unknown }): { purpose?: string; guidelines?: string } {
  const out: { purpose?: string; guidelines?: string } = {};
  if (input.purpose !== undefined) {
    const purpose = cleanText(input.purpose, PURPOSE_MAX);
    if (purpose === null) throw invalid(`The purpose must be text of at most ${PURPOSE_MAX} characters.`, { field: 'purpose' });
    if (purpose.length < 10) throw invalid('Give the channel a purpose of at least 10 characters.', { field: 'purpose' });
    out.purpose = purpose;
  }
  if (input.guidelines !== undefined) {
    const guidelines = cleanText(input.guidelines, GUIDELINES_MAX);
    if (guidelines === null) throw invalid(`The guidelines must be text of at most ${GUIDELINES_MAX} characters.`, { field: 'guidelines' });
    out.guidelines = guidelines;
  }
  if (out.purpose === undefined && out.guidelines === undefined) throw invalid('Send a purpose and/or guidelines to change.');
  return out;
}
