// "my events": bookings and waitlist places with Cancel, and the CPD record from attended events
// as the person's regulator counts it (the latest period against its target, and the entries).
import { card, noTemplates, safe, type CardJson } from '../render.js';
import { linkTarget, markdown } from '../text.js';
import { Verbs } from '../verbs.js';
import type { MyRegistration } from '../../contracts/events.js';
import type { CpdRecord } from '../../domain/cpd/record.js';
import { cpdWords, periodDates, periodProgress } from '../cpd/words.js';
import { formatLondonDate } from '../../domain/time/london.js';
import { primaryAction, whenText, whereText } from './event.js';

export function myEventsCard(mine: MyRegistration[], cpd: CpdRecord, notice?: string): CardJson {
  const body: unknown[] = [];
  if (notice) body.push({ type: 'TextBlock', text: safe(notice), wrap: true, weight: 'Bolder', color: 'Good' });
  body.push({ type: 'TextBlock', text: 'My events', size: 'Medium', weight: 'Bolder', style: 'heading' });
  const upcoming = mine.filter((m) => m.event.status === 'scheduled');
  if (!upcoming.length) body.push({ type: 'TextBlock', text: 'You have no bookings coming up. Type “events” to find some.', wrap: true });
  for (const { event: v, inviteUrl } of upcoming.slice(0, 15)) {
    const state = v.myStatus === 'booked' ? 'Booked' : `Waitlist #${v.myWaitlistPosition}`;
    const actions: unknown[] = [];
    const primary = primaryAction(v, false, { view: 'mine' });
    if (primary && (v.state === 'booked' || v.state === 'waitlisted')) actions.push(primary);
    if (inviteUrl) actions.push({ type: 'Action.OpenUrl', title: 'Add to my calendar', url: inviteUrl });
    body.push({
      type: 'Container',
      separator: true,
      items: [
        { type: 'TextBlock', text: safe(v.title), weight: 'Bolder', wrap: true },
        { type: 'TextBlock', text: `${whenText(v)} · ${safe(whereText(v))}`, wrap: true, isSubtle: true, spacing: 'None' },
        { type: 'TextBlock', text: state, color: v.myStatus === 'booked' ? 'Good' : 'Accent', spacing: 'None' },
        ...(actions.length ? [{ type: 'ActionSet', actions }] : []),
      ],
    });
  }
  const cancelled = mine.filter((m) => m.event.status === 'cancelled');
  if (cancelled.length) body.push({ type: 'TextBlock', text: `Cancelled by the organiser: ${cancelled.map((m) => `${safe(m.event.title)} (${formatLondonDate(new Date(m.event.start))})`).join('; ')}`, wrap: true, color: 'Attention' });

  body.push({ type: 'TextBlock', text: cpdWords.heading(cpd.regulator), weight: 'Bolder', size: 'Medium', spacing: 'Large' });
  if (!cpd.entries.length) body.push({ type: 'TextBlock', text: cpdWords.none, wrap: true, isSubtle: true });
  else {
    const p = cpd.periods[0];
    body.push({ type: 'TextBlock', text: `${cpdWords.target(cpd.regulator)}.`, wrap: true, isSubtle: true, spacing: 'None' });
    body.push({ type: 'FactSet', facts: [{ title: periodDates(p), value: periodProgress(cpd.regulator, p) }] });
    body.push({
      type: 'FactSet',
      facts: cpd.entries.slice(0, 10).map((e) => ({
        title: formatLondonDate(e.start),
        value: `${safe(e.title)} — ${e.hours} h, ${e.method}${e.participatory ? ', participatory' : ''}${e.planned ? ', planned' : ''}; organiser ${safe(e.organiser)}; certificate ${e.certificateId}`,
      })),
    });
    body.push({ type: 'TextBlock', text: cpdWords.exportHint, wrap: true, isSubtle: true });
  }
  const fallback = upcoming.length ? `Your bookings: ${upcoming.map((m) => `${m.event.title} (${whenText(m.event)})`).join('; ')}` : 'You have no bookings coming up.';
  return noTemplates(card(body, [], fallback));
}

/**
 * Outlook on the web's "subscribe from web" page, filled in (the desktop and phone apps pick the
 * subscription up from the account). A calendar file link alone would only download a copy.
 */
export const outlookSubscribeUrl = (feedUrl: string, name: string) =>
  `https://outlook.office.com/owa/?path=/calendar/action/compose&rru=addsubscription&url=${encodeURIComponent(feedUrl)}&name=${encodeURIComponent(name)}`;

export function calendarFeedCard(options: { feedUrl?: string; hubFeeds: { name: string; url: string }[]; notice?: string; personal: boolean }): CardJson {
  const body: unknown[] = [];
  if (options.notice) body.push({ type: 'TextBlock', text: safe(options.notice), wrap: true, weight: 'Bolder', color: 'Good' });
  body.push({ type: 'TextBlock', text: 'PLT calendars', size: 'Medium', weight: 'Bolder', style: 'heading' });
  if (options.personal) {
    if (options.feedUrl) {
      body.push(
        { type: 'TextBlock', text: 'Your private calendar of bookings: “Add to Outlook” subscribes to it, so new bookings appear by themselves. Keep the link to yourself: anyone with it sees your bookings.', wrap: true },
        // The address on a line of its own (to copy into another calendar app), and as a link.
        { type: 'TextBlock', text: options.feedUrl, wrap: true, fontType: 'Monospace' },
        { type: 'TextBlock', text: markdown`[Open the calendar file](${linkTarget(options.feedUrl)})`, wrap: true, spacing: 'Small' },
      );
    } else body.push({ type: 'TextBlock', text: 'Your private calendar link is turned off. Get a new one to subscribe again.', wrap: true });
  } else body.push({ type: 'TextBlock', text: 'Message me 1:1 and type “calendar” for your private calendar of bookings.', wrap: true });
  body.push({ type: 'TextBlock', text: 'Public calendars of all events by hub:', wrap: true, spacing: 'Medium' });
  body.push({
    type: 'FactSet',
    facts: options.hubFeeds.map((h) => ({ title: h.name, value: markdown`[Add to Outlook](${linkTarget(outlookSubscribeUrl(h.url, `PLT events: ${h.name}`))}) · [Calendar link](${linkTarget(h.url)})` })),
  });
  const actions: unknown[] = [];
  if (options.personal && options.feedUrl) actions.push({ type: 'Action.OpenUrl', title: 'Add to Outlook', url: outlookSubscribeUrl(options.feedUrl, 'My PLT bookings') });
  if (options.personal) {
    actions.push({ type: 'Action.Execute', title: options.feedUrl ? 'Get a new link (the old one stops working)' : 'Get a new link', verb: Verbs.calendarReset, data: {} });
    if (options.feedUrl) actions.push({ type: 'Action.Execute', title: 'Turn off my link', verb: Verbs.calendarRevoke, data: {} });
  }
  return noTemplates(card(body, actions, options.feedUrl ? `Your private calendar link: ${options.feedUrl}` : 'PLT calendars by hub'));
}
