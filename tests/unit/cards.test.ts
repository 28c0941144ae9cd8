// Cards: every template's verbs have handlers, and the cards parse cleanly in the adaptivecards
// library. (Every card the bot sends in e2e tests is checked the same way by tests/helpers/rootHooks.ts.)
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';
import { ALL_VERBS } from '../../src/cards/verbs.js';
import { cardProblems } from '../helpers/cards.js';
import { cardVerbs } from '../helpers/botClient.js';
import { handledVerbs } from '../helpers/verbs.js';
import { checkCard } from '../helpers/rootHooks.js';
import { buildHelpCard } from '../../src/teams/commands/help.js';
import { allCommands } from '../../src/teams/commands/index.js';
import { profileCard } from '../../src/cards/people/profile.js';

describe('cards', () => {
  const cardsDir = join(projectRoot(), 'src', 'cards');

  it('every verb a template carries has a card-action handler', () => {
    const handled = handledVerbs();
    const templates = readdirSync(cardsDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
    assert.ok(templates.length >= 10, `templates found under src/cards: ${templates.length}`);
    for (const file of templates) {
      const template = JSON.parse(readFileSync(join(cardsDir, file), 'utf8'));
      for (const verb of cardVerbs(template)) assert.ok(handled.has(verb), `${file}: verb "${verb}" has no handler`);
    }
  });

  it('every handled verb is in the shared verb list', () => {
    for (const verb of handledVerbs()) assert.ok((ALL_VERBS as readonly string[]).includes(verb), verb);
  });

  it('the checker catches a card with an unknown verb and bad elements', () => {
    const bad = { type: 'AdaptiveCard', version: '1.5', fallbackText: 'x', body: [{ type: 'Nonsense' }], actions: [{ type: 'Action.Execute', verb: 'not.handled', title: 'x' }] };
    const problems = checkCard(bad, 'test');
    assert.ok(problems.some((p) => p.includes('not.handled')));
    assert.ok(problems.some((p) => p.includes('Nonsense')));
  });

  for (const scope of ['personal', 'groupChat', 'channel'] as const) {
    it(`the help card is valid (${scope})`, () => {
      const card = buildHelpCard(allCommands(), scope, 'I didn’t recognise “x”.');
      assert.deepEqual(cardProblems(card), []);
    });
  }

  it('the profile card is valid empty, filled and with an error', () => {
    assert.deepEqual(cardProblems(profileCard({ profile: null })), []);
    const filled = profileCard({ profile: { profession: 'gp', hub: 'east-kent', pcn: 'Faversham PCN', organisation: 'Faversham Health Centre' }, status: 'Saved', saveData: { then: 'x' } });
    assert.deepEqual(cardProblems(filled), []);
    // The form's mark rides along (cards/forms.ts): a refusal redraws this card rather than a silent 400.
    assert.deepEqual((filled.actions as { data: unknown }[])[0].data, { then: 'x', fromForm: true });
    assert.deepEqual(cardProblems(profileCard({ profile: null, error: 'Choose a hub' })), []);
  });
});

describe('card checker', () => {
  it('flags a value left as a template expression, not text that merely contains "${"', () => {
    const base = { type: 'AdaptiveCard', version: '1.5', fallbackText: 'x' };
    assert.ok(cardProblems({ ...base, body: [{ type: 'TextBlock', text: '${purpose}' }] }).some((p) => p.includes('template expressions')));
    assert.deepEqual(cardProblems({ ...base, body: [{ type: 'TextBlock', text: 'I didn’t recognise “${1+1}”.' }] }), []);
  });
});
