// The Teams app package: schema-valid manifest, commands that exist, real icons, placeholders that
// the env files define, and a zip that builds.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { buildAppPackage, envFor, fillTemplate, MANIFEST_PATH, placeholders, validateManifest } from '../../scripts/appPackage.js';
import { projectRoot } from '../../src/paths.js';
import { allCommands } from '../../src/teams/commands/index.js';
import { matchCommand } from '../../src/teams/commandRouter.js';

const SAMPLE = {
  TEAMS_APP_ID: '5b5e7a0e-1111-4222-8333-444444444444',
  BOT_ID: '6c6f8b1f-2222-4333-8444-555555555555',
  AAD_APP_CLIENT_ID: '7d7a9c2a-3333-4444-8555-666666666666',
  TAB_ENDPOINT: 'https://cafe.example.org',
  TAB_DOMAIN: 'cafe.example.org',
  APP_NAME_SUFFIX: '',
};

function pngSize(file: string): { width: number; height: number; colourType: number } {
  const buf = readFileSync(join(projectRoot(), 'appPackage', file));
  assert.equal(buf.subarray(1, 4).toString('ascii'), 'PNG', `${file} is a PNG`);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), colourType: buf[25] };
}

describe('Teams app manifest', () => {
  const template = readFileSync(MANIFEST_PATH(), 'utf8');
  const manifest = JSON.parse(fillTemplate(template, SAMPLE).text);

  it('validates against the official schema for its version', async () => {
    assert.ok(Number(manifest.manifestVersion) >= 1.22, 'schema 1.22 or later');
    assert.deepEqual(await validateManifest(manifest), []);
  });

  it('rejects a manifest that breaks the schema (the validator is live)', async () => {
    const broken = { ...manifest, accentColor: 'teal', bots: [{ ...manifest.bots[0], scopes: ['everywhere'] }] };
    assert.ok((await validateManifest(broken)).length >= 2);
  });

  it('declares the bot in personal, team and group chat, SSO, a static tab and a channel tab', () => {
    assert.deepEqual([...manifest.bots[0].scopes].sort(), ['groupChat', 'personal', 'team']);
    assert.equal(manifest.webApplicationInfo.id, SAMPLE.AAD_APP_CLIENT_ID);
    assert.equal(manifest.webApplicationInfo.resource, `api://${SAMPLE.TAB_DOMAIN}/${SAMPLE.AAD_APP_CLIENT_ID}`);
    assert.ok(manifest.staticTabs.some((t: { contentUrl?: string }) => t.contentUrl?.endsWith('/tab/calendar')));
    assert.ok(manifest.configurableTabs[0].configurationUrl.endsWith('/tab/config'));
  });

  it('lists only commands the bot has, as help shows them', () => {
    const commands = allCommands();
    for (const list of manifest.bots[0].commandLists) {
      assert.ok(list.commands.length <= 10, 'Teams allows 10 commands per list');
      for (const c of list.commands) {
        const match = matchCommand(commands, c.title);
        assert.equal(match.kind, 'command', `manifest command "${c.title}" is not a bot command`);
        assert.equal(match.kind === 'command' && match.command.name, c.title, `"${c.title}" is a command name, not an alias`);
      }
    }
  });

  it('offers the message extension on the bot: events and channels search with a query, described for Copilot, and unfurls tab links', () => {
    const [extension] = manifest.composeExtensions;
    assert.equal(extension.botId, SAMPLE.BOT_ID);
    assert.deepEqual(extension.commands.map((c: { id: string }) => c.id), ['events', 'channels']);
    for (const c of extension.commands) {
      assert.equal(c.type, 'query');
      assert.deepEqual(c.parameters.map((p: { name: string }) => p.name), ['query']);
      // Agent-ready: what it finds and when to use it, for Microsoft 365 Copilot, with sample prompts.
      assert.ok(c.semanticDescription.length > 200, `${c.id} has a semantic description`);
      assert.ok(c.parameters[0].semanticDescription.length > 50, `${c.id}'s query is described`);
      assert.ok(c.samplePrompts.length >= 2, `${c.id} has sample prompts`);
      assert.ok(c.initialRun, 'shows results before anything is typed');
    }
    assert.deepEqual(extension.messageHandlers, [{ type: 'link', value: { domains: [SAMPLE.TAB_DOMAIN] } }]);
  });

  it('declares the activity feed types the app sends (eventReminder, placeOffered)', () => {
    assert.deepEqual(manifest.activities.activityTypes.map((a: { type: string }) => a.type), ['eventReminder', 'placeOffered']);
  });

  it('uses real icons: 192×192 colour and 32×32 transparent outline', () => {
    assert.deepEqual(pngSize('color.png'), { width: 192, height: 192, colourType: 6 });
    assert.deepEqual(pngSize('outline.png'), { width: 32, height: 32, colourType: 6 });
  });

  it('has every placeholder defined in the local and dev env files', () => {
    for (const envName of ['local', 'dev']) {
      const env = readFileSync(join(projectRoot(), 'env', `.env.${envName}`), 'utf8');
      for (const name of placeholders(template)) assert.match(env, new RegExp(`^${name}=`, 'm'), `${name} in env/.env.${envName}`);
    }
  });

  // What provision writes to the env file (Teams app id, Entra client ids, the App Service host).
  const { APP_NAME_SUFFIX: _suffix, ...PROVISIONED } = SAMPLE;

  for (const envName of ['local', 'dev']) {
    it(`builds and validates the ${envName} package zip from env/.env.${envName} plus provision's outputs`, async () => {
      const built = await buildAppPackage(envName, { ...envFor(envName), ...PROVISIONED });
      const zip = new AdmZip(built.zipPath);
      assert.deepEqual(zip.getEntries().map((e) => e.entryName).sort(), ['color.png', 'manifest.json', 'outline.png']);
      const inZip = JSON.parse(zip.readAsText('manifest.json'));
      assert.equal(inZip.name.short, `Virtual Café-${envName}`);
      assert.equal(inZip.bots[0].botId, PROVISIONED.BOT_ID);
      assert.deepEqual(inZip.validDomains, [PROVISIONED.TAB_DOMAIN]);
      assert.deepEqual(await validateManifest(inZip), []);
    });
  }

  it('refuses to build before provision has written the ids (committed env files carry none)', async () => {
    await assert.rejects(buildAppPackage('dev', envFor('dev')), /does not set .*TEAMS_APP_ID/);
  });

  it('refuses to build when a placeholder has no value', async () => {
    await assert.rejects(buildAppPackage('nowhere', {}), /does not set TEAMS_APP_ID/);
  });
});
