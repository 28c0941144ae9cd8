// The Virtual Café's Communities of Practice as reported (15 channels), invented leads.
import { createHash } from 'node:crypto';
import type { Channel } from '../domain/channels/channel.js';
import { DEMO_PEOPLE } from './people.js';

/** The demo Virtual Café team (the Agents Playground's team, .m365agentsplayground.yml). */
export const DEMO_TEAM_ID = '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a';

/** A stable Teams-style channel thread id for a demo channel, so welcomes carry a real-shaped deep link. */
const demoThreadId = (id: string) => `19:${createHash('sha256').update(id).digest('hex').slice(0, 32)}@thread.tacv2`;

const lead = (n: number) => DEMO_PEOPLE[n - 1].id;

type Seed = Omit<Channel, 'memberCount'>;

const CHANNELS: Seed[] = [
  {
    id: 'advanced-practice', name: 'Advanced Practice', shortName: 'anp', hub: 'kent-medway',
    purpose: 'Peer support for advanced clinical practitioners in primary care: case discussion, the multi-professional framework, portfolios and supervision.',
    guidelines: 'Keep cases anonymous. Be kind, be curious. Share resources, not patient data. Sessions on the first Tuesday of the month, 12:30–13:30.',
    professions: ['advanced-nurse-practitioner', 'paramedic', 'clinical-pharmacist', 'physiotherapist'], leadIds: [lead(2), lead(29)],
    approvalRequired: false, channelType: 'standard',
  },
  {
    id: 'practice-nursing', name: 'Practice Nursing', shortName: 'practice-nurses', hub: 'kent-medway',
    purpose: 'A space for general practice nurses to share clinical updates, revalidation tips and good practice across Kent & Medway.',
    guidelines: 'No patient-identifiable information. Questions welcome at any level. Please tag posts with a topic, e.g. [immunisations].',
    professions: ['practice-nurse', 'nurse-associate', 'hca'], leadIds: [lead(5), lead(15)],
    approvalRequired: false, channelType: 'standard',
  },
  {
    id: 'paramedics-in-primary-care', name: 'Paramedics in Primary Care', shortName: 'paramedics', hub: 'kent-medway',
    purpose: 'For paramedics working in PCNs: home visiting, urgent care, supervision and moving into advanced practice.',
    guidelines: 'Respect confidentiality. Share learning from incidents without identifying anyone.',
    professions: ['paramedic'], leadIds: [lead(8), lead(19)],
    approvalRequired: false, channelType: 'standard',
  },
  {
    id: 'clinical-pharmacists', name: 'Clinical Pharmacists', shortName: 'pharmacists', hub: 'kent-medway',
    purpose: 'Clinical pharmacists and pharmacy technicians in PCNs: structured medication reviews, CPPE pathway support and prescribing updates.',
    guidelines: 'Cite sources for prescribing advice. No patient data.',
    professions: ['clinical-pharmacist', 'pharmacy-technician'], leadIds: [lead(6), lead(20)],
    approvalRequired: false, channelType: 'standard',
  },
  {
    id: 'physician-associates', name: 'Physician Associates', shortName: 'pas', hub: 'kent-medway',
    purpose: 'Peer support and CPD for physician associates in general practice.',
    guidelines: 'Supportive and professional. Supervision questions welcome.',
    professions: ['physician-associate'], leadIds: [lead(9)],
    approvalRequired: false, channelType: 'standard',
  },
  {
    id: 'nurse-associates', name: 'Nursing Associates', shortName: 'nursing-associates', hub: 'kent-medway',
    purpose: 'Trainee and registered nursing associates in primary care: apprenticeship support, proficiencies and careers.',
    guidelines: 'Ask anything. Be kind to people still in training.',
    professions: ['nurse-associate'], leadIds: [lead(10), lead(21)],
    approvalRequired: false, channelType: 'standard',
  },
  {
    id: 'cef-development', name: 'CEF Development', shortName: 'cef', hub: 'kent-medway',
    purpose: 'Community Educator Facilitation: for practice educators and supervisors supporting learners in primary care placements.',
    guidelines: 'Share placement resources freely. Learner details stay private.',
    professions: ['practice-nurse', 'advanced-nurse-practitioner', 'paramedic', 'clinical-pharmacist', 'gp', 'other'], leadIds: [lead(7)],
    approvalRequired: false, channelType: 'standard',
  },
  {
    id: 'first-five', name: 'First Five', shortName: 'first-five', hub: 'east-kent',
    purpose: 'New to practice GPs and nurses in their first five years: peer support, careers and wellbeing.',
    guidelines: 'What is said in the group stays in the group.',
    professions: ['gp', 'practice-nurse'], leadIds: [lead(17)],
    approvalRequired: false, channelType: 'private',
  },
  {
    id: 'mentoring', name: 'Mentoring and Critical Friends', shortName: 'mentoring', hub: 'kent-medway',
    purpose: 'The bank of multi-professional Critical Friends and mentors: matching, supervision of mentors and shared practice.',
    guidelines: 'Mentoring conversations are confidential. Approval needed: a lead will confirm your place.',
    professions: [], leadIds: [lead(3), lead(2)],
    approvalRequired: true, channelType: 'private',
  },
  {
    id: 'wellbeing', name: 'Wellbeing Café', shortName: 'wellbeing', hub: 'kent-medway',
    purpose: 'A friendly space to look after ourselves and each other: mindfulness, resilience and signposting to support.',
    guidelines: 'Be gentle. If you are struggling, the pinned post lists where to get help today.',
    professions: [], leadIds: [lead(12), lead(26)],
    approvalRequired: false, channelType: 'standard',
  },
  {
    id: 'practice-managers', name: 'Practice Managers', shortName: 'practice-managers', hub: 'kent-medway',
    purpose: 'Practice and PCN managers sharing workforce planning, ARRS recruitment and operational know-how.',
    guidelines: 'No commercial advertising. Templates and policies welcome.',
    professions: ['practice-manager'], leadIds: [lead(22), lead(4)],
    approvalRequired: false, channelType: 'standard',
  },
  {
    id: 'social-prescribing', name: 'Social Prescribing', shortName: 'social-prescribing', hub: 'kent-medway',
    purpose: 'Social prescribing link workers and health and wellbeing coaches: local services, case learning and supervision.',
    guidelines: 'Keep people anonymous. Share local services with their area.',
    professions: ['social-prescriber'], leadIds: [lead(12)],
    approvalRequired: false, channelType: 'standard',
  },
  {
    id: 'care-navigation', name: 'Care Navigation', shortName: 'care-navigation', hub: 'north-kent',
    purpose: 'Reception and care navigation teams in North Kent and Medway: signposting, scripts and training.',
    guidelines: 'Share what works. No patient details.',
    professions: ['hca', 'practice-manager', 'other'], leadIds: [lead(16)],
    approvalRequired: false, channelType: 'standard',
  },
  {
    id: 'gpn-fellowship', name: 'GP Nurse Fellowship', shortName: 'gpn-fellowship', hub: 'west-kent',
    purpose: 'For nurses on the GP nurse fellowship programme: mentoring, projects and peer review.',
    guidelines: 'For current fellows and their mentors. A lead approves each request to join.',
    professions: ['practice-nurse', 'nurse-associate'], leadIds: [lead(25)],
    approvalRequired: true, channelType: 'private',
  },
  {
    id: 'research', name: 'Research in Primary Care', shortName: 'research', hub: 'kent-medway',
    purpose: 'Getting involved in research and quality improvement: study recruitment, audit and writing up.',
    guidelines: 'Share protocols and results; ask before sharing unpublished work.',
    professions: [], leadIds: [lead(11), lead(14)],
    approvalRequired: false, channelType: 'standard',
  },
];

export const DEMO_CHANNELS: Seed[] = CHANNELS.map((c) => ({ ...c, teamId: DEMO_TEAM_ID, teamsChannelId: demoThreadId(c.id) }));
