// Demo PLT events for `npm run dev`: the kinds of sessions the three hubs run (clinical updates,
// facilitation skills for group leads, CEF first steps, workforce planning, an eight-week
// mindfulness series, assessor/supervisor forums…) over the coming weeks, in person at Kent and
// Medway venues or online, some linked to channels, some full with a waitlist. Ids are fixed, so
// running the step again creates nothing twice.
import { DateTime } from 'luxon';
import type { Services } from '../composition/index.js';
import type { Actor } from '../domain/people/person.js';
import { LONDON } from '../domain/time/london.js';
import { DEMO_PEOPLE, type DemoPerson } from './people.js';

interface DemoEvent {
  id: string;
  /** Weeks from the coming Monday, weekday (1 = Monday), London start and end "HH:mm". */
  week: number;
  day: number;
  from: string;
  to: string;
  organiser: number;
  title: string;
  description: string;
  category: string;
  hub: string;
  professions?: string[];
  channelId?: string;
  location?: string;
  online?: boolean;
  capacity: number | null;
  repeat?: { repeat: 'weekly' | 'monthly'; repeatCount: number };
  /** Demo people (by number) who book, in order; beyond capacity they wait. */
  bookers?: number[];
}

const teamsLink = (slug: string) => `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${slug}%40thread.v2/0`;

export const DEMO_EVENTS: DemoEvent[] = [
  {
    id: 'demo-asthma-copd-update', week: 0, day: 3, from: '13:30', to: '16:30', organiser: 6, hub: 'east-kent', category: 'plt',
    title: 'Asthma and COPD clinical update',
    description: 'Inhaler technique, MART regimes and the joint BTS/NICE/SIGN asthma guideline; spirometry pitfalls and COPD reviews that change outcomes. Bring a tricky case.',
    professions: ['practice-nurse', 'advanced-nurse-practitioner', 'nurse-associate', 'hca', 'clinical-pharmacist'],
    location: 'Kent & Canterbury Hospital education centre, Ethelbert Road, Canterbury', capacity: 30, bookers: [15, 10, 29, 27],
  },
  {
    id: 'demo-facilitation-skills', week: 0, day: 4, from: '12:30', to: '14:00', organiser: 7, hub: 'kent-medway', category: 'facilitation-development',
    title: 'Facilitation skills for group leads',
    description: 'For channel leads running virtual Community of Practice sessions: opening well, holding silence, handling the dominant voice, and closing with actions. Small group, cameras on please.',
    channelId: 'mentoring', online: true, capacity: 6, bookers: [2, 5, 8, 10, 12, 15, 21, 25, 29],
  },
  {
    id: 'demo-cef-first-steps', week: 1, day: 2, from: '09:30', to: '12:30', organiser: 7, hub: 'west-kent', category: 'facilitation-development',
    title: 'CEF first steps: supporting learners in practice',
    description: 'Community Educator Facilitation for new practice educators and supervisors: the learner journey, setting objectives, feedback that lands, and where to get help.',
    professions: ['practice-nurse', 'advanced-nurse-practitioner', 'paramedic', 'clinical-pharmacist', 'gp'], channelId: 'cef-development',
    location: 'Oakwood House, Oakwood Park, Maidstone', capacity: 16, bookers: [25, 14, 20],
  },
  {
    id: 'demo-workforce-planning', week: 1, day: 3, from: '14:00', to: '16:00', organiser: 5, hub: 'north-kent', category: 'plt',
    title: 'Workforce planning for PCN managers',
    description: 'ARRS roles, workforce data and turning a PCN workforce plan into recruitment and retention. With case studies from Dartford, Gravesham and Swanley PCNs.',
    professions: ['practice-manager'], channelId: 'practice-managers',
    location: 'Medway Innovation Centre, Maidstone Road, Chatham', capacity: 25, bookers: [4, 22],
  },
  {
    id: 'demo-mindfulness', week: 1, day: 5, from: '12:30', to: '13:15', organiser: 7, hub: 'kent-medway', category: 'other',
    title: 'Mindfulness for busy clinicians (eight-week programme)',
    description: 'An eight-week mindfulness programme in lunchtime sessions: short practices you can use between patients. Join all eight if you can; each session stands alone too.',
    channelId: 'wellbeing', online: true, capacity: 4, repeat: { repeat: 'weekly', repeatCount: 8 }, bookers: [12, 26, 16, 9, 28, 13],
  },
  {
    id: 'demo-assessor-forum', week: 2, day: 2, from: '13:00', to: '15:00', organiser: 6, hub: 'east-kent', category: 'cop-session',
    title: 'Assessor and supervisor forum',
    description: 'Practice assessors and supervisors for nursing, paramedic and pharmacy learners: calibration of assessments, difficult conversations and updates from the universities.',
    location: 'Ashford Gateway Plus, Church Road, Ashford', capacity: 20, bookers: [29, 3],
  },
  {
    id: 'demo-paramedic-minor-illness', week: 2, day: 3, from: '09:00', to: '12:00', organiser: 7, hub: 'kent-medway', category: 'cop-session',
    title: 'Paramedics in primary care: minor illness case review',
    description: 'Case-based learning on paediatric fever, sore throat and UTI in primary care, with safety-netting that stands up.',
    professions: ['paramedic'], channelId: 'paramedics-in-primary-care', online: true, capacity: 20, bookers: [8, 19],
  },
  {
    id: 'demo-menopause-webinar', week: 2, day: 4, from: '12:30', to: '13:30', organiser: 7, hub: 'kent-medway', category: 'webinar',
    title: 'Menopause and HRT: what is new',
    description: 'A lunchtime webinar on HRT prescribing, supply issues and the menopause review. Recorded for those who cannot attend live.',
    online: true, capacity: null, bookers: [5, 11, 15, 25],
  },
  {
    id: 'demo-immunisations', week: 3, day: 3, from: '13:30', to: '16:30', organiser: 2, hub: 'west-kent', category: 'plt',
    title: 'Childhood immunisations update',
    description: 'Schedule changes, catch-up plans, cold chain and conversations with hesitant parents.',
    professions: ['practice-nurse', 'nurse-associate', 'hca'], channelId: 'practice-nursing',
    location: 'Kent Event Centre, Detling, Maidstone', capacity: 40, bookers: [25, 28],
  },
  {
    id: 'demo-smr-masterclass', week: 3, day: 4, from: '14:00', to: '17:00', organiser: 5, hub: 'north-kent', category: 'plt',
    title: 'Structured medication reviews masterclass',
    description: 'Shared decision-making in SMRs, deprescribing in frailty and the anticholinergic burden. For PCN clinical pharmacists and pharmacy technicians.',
    professions: ['clinical-pharmacist', 'pharmacy-technician'], channelId: 'clinical-pharmacists',
    location: 'The Historic Dockyard Chatham, Chatham', capacity: 5, bookers: [30, 13, 6, 20, 1, 9, 14],
  },
  {
    id: 'demo-first-five', week: 4, day: 2, from: '18:30', to: '20:00', organiser: 3, hub: 'east-kent', category: 'cop-session',
    title: 'First Five peer session: portfolio careers',
    description: 'For GPs and nurses in their first five years: building a portfolio career without burning out. Informal, confidential, bring your questions.',
    professions: ['gp', 'practice-nurse'], channelId: 'first-five', online: true, capacity: 15, bookers: [17],
  },
  {
    id: 'demo-diabetes-foot', week: 4, day: 3, from: '09:30', to: '12:30', organiser: 4, hub: 'north-kent', category: 'plt',
    title: 'Diabetes foot checks for healthcare assistants',
    description: 'Hands-on annual foot check training with risk stratification and when to refer. Includes a competency sign-off.',
    professions: ['hca', 'nurse-associate'], location: 'Gravesend Civic Centre, Windmill Street, Gravesend', capacity: 12, bookers: [16, 21],
  },
  {
    id: 'demo-social-prescribing', week: 5, day: 3, from: '10:00', to: '12:00', organiser: 6, hub: 'east-kent', category: 'cop-session',
    title: 'Social prescribing: local services showcase',
    description: 'Meet the Thanet, Canterbury and Ashford services people are referred to, and share what works.',
    professions: ['social-prescriber'], channelId: 'social-prescribing', location: 'Margate Winter Gardens, Fort Crescent, Margate', capacity: 35, bookers: [12],
  },
  {
    id: 'demo-anp-case-review', week: 1, day: 2, from: '12:30', to: '13:30', organiser: 7, hub: 'kent-medway', category: 'cop-session',
    title: 'Advanced practice case review',
    description: 'Monthly case review for advanced clinical practitioners: one case, one framework capability, one learning point each.',
    professions: ['advanced-nurse-practitioner', 'paramedic', 'clinical-pharmacist', 'physiotherapist'], channelId: 'advanced-practice',
    online: true, capacity: 25, repeat: { repeat: 'monthly', repeatCount: 3 }, bookers: [2, 18, 29],
  },
  {
    id: 'demo-sepsis-update', week: 5, day: 4, from: '13:30', to: '16:30', organiser: 2, hub: 'west-kent', category: 'plt',
    title: 'Recognising the deteriorating patient and sepsis',
    description: 'NEWS2 in primary care, sepsis red flags on the phone and at the door, and a simulation scenario.',
    location: 'Tunbridge Wells Town Hall, Mount Pleasant Road, Royal Tunbridge Wells', capacity: 24, bookers: [14, 19, 11],
  },
  {
    id: 'demo-care-navigation', week: 6, day: 2, from: '13:00', to: '15:00', organiser: 5, hub: 'north-kent', category: 'plt',
    title: 'Care navigation: signposting with confidence',
    description: 'For reception and care navigation teams: scripts, pharmacy first and self-referral pathways, and dealing with difficult calls.',
    professions: ['hca', 'practice-manager', 'other'], channelId: 'care-navigation', location: 'Dartford Library, Central Park, Dartford', capacity: 30,
  },
  {
    id: 'demo-research-started', week: 6, day: 4, from: '12:30', to: '13:30', organiser: 7, hub: 'kent-medway', category: 'webinar',
    title: 'Research in primary care: getting started',
    description: 'How practices join studies, what the research team does, and writing up a quality improvement project.',
    channelId: 'research', online: true, capacity: null, bookers: [11, 14],
  },
];

const actorOf = (p: DemoPerson): Actor => ({ id: p.id, name: p.name, guest: false, roles: p.roles ?? [] });

/** The Monday starting next week, London time (so every demo event is still to come). */
function nextMonday(now: Date): DateTime {
  return DateTime.fromJSDate(now).setZone(LONDON).startOf('week').plus({ weeks: 1 });
}

export async function seedEvents(services: Services): Promise<void> {
  const monday = nextMonday(services.clock.now());
  for (const d of DEMO_EVENTS) {
    const day = monday.plus({ weeks: d.week, days: d.day - 1 }).toISODate();
    const organiser = actorOf(DEMO_PEOPLE[d.organiser - 1]);
    const input: Record<string, unknown> = {
      title: d.title,
      description: d.description,
      category: d.category,
      hub: d.hub,
      professions: d.professions ?? [],
      channelId: d.channelId && (await services.channels.get(d.channelId)) ? d.channelId : undefined,
      date: day,
      startTime: d.from,
      endTime: d.to,
      location: d.location,
      onlineMeetingUrl: d.online ? teamsLink(d.id) : undefined,
      capacity: d.capacity,
      ...(d.repeat ?? {}),
    };
    await services.events.create(organiser, input, { id: (_f, i) => (d.repeat ? `${d.id}-${i + 1}` : d.id) });
    const first = d.repeat ? `${d.id}-1` : d.id;
    for (const n of d.bookers ?? []) await services.events.signUp(actorOf(DEMO_PEOPLE[n - 1]), first);
  }
}
