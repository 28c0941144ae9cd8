// The Microsoft 365 Agents Playground (offline, loopback, our demo users) chatting with the bot:
// the same path `npm run dev` gives a person.
import { strict as assert } from 'node:assert';
import { startTestApp, type TestApp } from '../helpers/testApp.js';
import { startPlayground, type Playground } from '../../scripts/playground.js';
import { freePort } from '../../src/storage/azurite.js';
import { PlaygroundClient } from '../helpers/playgroundClient.js';
import { cardText } from '../helpers/botClient.js';
import { cardProblems } from '../helpers/cards.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('Agents Playground against the bot', function () {
  this.timeout(90_000);
  let app: TestApp;
  let playground: Playground;
  let client: PlaygroundClient;

  before(async () => {
    app = await startTestApp({ SEED_DEMO: 'true' });
    const logDir = mkdtempSync(join(tmpdir(), 'vc-playground-'));
    playground = await startPlayground(`${app.url}/api/messages`, await freePort(), { logFile: join(logDir, 'playground.log') });
    client = new PlaygroundClient(playground.url);
    await client.connect();
  });
  after(async () => {
    client?.close();
    await playground?.stop();
    await app?.close();
  });

  it('listens on loopback only', async () => {
    const { execFileSync } = await import('node:child_process');
    let listing = '';
    try {
      listing = execFileSync('ss', ['-ltnH', `sport = :${playground.port}`]).toString();
    } catch {
      return; // ss not available: nothing to check with
    }
    assert.match(listing, /127\.0\.0\.1:/);
    assert.doesNotMatch(listing, /(0\.0\.0\.0|\*|\[::\]):\d+/);
  });

  it('answers help with a valid card', async () => {
    const reply = await client.say('help');
    const card = reply.attachments?.[0]?.content;
    assert.ok(card, 'a card');
    assert.deepEqual(cardProblems(card), []);
    assert.match(cardText(card), /Everyone/);
  });

  it('runs a card action through the playground', async () => {
    const reply = await client.say('profile');
    const before = client.received.length;
    const res = await client.execute(reply.messageId, 'profile.save', { profession: 'practice-nurse', hub: 'west-kent', pcn: 'The Ridge PCN', organisation: 'Lenham Surgery' });
    assert.equal(res.status, 200);
    const profile = await app.services.profiles.get(client.config.currentUser.aadObjectId);
    assert.equal(profile?.organisation, 'Lenham Surgery');
    assert.ok(client.received.length >= before);
  });
});
