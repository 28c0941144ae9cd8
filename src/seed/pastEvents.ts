// Demo history for `npm run dev`: sessions of the past weeks with who booked, who came and what
// they said, so attendance, CPD records, certificates, feedback results and hub insights all have
// something to show at first start. Sam Okafor (the Playground user) came to three: one answered,
// one still to answer. Recorded as the app would have recorded them; ids are fixed, so running the
// step again changes nothing.
import { DateTime } from 'luxon';
import type { Services } from '../composition/index.js';
import type { Actor } from '../domain/people/person.js';
import type { Category, PltEvent } from '../domain/events/event.js';
import type { Hub } from '../domain/people/hubs.js';
import type { Profession } from '../domain/people/professions.js';
import { LONDON } from '../domain/time/london.js';
import { NO_MEETING } from '../domain/events/meeting.js';
import { DEMO_PEOPLE } from './people.js';

interface PastEvent {
  id: string;
  /** Weeks back from this week, weekday (1 = Monday), London "HH:mm". */
  weeksAgo: number;
  day: number;
  from: string;
  to: string;
  organiser: number;
  title: string;
  description: string;
  category: Category;
  hub: Hub;
  professions?: Profession[];
  capacity: number | null;
  location?: string;
  seriesId?: string;
  /** Demo people (by number) who booked; `late` booked two days before, the rest ten days. */
  booked: number[];
  late?: number[];
  /** Who came. */
  came: number[];
  /** [person, rating, useful, improve, reflection, Code theme] */
  feedback?: [number, number, string, string, string, string][];
}

const PAST: PastEvent[] = [
  {
    id: 'demo-past-asthma-review', weeksAgo: 3, day: 3, from: '13:30', to: '16:30', organiser: 6, hub: 'east-kent', category: 'plt',
    title: 'Asthma reviews that change outcomes',
    description: 'Inhaler technique, MART, and the asthma review as a conversation. With cases from Thanet and Canterbury practices.',
    professions: ['practice-nurse', 'nurse-associate', 'advanced-nurse-practitioner', 'hca'], capacity: 12, location: 'Kent & Canterbury Hospital education centre, Canterbury',
    booked: [1, 10, 15, 29, 27, 12, 22, 23, 17, 3], late: [17, 3], came: [1, 10, 15, 29, 27, 12, 23, 3],
    feedback: [
      [1, 5, 'Watching inhaler technique live, and the MART cases', 'More time on spirometry', 'I will check inhaler technique at every asthma review and use teach-back.', 'practise-effectively'],
      [10, 5, 'The personalised asthma action plans', '', 'Every review ends with an updated action plan the patient keeps.', 'prioritise-people'],
      [15, 4, 'Case discussion in small groups', 'The room was too warm', '', ''],
      [29, 4, '', 'Slides in advance please', 'Share the MART summary with our HCAs.', 'promote-professionalism'],
      [27, 3, 'Peak flow refresher', 'Too much content for one afternoon', '', ''],
    ],
  },
  {
    id: 'demo-past-facilitation-skills', weeksAgo: 2, day: 4, from: '12:30', to: '14:00', organiser: 7, hub: 'kent-medway', category: 'facilitation-development',
    title: 'Facilitation skills: holding a virtual group',
    description: 'For channel leads: opening well, handling silence and the dominant voice, and closing with actions.',
    capacity: 8, booked: [1, 2, 5, 8, 10, 12, 15, 21], came: [1, 2, 5, 8, 12, 21],
    feedback: [
      [2, 4, 'The breakout practice', '', 'I will open each session with a check-in round.', 'promote-professionalism'],
      [5, 5, 'Practical phrases for quieter members', 'Could be longer', '', ''],
      [8, 3, '', 'Audio dropped twice', '', ''],
      [21, 4, 'Feedback on my own facilitation', '', 'Ask the group to set the ground rules.', 'prioritise-people'],
    ],
  },
  {
    id: 'demo-past-smr', weeksAgo: 4, day: 2, from: '14:00', to: '17:00', organiser: 5, hub: 'north-kent', category: 'plt',
    title: 'Structured medication reviews in frailty',
    description: 'Deprescribing with patients and carers, the anticholinergic burden, and documenting shared decisions.',
    professions: ['clinical-pharmacist', 'pharmacy-technician'], capacity: 10, location: 'Medway Innovation Centre, Chatham',
    booked: [30, 13, 6, 20, 9, 16], late: [16], came: [30, 13, 6, 20],
    feedback: [
      [30, 5, 'The STOPP/START walk-through', '', 'Book longer SMR slots for patients on ten or more medicines.', 'preserve-safety'],
      [13, 4, 'Templates for recording decisions', 'More on technician roles', '', ''],
    ],
  },
  {
    id: 'demo-past-minor-illness', weeksAgo: 1, day: 3, from: '09:00', to: '12:00', organiser: 7, hub: 'west-kent', category: 'cop-session',
    title: 'Minor illness case review: fever and safety-netting',
    description: 'Case-based learning for paramedics, physiotherapists and nurses seeing same-day patients.',
    capacity: 16, location: 'Oakwood House, Oakwood Park, Maidstone',
    booked: [19, 8, 14, 27, 1, 25], came: [19, 8, 14, 1, 25],
    feedback: [
      [19, 4, 'Safety-netting scripts', '', 'Use the written safety-netting leaflet for every febrile child.', 'preserve-safety'],
      [14, 5, 'Peer discussion of real cases', 'Mix the tables more', '', ''],
    ],
  },
  ...[6, 5, 4].map((weeksAgo, i): PastEvent => ({
    id: `demo-past-mindfulness-${i + 1}`, weeksAgo, day: 5, from: '12:30', to: '13:15', organiser: 7, hub: 'kent-medway', category: 'other',
    title: 'Lunchtime mindfulness (past series)',
    description: 'Short practices to use between patients.', capacity: 10, seriesId: 'sdemo-past-mindfulness',
    booked: [12, 26, 16, 9, 28], came: i === 1 ? [12, 26, 16] : [12, 26, 16, 9],
    feedback: [
      [12, 5, 'A practice I can do in two minutes', '', '', ''],
      [26, i === 2 ? 3 : 4, '', i === 2 ? 'Hard to find a quiet room at lunchtime' : '', '', ''],
    ],
  })),
];

const person = (n: number) => DEMO_PEOPLE[n - 1];
const actorOf = (n: number): Actor => ({ id: person(n).id, name: person(n).name, guest: false, roles: person(n).roles ?? [] });

export async function seedPastEvents(services: Services): Promise<void> {
  const now = DateTime.fromJSDate(services.clock.now()).setZone(LONDON);
  for (const p of PAST) {
    const day = now.startOf('week').minus({ weeks: p.weeksAgo }).plus({ days: p.day - 1 });
    const at = (hhmm: string) => day.set({ hour: Number(hhmm.slice(0, 2)), minute: Number(hhmm.slice(3)), second: 0, millisecond: 0 });
    const start = at(p.from);
    const end = at(p.to);
    if (end > now) continue; // this week's, on a Monday: not over yet
    const organiser = person(p.organiser);
    const event: PltEvent = {
      teamsMeeting: false,
      meeting: NO_MEETING,
      id: p.id,
      title: p.title,
      description: p.description,
      category: p.category,
      hub: p.hub,
      professions: p.professions ?? [],
      capacity: p.capacity,
      ...(p.location ? { location: p.location } : { onlineMeetingUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${p.id}%40thread.v2/0` }),
      organiserId: organiser.id,
      organiserName: organiser.name,
      ...(p.seriesId ? { seriesId: p.seriesId } : {}),
      status: 'scheduled',
      sequence: 0,
      start: start.toJSDate(),
      end: end.toJSDate(),
      createdAt: start.minus({ weeks: 4 }).toJSDate(),
      updatedAt: start.minus({ weeks: 4 }).toJSDate(),
    };
    const came = new Set(p.came);
    const recorded = await services.events.recordPast(
      event,
      p.booked.map((n) => ({ userId: person(n).id, name: person(n).name, bookedAt: start.minus({ days: p.late?.includes(n) ? 2 : 10 }).toJSDate(), attended: came.has(n) })),
    );
    if (!recorded) continue;
    for (const [n, rating, useful, improve, practice, codeTheme] of p.feedback ?? []) {
      if (came.has(n)) await services.feedback.answer(actorOf(n), p.id, { rating, useful, improve, practice, codeTheme });
    }
  }
}
