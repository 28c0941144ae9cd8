// What a command or card-action handler gets: the Teams turn, who is acting, and the services.
import type { Activity, TurnContext } from 'botbuilder';
import type { Actor } from '../domain/people/person.js';
import type { Services } from '../composition/index.js';
import type { Identity } from '../services/people.js';

export type ConversationScope = 'personal' | 'groupChat' | 'channel';

export interface BotTurn {
  context: TurnContext;
  actor: Actor;
  services: Services;
  scope: ConversationScope;
  /** Sends a new message into the conversation. */
  reply(message: Partial<Activity> | string): Promise<void>;
}

export function scopeOf(activity: Activity): ConversationScope {
  const t = activity.conversation?.conversationType;
  if (t === 'channel') return 'channel';
  if (t === 'groupChat') return 'groupChat';
  return 'personal';
}

/** Identity from a Teams activity: the Entra object id when Teams gives it. */
export function identityOf(activity: Activity): Identity {
  const from = activity.from as Activity['from'] & { userRole?: string; tenantId?: string };
  const channelData = (activity.channelData ?? {}) as { tenant?: { id?: unknown } };
  const tenantId = typeof channelData.tenant?.id === 'string' ? channelData.tenant.id : activity.conversation?.tenantId;
  return {
    id: from.aadObjectId || from.id,
    name: typeof from.name === 'string' ? from.name : '',
    tenantId: typeof tenantId === 'string' ? tenantId : undefined,
    guest: from.userRole === 'guest' || from.role === 'guest',
  };
}
