// A person's mailbox from Teams: the Bot Framework's member details (TeamsInfo.getMember) carry it
// where activities never do. Asked once per person per process, only while the app has none on
// record, and never allowed to spoil or slow the action much (a short bound; failures ignored).
// Rosters show the mailbox to organisers, and a guest's Teams attendance is matched by it.
import { TeamsInfo } from 'botbuilder';
import type { BotTurn } from './turn.js';
import { errorSummary } from '../logging.js';

/** Who this app instance has asked about (by the services it runs, so test apps in one process stay apart). */
const askedBy = new WeakMap<object, Set<string>>();
const ASKED_LIMIT = 50_000;
const WAIT_MS = 3000;

export async function learnEmail(turn: BotTurn): Promise<void> {
  const { actor, context, services } = turn;
  const memberId = context.activity.from?.id;
  let asked = askedBy.get(services);
  if (!asked) askedBy.set(services, (asked = new Set()));
  if (!memberId || asked.has(actor.id)) return;
  if (asked.size >= ASKED_LIMIT) asked.clear();
  asked.add(actor.id);
  try {
    if (await services.people.hasEmail(actor.id)) return;
    const member = await Promise.race([TeamsInfo.getMember(context, memberId), new Promise<null>((resolve) => setTimeout(() => resolve(null), WAIT_MS).unref())]);
    const email = member?.email || member?.userPrincipalName;
    if (email) await services.people.recordEmail(actor.id, email);
  } catch (e) {
    services.logger.info({ err: errorSummary(e) }, 'member details not available');
  }
}
