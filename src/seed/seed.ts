// Demo data for `npm run dev`: written once per store (a marker row written last), and idempotent,
// so two instances starting together or an interrupted start do no harm. Each area adds a step.
import type { Services } from '../composition/index.js';
import { DEMO_PEOPLE } from './people.js';
import { DEMO_CHANNELS } from './channels.js';
import { seedChannelMembers } from './channelMembers.js';
import { seedFacilitation } from './facilitation.js';
import { seedEvents } from './events.js';
import { seedPastEvents } from './pastEvents.js';

export const SEED_MARKER = 'seed:demo:v1';

export type SeedStep = (services: Services) => Promise<void>;

const seedPeople: SeedStep = async ({ profiles, roles, persons, clock }) => {
  for (const person of DEMO_PEOPLE) {
    await persons.save({ userId: person.id, name: person.name, guest: false, lastSeenAt: clock.now() });
    if (!person.noProfile && !(await profiles.get(person.id))) {
      await profiles.save({
        userId: person.id,
        name: person.name,
        guest: false,
        profession: person.profession,
        hub: person.hub,
        pcn: person.pcn,
        organisation: person.organisation,
        updatedAt: clock.now(),
      });
    }
    if (person.roles) await roles.set(person.id, person.roles);
  }
};

const seedChannels: SeedStep = async ({ channels }) => {
  for (const channel of DEMO_CHANNELS) await channels.create({ ...channel, memberCount: 0 });
};

export const SEED_STEPS: SeedStep[] = [seedPeople, seedChannels, seedChannelMembers, seedEvents, seedPastEvents, seedFacilitation];

export async function seedDemoData(services: Services, steps: SeedStep[] = SEED_STEPS): Promise<boolean> {
  if (await services.meta.get(SEED_MARKER)) return false;
  for (const step of steps) await step(services);
  await services.meta.set(SEED_MARKER, services.clock.now().toISOString());
  return true;
}
