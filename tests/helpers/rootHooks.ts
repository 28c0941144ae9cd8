// Root hooks for the whole run:
// - one Azurite per test process (in memory, free ports): the serial run has one, stopped at the
//   end; a parallel run (`mocha --parallel`, as `npm test` does) has one per worker, started on the
//   worker's first use and kept for its later files (each file isolates itself with its own table
//   prefix), ending with the worker (Azurite's child exits when its parent's stdin pipe closes);
// - after every test, every card the bot sent to a fake connector or returned from an invoke must
//   validate against the official Adaptive Card 1.5 JSON schema (ajv) and parse without errors in
//   the adaptivecards library, and every verb it carries must have a card-action handler. A test
//   that produces a bad card fails.
import { startAzurite, type EmbeddedAzurite } from '../../src/storage/azurite.js';
import { FakeConnector } from './fakeConnector.js';
import { cardProblems } from './cards.js';
import { cardVerbs } from './botClient.js';
import { handledVerbs } from './verbs.js';

let azurite: EmbeddedAzurite | undefined;
let starting: Promise<EmbeddedAzurite> | undefined;

/** The shared test Azurite, started on first use. */
export function sharedAzurite(): Promise<EmbeddedAzurite> {
  starting ??= startAzurite({ inMemory: true }).then((a) => (azurite = a));
  return starting;
}

export function checkCard(card: unknown, where: string): string[] {
  const verbs = handledVerbs();
  const problems = cardProblems(card).map((p) => `${where}: ${p}`);
  for (const verb of cardVerbs(card)) if (!verbs.has(verb)) problems.push(`${where}: verb "${verb}" has no handler`);
  return problems;
}

const cardFailures: string[] = [];

// Mocha's parallel workers carry MOCHA_WORKER_ID; there the root afterAll runs after each file.
const inParallelWorker = process.env.MOCHA_WORKER_ID !== undefined;

export const mochaHooks = {
  afterEach(this: Mocha.Context) {
    const title = this.currentTest?.fullTitle() ?? 'unknown test';
    for (const connector of FakeConnector.live) {
      const problems: string[] = [];
      for (const s of connector.sent.slice(connector.checked.sent)) {
        for (const a of s.activity.attachments ?? []) {
          if (a.contentType === 'application/vnd.microsoft.card.adaptive') problems.push(...checkCard(a.content, 'sent card'));
        }
      }
      for (const c of connector.returnedCards.slice(connector.checked.returned)) problems.push(...checkCard(c, 'invoke card'));
      connector.checked = { sent: connector.sent.length, returned: connector.returnedCards.length };
      for (const p of new Set(problems)) cardFailures.push(`${title} — ${p}`);
    }
  },
  async afterAll() {
    if (!inParallelWorker) await azurite?.stop();
    // Reported once at the end of the run, or of each file in a parallel worker (a failing
    // afterEach would skip every later test).
    const failures = cardFailures.splice(0);
    if (failures.length) throw new Error(`Cards with problems:\n${failures.slice(0, 50).join('\n')}`);
  },
};
