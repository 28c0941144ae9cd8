// Demo memberships so the directory looks like the real Virtual Café when it was reported on:
// 15 channels and about 210 members, most in one or two channels, practice nursing and advanced
// practice the largest, a few guests from other organisations. Everyone here is invented: the demo
// people of people.ts plus generated extra members (invented names in a real shape). Deterministic,
// so every `npm run dev` store looks the same; idempotent, so a rerun adds nothing twice.
import type { Services } from '../composition/index.js';
import type { Membership } from '../domain/channels/membership.js';
import type { Profession } from '../domain/people/professions.js';
import type { Hub } from '../domain/people/hubs.js';
import type { ChannelProposal } from '../domain/channels/proposal.js';
import { DEMO_PEOPLE, PLAYGROUND_USER_ID } from './people.js';
import { DEMO_CHANNELS } from './channels.js';
import { runLimited } from '../domain/async.js';

type TrainingHub = Exclude<Hub, 'kent-medway'>;

const FIRST = ['Abigail', 'Adam', 'Alice', 'Amir', 'Anna', 'Ben', 'Bethany', 'Carla', 'Charlotte', 'Chris', 'Claire', 'Dan', 'Deborah', 'Eleanor', 'Emily', 'Emma', 'Faye', 'Gemma', 'Hayley', 'Helen', 'Holly', 'Jade', 'James', 'Jasmine', 'Jenny', 'Joanne', 'Josh', 'Karen', 'Kate', 'Laura', 'Leah', 'Lisa', 'Louise', 'Maria', 'Mark', 'Michelle', 'Natalie', 'Nicola', 'Olivia', 'Paul', 'Rachel', 'Rebecca', 'Rosie', 'Sarah', 'Simon', 'Stacey', 'Tanya', 'Vicky', 'Will', 'Zoe', 'Adebola', 'Anjali', 'Chidi', 'Dariusz', 'Ewa', 'Kwame', 'Mei', 'Noor', 'Sanjay', 'Tendai'];
const LAST = ['Ashworth', 'Bailey', 'Barker', 'Bennett', 'Brooks', 'Carter', 'Chapman', 'Clarke', 'Dawson', 'Ellis', 'Fletcher', 'Foster', 'Gibson', 'Grant', 'Harding', 'Harper', 'Holmes', 'Hughes', 'Jarvis', 'Kemp', 'Knight', 'Lambert', 'Lawson', 'Mason', 'Mills', 'Morgan', 'Newman', 'Osei', 'Palmer', 'Parry', 'Pearce', 'Porter', 'Quinn', 'Rahman', 'Reeves', 'Rowe', 'Sharma', 'Shaw', 'Stone', 'Sutton', 'Thornton', 'Walsh', 'Ward', 'Webb', 'Wells', 'Yates', 'Okoro', 'Nowak', 'Patel', 'Begum'];

const PCNS: Record<TrainingHub, { pcn: string; places: string[] }[]> = {
  'north-kent': [
    { pcn: 'Dartford Central PCN', places: ['Temple Hill', 'Dartford West'] },
    { pcn: 'Dartford Model PCN', places: ['Dartford Model', 'Wilmington'] },
    { pcn: 'Garden City PCN', places: ['Swanscombe', 'Ebbsfleet'] },
    { pcn: 'Gravesend Alliance PCN', places: ['Pelham', 'Northfleet'] },
    { pcn: 'Gravesend Central PCN', places: ['Gravesend', 'Windmill Hill'] },
    { pcn: 'LMN Care PCN', places: ['Meopham', 'Longfield'] },
    { pcn: 'Swanley PCN', places: ['Swanley', 'Hextable'] },
    { pcn: 'Rainham PCN', places: ['Rainham', 'Parkwood'] },
    { pcn: 'Chatham Central PCN', places: ['Chatham', 'Luton Road'] },
    { pcn: 'Strood PCN', places: ['Strood', 'Hoo'] },
    { pcn: 'Sittingbourne PCN', places: ['Milton Regis', 'Sittingbourne'] },
    { pcn: 'Sheppey PCN', places: ['Sheerness', 'Minster'] },
  ],
  'west-kent': [
    { pcn: 'The Ridge PCN', places: ['Lenham', 'Bearsted', 'Headcorn', 'Sutton Valence'] },
    { pcn: 'Sevenoaks PCN', places: ['Sevenoaks', 'Otford'] },
    { pcn: 'Tonbridge PCN', places: ['Tonbridge', 'Hildenborough'] },
    { pcn: 'Tunbridge Wells PCN', places: ['Pembury', 'Southborough'] },
    { pcn: 'The Weald PCN', places: ['Cranbrook', 'Hawkhurst'] },
    { pcn: 'Maidstone Central PCN', places: ['Maidstone', 'Loose'] },
    { pcn: 'Malling PCN', places: ['West Malling', 'Kings Hill'] },
  ],
  'east-kent': [
    { pcn: 'Canterbury City PCN', places: ['Canterbury', 'Wincheap'] },
    { pcn: 'Whitstable PCN', places: ['Whitstable', 'Tankerton'] },
    { pcn: 'Faversham PCN', places: ['Faversham', 'Boughton'] },
    { pcn: 'Ashford Rural PCN', places: ['Wye', 'Charing'] },
    { pcn: 'Folkestone Hythe and Rural PCN', places: ['Hythe', 'Folkestone'] },
    { pcn: 'Deal and Sandwich PCN', places: ['Deal', 'Sandwich'] },
    { pcn: 'Dover Town PCN', places: ['Dover', 'River'] },
    { pcn: 'Thanet Health PCN', places: ['Westgate', 'Birchington'] },
    { pcn: 'Margate PCN', places: ['Margate', 'Cliftonville'] },
  ],
};
const PRACTICE = ['Surgery', 'Medical Centre', 'Health Centre', 'Medical Practice'];
const GUEST_ORGS = ['Kent Community Health NHS Foundation Trust', 'Medway Community Healthcare', 'Canterbury Christ Church University', 'South East Coast Ambulance Service', 'Kent and Medway Integrated Care Board', 'University of Kent'];

// How the invented members spread over professions (weights), roughly the additional-roles mix.
const PROFESSION_WEIGHTS: [Profession, number][] = [
  ['practice-nurse', 40],
  ['advanced-nurse-practitioner', 24],
  ['clinical-pharmacist', 15],
  ['pharmacy-technician', 5],
  ['paramedic', 13],
  ['physician-associate', 7],
  ['nurse-associate', 12],
  ['hca', 11],
  ['physiotherapist', 6],
  ['social-prescriber', 10],
  ['gp', 14],
  ['practice-manager', 15],
  ['other', 5],
];

/** A small deterministic random source (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoMember {
  id: string;
  name: string;
  profession: Profession;
  hub: TrainingHub;
  pcn: string;
  organisation: string;
  guest: boolean;
  tenantId?: string;
}

export const EXTRA_MEMBER_COUNT = 181;
const GUEST_TENANT = '0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a';
const extraId = (n: number) => `7a2e5c10-9d4b-4e21-8c3f-${n.toString(16).padStart(12, '0')}`;

/** The invented extra members (181, six of them guests). */
export function extraMembers(): DemoMember[] {
  const rnd = random(20240615);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const total = PROFESSION_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  const taken = new Set(DEMO_PEOPLE.map((p) => p.name));
  const people: DemoMember[] = [];
  for (let n = 1; people.length < EXTRA_MEMBER_COUNT; n++) {
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    if (taken.has(name)) continue;
    taken.add(name);
    let r = rnd() * total;
    const profession = PROFESSION_WEIGHTS.find(([, w]) => (r -= w) < 0)?.[0] ?? 'other';
    const hub = pick(['north-kent', 'north-kent', 'west-kent', 'east-kent', 'east-kent'] as const);
    const area = pick(PCNS[hub]);
    const guest = people.length % 30 === 29;
    people.push({
      id: extraId(n),
      name,
      profession,
      hub,
      pcn: guest ? '' : area.pcn,
      organisation: guest ? pick(GUEST_ORGS) : `${pick(area.places)} ${pick(PRACTICE)}`,
      guest,
      ...(guest ? { tenantId: GUEST_TENANT } : {}),
    });
  }
  return people;
}

/** Which channels someone is in: the one for their profession, sometimes one or two more. */
function channelsFor(profession: Profession, rnd: () => number): string[] {
  const primary: Record<Profession, string[]> = {
    'advanced-nurse-practitioner': ['advanced-practice'],
    'practice-nurse': ['practice-nursing'],
    'nurse-associate': ['nurse-associates'],
    hca: [rnd() < 0.5 ? 'practice-nursing' : 'care-navigation'],
    paramedic: ['paramedics-in-primary-care'],
    'clinical-pharmacist': ['clinical-pharmacists'],
    'pharmacy-technician': ['clinical-pharmacists'],
    'physician-associate': ['physician-associates'],
    physiotherapist: ['advanced-practice'],
    'social-prescriber': ['social-prescribing'],
    gp: [rnd() < 0.6 ? 'first-five' : 'research'],
    'practice-manager': ['practice-managers'],
    other: [rnd() < 0.5 ? 'wellbeing' : 'care-navigation'],
  };
  const out = new Set(primary[profession]);
  const maybe = (id: string, p: number) => rnd() < p && out.add(id);
  maybe('wellbeing', 0.17);
  maybe('cef-development', ['practice-nurse', 'advanced-nurse-practitioner', 'paramedic', 'clinical-pharmacist'].includes(profession) ? 0.12 : 0.03);
  maybe('mentoring', 0.06);
  maybe('research', 0.04);
  if (profession === 'practice-nurse' || profession === 'nurse-associate') maybe('gpn-fellowship', 0.06);
  if (profession === 'practice-nurse') maybe('first-five', 0.08);
  if (['paramedic', 'clinical-pharmacist', 'physiotherapist'].includes(profession)) maybe('advanced-practice', 0.3);
  if (profession === 'practice-manager' || profession === 'hca') maybe('care-navigation', 0.25);
  return [...out];
}

/** Every demo membership, by channel: the extra members, the demo people, and each channel's leads. */
export function demoMemberships(): Map<string, Membership[]> {
  const rnd = random(7);
  const now = Date.parse('2026-01-15T09:00:00Z');
  const byChannel = new Map<string, Membership[]>(DEMO_CHANNELS.map((c) => [c.id, []]));
  const add = (channelId: string, userId: string, guest: boolean) => {
    const list = byChannel.get(channelId);
    if (!list || list.some((m) => m.userId === userId)) return;
    // Joined some time in the programme's first eighteen months.
    list.push({ channelId, userId, guest, joinedAt: new Date(now - Math.floor(rnd() * 540) * 86_400_000) });
  };
  for (const channel of DEMO_CHANNELS) for (const lead of channel.leadIds) add(channel.id, lead, false);
  for (const p of DEMO_PEOPLE) if (p.id !== PLAYGROUND_USER_ID) for (const c of channelsFor(p.profession, rnd)) add(c, p.id, false);
  for (const p of extraMembers()) for (const c of channelsFor(p.profession, rnd)) add(c, p.id, p.guest);
  return byChannel;
}

export async function seedChannelMembers(services: Services): Promise<void> {
  const { persons, profiles, memberships, channelProposals, clock } = services;
  await runLimited(extraMembers(), 16, async (p) => {
    await persons.save({ userId: p.id, name: p.name, guest: p.guest, ...(p.tenantId ? { tenantId: p.tenantId } : {}), lastSeenAt: clock.now() });
    await profiles.save({ userId: p.id, name: p.name, guest: p.guest, ...(p.tenantId ? { tenantId: p.tenantId } : {}), profession: p.profession, hub: p.hub, pcn: p.pcn, organisation: p.organisation, updatedAt: clock.now() });
  });
  for (const [channelId, members] of demoMemberships()) await memberships.importMembers(channelId, members);

  // Something waiting for the leads and coordinators to look at.
  const requester = extraMembers().find((p) => !p.guest && p.profession === 'practice-nurse');
  if (requester && !(await memberships.getMember('mentoring', requester.id))) {
    await memberships.addRequest({ channelId: 'mentoring', userId: requester.id, guest: false, requestedAt: new Date(clock.now().getTime() - 2 * 86_400_000) });
  }
  const proposer = DEMO_PEOPLE.find((p) => p.name === 'Chloe Barnes');
  if (proposer && !(await channelProposals.get(DEMO_PROPOSAL.id))) await channelProposals.create({ ...DEMO_PROPOSAL, proposerId: proposer.id, createdAt: new Date(clock.now().getTime() - 86_400_000) });
}

const DEMO_PROPOSAL: ChannelProposal = {
  id: 'p-demo-a1b2c3',
  name: 'MSK First Contact Practitioners',
  purpose: 'For first contact physiotherapists in West Kent PCNs: case discussion, referral pathways and supervision.',
  hub: 'west-kent',
  professions: ['physiotherapist'],
  proposerId: '',
  proposedLeadIds: [],
  channelType: 'standard',
  status: 'pending',
  createdAt: new Date(0),
};
