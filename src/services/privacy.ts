// "My data" and "forget me": every area says what it holds about a person (PersonalDataHolder) and
// erases it. Areas erase first and people (profile, name, roles, 1:1 conversation) last, so an area
// can still look up what it needs while erasing.
import type { Actor, UserId } from '../domain/people/person.js';
import type { PersonalDataHolder } from '../domain/ports.js';
import type { Clock } from '../domain/ports.js';
import type { PersonalDataExport } from '../contracts/privacy.js';

export class PrivacyService {
  constructor(
    private readonly d: {
      /** Every area's holder of personal data. */
      holders: readonly PersonalDataHolder[];
      clock: Clock;
      /** Forgets what this process remembers of the person (the people service's cache). */
      afterErase: (userId: UserId) => void;
    },
  ) {}

  async export(actor: Actor): Promise<PersonalDataExport> {
    const entries = await Promise.all(this.d.holders.map(async (h) => [h.area, await h.export(actor.id)] as const));
    return {
      exportedAt: this.d.clock.now().toISOString(),
      person: { id: actor.id, name: actor.name, guest: actor.guest },
      data: Object.fromEntries(entries),
    };
  }

  async forget(actor: Actor): Promise<void> {
    const holders = this.d.holders;
    const people = holders.filter((h) => h.area === 'people');
    for (const holder of holders.filter((h) => h.area !== 'people')) await holder.erase(actor.id);
    for (const holder of people) await holder.erase(actor.id);
    this.d.afterErase(actor.id);
  }
}
