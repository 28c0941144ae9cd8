// Invented people in the real shape of Kent & Medway primary care (no real staff names).
// Ids are fixed GUIDs so the Agents Playground config (.m365agentsplayground.yml) can use them.
import type { Hub } from '../domain/people/hubs.js';
import type { Profession } from '../domain/people/professions.js';
import type { GrantedRole } from '../domain/people/person.js';

export interface DemoPerson {
  id: string;
  name: string;
  profession: Profession;
  hub: Exclude<Hub, 'kent-medway'>;
  pcn: string;
  organisation: string;
  roles?: { role: GrantedRole; hubs: Hub[] }[];
  /** No profile yet: shows the "tell us about you" step on first join. */
  noProfile?: boolean;
}

/** The Playground's signed-in user: coordinator everywhere, no profile yet. */
export const PLAYGROUND_USER_ID = '6f1c2a7e-3b4d-4c5e-9f60-1a2b3c4d5e01';

const id = (n: number) => `6f1c2a7e-3b4d-4c5e-9f60-1a2b3c4d${(0x5e00 + n).toString(16)}`;

export const DEMO_PEOPLE: DemoPerson[] = [
  { id: PLAYGROUND_USER_ID, name: 'Sam Okafor', profession: 'practice-nurse', hub: 'west-kent', pcn: 'The Ridge PCN', organisation: 'Lenham Surgery', roles: [{ role: 'coordinator', hubs: ['kent-medway'] }], noProfile: true },
  { id: id(2), name: 'Priya Raman', profession: 'advanced-nurse-practitioner', hub: 'west-kent', pcn: 'The Ridge PCN', organisation: 'Bearsted Medical Practice', roles: [{ role: 'coordinator', hubs: ['west-kent'] }] },
  { id: id(3), name: 'Tom Hadley', profession: 'paramedic', hub: 'east-kent', pcn: 'Canterbury City PCN', organisation: 'Canterbury Health Centre', roles: [{ role: 'coordinator', hubs: ['east-kent'] }] },
  { id: id(4), name: 'Grace Mensah', profession: 'practice-manager', hub: 'north-kent', pcn: 'Gravesend Alliance PCN', organisation: 'Pelham Medical Practice', roles: [{ role: 'coordinator', hubs: ['north-kent'] }] },
  { id: id(5), name: 'Hannah Doyle', profession: 'practice-nurse', hub: 'north-kent', pcn: 'Dartford Central PCN', organisation: 'Temple Hill Surgery', roles: [{ role: 'organiser', hubs: ['north-kent'] }] },
  { id: id(6), name: 'Imran Siddiqui', profession: 'clinical-pharmacist', hub: 'east-kent', pcn: 'Whitstable PCN', organisation: 'Whitstable Medical Practice', roles: [{ role: 'organiser', hubs: ['east-kent'] }] },
  { id: id(7), name: 'Beth Carver', profession: 'advanced-nurse-practitioner', hub: 'west-kent', pcn: 'Tunbridge Wells PCN', organisation: 'Pembury Surgery', roles: [{ role: 'organiser', hubs: ['west-kent', 'kent-medway'] }] },
  { id: id(8), name: 'Owen Price', profession: 'paramedic', hub: 'north-kent', pcn: 'Rainham PCN', organisation: 'Rainham Healthy Living Centre' },
  { id: id(9), name: 'Aisha Bello', profession: 'physician-associate', hub: 'north-kent', pcn: 'Chatham Central PCN', organisation: 'Chatham Medical Centre' },
  { id: id(10), name: 'Lucy Fenwick', profession: 'nurse-associate', hub: 'east-kent', pcn: 'Folkestone Hythe and Rural PCN', organisation: 'Hythe Medical Centre' },
  { id: id(11), name: 'Daniel Kowalski', profession: 'gp', hub: 'west-kent', pcn: 'Sevenoaks PCN', organisation: 'Sevenoaks Medical Centre' },
  { id: id(12), name: 'Megan Lloyd', profession: 'social-prescriber', hub: 'east-kent', pcn: 'Ashford Rural PCN', organisation: 'Wye Surgery' },
  { id: id(13), name: 'Ravi Chandra', profession: 'pharmacy-technician', hub: 'north-kent', pcn: 'Sittingbourne PCN', organisation: 'Milton Regis Surgery' },
  { id: id(14), name: 'Chloe Barnes', profession: 'physiotherapist', hub: 'west-kent', pcn: 'Maidstone Central PCN', organisation: 'College Practice' },
  { id: id(15), name: 'Femi Adeyemi', profession: 'practice-nurse', hub: 'east-kent', pcn: 'Thanet Health PCN', organisation: 'Westgate Surgery' },
  { id: id(16), name: 'Kirsty McLean', profession: 'hca', hub: 'north-kent', pcn: 'Swanley PCN', organisation: 'Cedar Medical Practice' },
  { id: id(17), name: 'Jonah Whitaker', profession: 'gp', hub: 'east-kent', pcn: 'Faversham PCN', organisation: 'Faversham Health Centre' },
  { id: id(18), name: 'Sophie Turner-Hall', profession: 'advanced-nurse-practitioner', hub: 'north-kent', pcn: 'Garden City PCN', organisation: 'Swanscombe Health Centre' },
  { id: id(19), name: 'Marcus Reid', profession: 'paramedic', hub: 'west-kent', pcn: 'Tonbridge PCN', organisation: 'Warders Medical Centre' },
  { id: id(20), name: 'Nadia Haddad', profession: 'clinical-pharmacist', hub: 'west-kent', pcn: 'The Weald PCN', organisation: 'Cranbrook Surgery' },
  { id: id(21), name: 'Ella Goodwin', profession: 'nurse-associate', hub: 'north-kent', pcn: 'Strood PCN', organisation: 'Strood Medical Practice' },
  { id: id(22), name: 'Patrick Nolan', profession: 'practice-manager', hub: 'east-kent', pcn: 'Deal and Sandwich PCN', organisation: 'Balmoral Surgery' },
  { id: id(23), name: 'Zara Hussain', profession: 'physician-associate', hub: 'east-kent', pcn: 'Dover Town PCN', organisation: 'Buckland Medical Centre' },
  { id: id(24), name: 'George Ashby', profession: 'gp', hub: 'north-kent', pcn: 'LMN Care PCN', organisation: 'Meopham Medical Centre' },
  { id: id(25), name: 'Harriet Cole', profession: 'practice-nurse', hub: 'west-kent', pcn: 'The Ridge PCN', organisation: 'Headcorn Surgery' },
  { id: id(26), name: 'Yusuf Demir', profession: 'social-prescriber', hub: 'north-kent', pcn: 'Gravesend Central PCN', organisation: 'Gravesend Medical Centre' },
  { id: id(27), name: 'Amelia Frost', profession: 'physiotherapist', hub: 'east-kent', pcn: 'Canterbury City PCN', organisation: 'Old School Surgery' },
  { id: id(28), name: 'Callum Birch', profession: 'hca', hub: 'west-kent', pcn: 'Sevenoaks PCN', organisation: 'Amherst Medical Practice' },
  { id: id(29), name: 'Ruth Okonkwo', profession: 'advanced-nurse-practitioner', hub: 'east-kent', pcn: 'Ashford Rural PCN', organisation: 'Charing Surgery' },
  { id: id(30), name: 'Liam Gallagher-Reed', profession: 'clinical-pharmacist', hub: 'north-kent', pcn: 'Dartford Model PCN', organisation: 'Dartford Model Practice' },
];

/** Names and ids for the other Playground users (they appear in the Playground's user list). */
export const PLAYGROUND_USERS = DEMO_PEOPLE.slice(0, 6);
