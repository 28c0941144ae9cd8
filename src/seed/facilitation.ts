// Demo facilitation: twelve facilitators across the three hubs with different hours, skills and
// formats (one paused, one away, one working across all of Kent & Medway), a few past sessions for
// the dashboard, and requests in each state — offered, confirmed, escalated and cancelled.
// Made through the same use cases people use, so the demo data obeys the same rules; running it
// again changes nothing (the pool refuses duplicates, a channel slot holds one request).
import { DateTime } from 'luxon';
import type { Services } from '../composition/index.js';
import type { Actor } from '../domain/people/person.js';
import type { FacilitationRequest } from '../domain/facilitation/request.js';
import { LONDON } from '../domain/time/london.js';
import { DEMO_PEOPLE, PLAYGROUND_USER_ID } from './people.js';

const person = (n: number) => DEMO_PEOPLE[n - 1];
const actor = (n: number, roles: Actor['roles'] = []): Actor => ({ id: person(n).id, name: person(n).name, guest: false, roles });
const coordinator: Actor = { id: PLAYGROUND_USER_ID, name: 'Sam Okafor', guest: false, roles: [{ role: 'coordinator', hubs: ['kent-medway'] }] };

const weekdays = (from: string, to: string, days = ['mon', 'tue', 'wed', 'thu', 'fri']) => Object.fromEntries(days.map((d) => [`avail_${d}`, `${from}-${to}`]));

/** [demo person number, hubs, profile] */
const FACILITATORS: [number, string[], Record<string, unknown>][] = [
  [2, ['west-kent'], { skills: 'advanced-nurse-practitioner, practice-nurse, clinical supervision', formats: 'observe,co-facilitate,coach', ...weekdays('09:00', '17:00', ['tue', 'thu']), maxPerMonth: 3 }],
  [3, ['east-kent'], { skills: 'paramedic, urgent care, debriefing', formats: 'observe,co-facilitate', avail_mon: '12:00-14:00', avail_wed: '09:00-17:00', avail_fri: '09:00-13:00', maxPerMonth: 4 }],
  [7, ['west-kent', 'kent-medway'], { skills: 'advanced-nurse-practitioner, practice education, Balint groups', formats: 'co-facilitate,coach', ...weekdays('08:00', '18:00'), maxPerMonth: 6 }],
  [11, ['west-kent'], { skills: 'gp, research, quality improvement', formats: 'observe', avail_wed: '12:30-14:00', avail_thu: '18:00-20:00', maxPerMonth: 2 }],
  [13, ['north-kent'], { skills: 'pharmacy-technician, medicines optimisation', formats: 'observe,co-facilitate', ...weekdays('10:00', '16:00', ['mon', 'tue', 'wed']), maxPerMonth: 3 }],
  [14, ['west-kent'], { skills: 'physiotherapist, musculoskeletal, group exercise', formats: 'observe,coach', avail_tue: '12:00-14:00, 17:00-19:00', avail_thu: '12:00-14:00', maxPerMonth: 2 }],
  [18, ['north-kent'], { skills: 'advanced-nurse-practitioner, practice-nurse, frailty, wound care', formats: 'observe,co-facilitate,coach', ...weekdays('09:00', '17:00'), maxPerMonth: 4 }],
  [20, ['west-kent'], { skills: 'clinical-pharmacist, structured medication reviews', formats: 'co-facilitate', avail_mon: '13:00-17:00', avail_fri: '09:00-12:00', maxPerMonth: 2, paused: 'true' }],
  [23, ['east-kent'], { skills: 'physician-associate, supervision', formats: 'observe,coach', ...weekdays('09:00', '13:00'), maxPerMonth: 3 }],
  [24, ['north-kent'], { skills: 'gp, first five, mentoring', formats: 'observe,co-facilitate,coach', avail_tue: '12:00-14:00', avail_wed: '18:30-21:00', maxPerMonth: 2 }],
  [27, ['east-kent'], { skills: 'physiotherapist, wellbeing, mindfulness', formats: 'observe,co-facilitate', ...weekdays('09:00', '17:00', ['mon', 'tue', 'wed', 'thu']), maxPerMonth: 4 }],
  [30, ['north-kent', 'west-kent'], { skills: 'clinical-pharmacist, prescribing, asthma', formats: 'observe,co-facilitate,coach', ...weekdays('08:30', '17:30'), maxPerMonth: 5 }],
];

/** A London wall-clock time on the given weekday, `weeks` weeks from now (negative = the past). */
function londonTime(weeks: number, weekday: number, time: string): Date {
  const [h, m] = time.split(':').map(Number);
  return DateTime.now().setZone(LONDON).plus({ weeks }).set({ weekday: weekday as 1, hour: h, minute: m, second: 0, millisecond: 0 }).toJSDate();
}

const iso = (d: Date) => DateTime.fromJSDate(d).setZone(LONDON).toFormat("yyyy-MM-dd'T'HH:mm");

async function seedPool(services: Services): Promise<void> {
  const { pool } = services.facilitation;
  const awayFrom = DateTime.now().setZone(LONDON).plus({ weeks: 1 });
  await Promise.all(
    FACILITATORS.map(async ([n, hubs, profile]) => {
      if (await pool.get(person(n).id)) return;
      await pool.add(coordinator, { userId: person(n).id, hubs });
      const extra = n === 23 ? { away: `${awayFrom.toISODate()} to ${awayFrom.plus({ days: 13 }).toISODate()}` } : {};
      await pool.saveMine(actor(n), { ...profile, ...extra });
    }),
  );
}

/** Past confirmed sessions (load and time-to-confirm on the dashboard); written directly, as nobody can request the past. */
async function seedHistory(services: Services): Promise<void> {
  const store = services.facilitationStore;
  const past: [string, string, number, number, number, string][] = [
    // id, channelId, lead, facilitator, weeks ago, topic
    ['demo-past-1', 'practice-nursing', 5, 18, 3, 'Leg ulcer management'],
    ['demo-past-2', 'paramedics-in-primary-care', 8, 3, 5, 'Home visiting safety'],
    ['demo-past-3', 'cef-development', 7, 30, 7, 'Supporting learners on placement'],
    ['demo-past-4', 'advanced-practice', 29, 7, 9, 'Portfolio evidence'],
  ];
  await Promise.all(
    past.map(async ([id, channelId, leadN, facN, weeksAgo, topic]) => {
      const start = londonTime(-weeksAgo, 2, '12:30');
      const end = new Date(start.getTime() + 3_600_000);
      const createdAt = new Date(start.getTime() - 21 * 86_400_000);
      const confirmedAt = new Date(createdAt.getTime() + (6 + weeksAgo * 5) * 3_600_000);
      const request: FacilitationRequest = {
        id,
        channelId,
        hub: person(leadN).hub,
        leadId: person(leadN).id,
        start,
        end,
        format: 'observe',
        topic,
        notes: '',
        continuity: false,
        status: 'confirmed',
        facilitatorId: person(facN).id,
        offers: [{ offerId: `${id}-o1`, facilitatorId: person(facN).id, offeredAt: createdAt, expiresAt: new Date(createdAt.getTime() + 48 * 3_600_000), reasons: ['free Tue 12:30–13:30', 'matched by the demo'], outcome: 'accepted', decidedAt: confirmedAt }],
        candidates: [{ userId: person(facN).id, reasons: ['free Tue 12:30–13:30'] }],
        excluded: [],
        noMatchReasons: [],
        escalations: 0,
        sequence: 1,
        calendarTokens: [],
        createdAt,
        updatedAt: confirmedAt,
        confirmedAt,
      };
      await store.create(request);
    }),
  );
}

async function seedRequests(services: Services): Promise<void> {
  const { requests } = services.facilitation;
  const ask = (leadN: number, channelId: string, weeks: number, weekday: number, from: string, to: string, extra: Record<string, unknown>) =>
    requests.create(actor(leadN), { channelId, start: iso(londonTime(weeks, weekday, from)), end: iso(londonTime(weeks, weekday, to)), ...extra });

  // Offered: waiting for the facilitator's answer.
  await ask(5, 'practice-nursing', 2, 2, '12:30', '13:30', { format: 'observe', topic: 'Wound care case discussion', notes: 'About ten nurses, mostly new to practice.' });
  // Confirmed: offered and accepted.
  const confirmed = await ask(8, 'paramedics-in-primary-care', 3, 3, '13:00', '14:00', { format: 'co-facilitate', topic: 'Managing frailty on home visits', continuity: 'true' });
  const offer = confirmed.request.offers.find((o) => o.outcome === 'open');
  if (offer) {
    const f = DEMO_PEOPLE.find((p) => p.id === offer.facilitatorId);
    if (f) await requests.accept({ id: f.id, name: f.name, guest: false, roles: [] }, confirmed.request.id, offer.offerId, 'api');
  }
  // Escalated: nobody facilitates early on a Sunday.
  await ask(12, 'wellbeing', 2, 7, '07:00', '08:00', { format: 'observe', topic: 'Mindful start to the week' });
  // Cancelled by the lead.
  const cancelled = await ask(6, 'clinical-pharmacists', 4, 4, '12:30', '13:30', { format: 'coach', topic: 'Running an SMR clinic' });
  await requests.cancel(actor(6), cancelled.request.id);
}

/** The seed step (a SeedStep, listed in seed.ts). */
export async function seedFacilitation(services: Services): Promise<void> {
  await seedPool(services);
  await seedHistory(services);
  await seedRequests(services);
}
