// Shared set-up for facilitation tests: a channel with a lead, facilitators in the pool with their
// availability, and session times in the future on a given London weekday.
import { DateTime } from 'luxon';
import type { TestApp } from './testApp.js';
import { api } from './testApp.js';
import type { BotClient, TestPerson } from './botClient.js';
import type { Channel } from '../../src/domain/channels/channel.js';
import { newUserId } from './ids.js';

let channelCounter = 0;

export async function makeChannel(app: TestApp, leadIds: string[], overrides: Partial<Channel> = {}): Promise<Channel> {
  const n = ++channelCounter;
  const channel: Channel = {
    id: `test-channel-${n}-${Math.random().toString(36).slice(2, 8)}`,
    name: `Test Channel ${n}`,
    shortName: `test${n}`,
    purpose: 'Testing',
    guidelines: 'Be kind',
    hub: 'west-kent',
    professions: ['practice-nurse'],
    leadIds,
    memberCount: 0,
    approvalRequired: false,
    channelType: 'standard',
    ...overrides,
  };
  await app.services.channels.create(channel);
  return channel;
}

export const person = (name: string): TestPerson => ({ id: newUserId(), name });

/**
 * A London wall-clock session `weeksAhead` weeks from now on `weekday` (1 = Monday), as ISO
 * strings without offset (read as London time) and as instants.
 */
export function londonSession(weekday: number, from: string, to: string, weeksAhead = 2) {
  const base = DateTime.now().setZone('Europe/London').plus({ weeks: weeksAhead }).set({ weekday: weekday as 1 });
  const [fh, fm] = from.split(':').map(Number);
  const [th, tm] = to.split(':').map(Number);
  const s = base.set({ hour: fh, minute: fm, second: 0, millisecond: 0 });
  const e = base.set({ hour: th, minute: tm, second: 0, millisecond: 0 });
  return { start: s.toFormat("yyyy-MM-dd'T'HH:mm"), end: e.toFormat("yyyy-MM-dd'T'HH:mm"), startDate: s.toJSDate(), endDate: e.toJSDate(), date: s.toISODate() as string };
}

/** Adds `who` to the pool (as coordinator `coordinator`) and sets their profile (as themselves). */
export async function addFacilitator(app: TestApp, coordinator: string, who: TestPerson, profile: Record<string, unknown>, hubs: string[] = ['west-kent']): Promise<void> {
  const added = await api(app, '/api/facilitators', { method: 'POST', user: coordinator, body: { userId: who.id, hubs } });
  if (added.status !== 201 && added.status !== 200) throw new Error(`adding facilitator: ${added.status} ${added.text}`);
  const saved = await api(app, '/api/facilitators/me', { method: 'PUT', user: who.id, name: who.name, body: profile });
  if (saved.status !== 200) throw new Error(`saving facilitator: ${saved.status} ${saved.text}`);
}

/** Makes sure the bot can reach these people 1:1 (their conversation reference is stored). */
export async function greet(bot: BotClient, ...people: TestPerson[]): Promise<void> {
  for (const p of people) await bot.message(p, 'help');
}

/** The data of the first Action.Execute with `verb` in a card. */
export function actionData(card: unknown, verb: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown) => {
    if (found) return;
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Execute' && o.verb === verb) found = (o.data as Record<string, unknown>) ?? {};
      else Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** The URL of the card's "Add to calendar" button, if any. */
export function calendarLink(card: unknown): string | undefined {
  const actions = ((card as { actions?: { type: string; url?: string; title?: string }[] }).actions ?? []).filter((a) => a.type === 'Action.OpenUrl' && a.title === 'Add to calendar');
  return actions[0]?.url;
}

/** Fetches a calendar link from the test app (the card's URL carries PUBLIC_URL, not the test port). */
export async function fetchCalendar(app: TestApp, url: string): Promise<{ status: number; text: string; type: string | null }> {
  const path = new URL(url).pathname;
  const res = await fetch(app.url + path);
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
}
