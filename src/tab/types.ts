// Shapes of the HTTP API (interfaces.md), as the tab sees them.
export type Hub = 'north-kent' | 'west-kent' | 'east-kent' | 'kent-medway';

export const HUB_NAMES: Record<Hub, string> = {
  'north-kent': 'North Kent (including Medway)',
  'west-kent': 'West Kent',
  'east-kent': 'East Kent',
  'kent-medway': 'All of Kent & Medway',
};

export const PROFESSION_NAMES: Record<string, string> = {
  'advanced-nurse-practitioner': 'Advanced nurse practitioner',
  'practice-nurse': 'Practice nurse',
  'nurse-associate': 'Nurse associate',
  hca: 'Healthcare assistant (HCA)',
  paramedic: 'Paramedic',
  'clinical-pharmacist': 'Clinical pharmacist',
  'pharmacy-technician': 'Pharmacy technician',
  'physician-associate': 'Physician associate',
  physiotherapist: 'Physiotherapist',
  'social-prescriber': 'Social prescriber',
  gp: 'GP',
  'practice-manager': 'Practice manager',
  other: 'Other',
};

export interface RoleGrant {
  role: 'coordinator' | 'organiser';
  hubs: Hub[];
}

export interface Me {
  id: string;
  name: string;
  guest: boolean;
  profile: { profession: string; hub: Hub; pcn: string; organisation: string } | null;
  roles: RoleGrant[];
}

export interface ListResponse<T> {
  items: T[];
  next?: string;
}

export const hasRole = (me: Me | null, role: RoleGrant['role']) =>
  !!me?.roles.some((g) => g.role === role || (role === 'organiser' && g.role === 'coordinator'));
