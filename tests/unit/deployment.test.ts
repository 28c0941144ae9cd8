// The deployment files, checked offline: teamsapp.yml / teamsapp.local.yml against the toolkit's own
// YAML schema (v1.13, bundled in tests/fixtures), every ${{VAR}} they and the files they feed
// (Entra manifests, Bicep parameters, the Teams manifest) use is set in the env file or written by
// an earlier step, the Bicep parameters file matches the Bicep, the app settings are the names
// src/config.ts reads, and the Azure package holds the server's runtime dependencies.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { Ajv } from 'ajv';
import { readEnvFile } from '../../src/config.js';
import { projectRoot } from '../../src/paths.js';
import { placeholders } from '../../scripts/appPackage.js';
import { EXCLUDED_IN_AZURE, importedPackages, serverDependencies, stagedPackageJson, type PackageJson } from '../../scripts/deployStage.js';
import { parseBicep } from '../helpers/bicep.js';

const root = projectRoot();
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface Step {
  uses: string;
  name?: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface Lifecycle {
  version: string;
  environmentFolderPath?: string;
  provision?: Step[];
  deploy?: Step[];
  publish?: Step[];
}

const loadYaml = (file: string) => yaml.load(read(file)) as Lifecycle;

// Set by the toolkit itself before any step runs (env name, subscription and resource group it
// asks for, a random suffix), per Microsoft 365 Agents Toolkit's coordinator.
const BUILT_IN = ['TEAMSFX_ENV', 'APP_NAME_SUFFIX', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME', 'RESOURCE_SUFFIX'];
// Written by an action without being named in writeToEnvironmentFile.
const IMPLICIT_OUTPUTS: Record<string, string[]> = {
  'teamsApp/create': ['TEAMS_APP_TENANT_ID'],
  'teamsApp/update': ['TEAMS_APP_TENANT_ID', 'TEAMS_APP_UPDATE_TIME'],
  'aadApp/update': ['AAD_APP_ACCESS_AS_USER_PERMISSION_ID'],
};
// Made up by the action itself when the file it reads needs it and the env has none.
const GENERATED_BY: Record<string, string[]> = {
  'aadApp/update': ['AAD_APP_ACCESS_AS_USER_PERMISSION_ID'],
};
// Values the person deploying chooses (documented in env/.env.<env> and docs/deploy.md).
const SET_BY_OPERATOR: Record<string, string[]> = {
  dev: ['ADMIN_AAD_OBJECT_IDS'],
  local: ['ADMIN_AAD_OBJECT_IDS', 'BOT_ENDPOINT', 'BOT_DOMAIN', 'TAB_ENDPOINT', 'TAB_DOMAIN'],
};

/** Files whose ${{VAR}}s an action fills in (relative to the project). */
function filesReadBy(step: Step): string[] {
  const w = step.with ?? {};
  switch (step.uses) {
    case 'aadApp/update':
      return [String(w.manifestPath)];
    case 'arm/deploy':
      return (w.templates as { parameters?: string }[]).flatMap((t) => (t.parameters ? [t.parameters] : []));
    case 'teamsApp/validateManifest':
    case 'teamsApp/zipAppPackage':
      return [String(w.manifestPath)];
    default:
      return [];
  }
}

function outputsOf(step: Step): string[] {
  const out = [...Object.values(step.writeToEnvironmentFile ?? {}), ...(IMPLICIT_OUTPUTS[step.uses] ?? [])];
  if (step.uses === 'arm/deploy') {
    for (const t of (step.with?.templates ?? []) as { path: string }[]) out.push(...parseBicep(read(t.path)).outputs.map((o) => o.name.toUpperCase()));
  }
  return out;
}

/** Walks the lifecycles in order; returns each ${{VAR}} used before anything sets it. */
function unresolved(file: string, envName: string): string[] {
  const doc = loadYaml(file);
  const env = readEnvFile(join(root, 'env', `.env.${envName}`));
  const known = new Set<string>([...BUILT_IN, ...(SET_BY_OPERATOR[envName] ?? []), ...Object.keys(env).filter((k) => env[k] !== '')]);
  const problems: string[] = [];
  const provisionOutputs = (doc.provision ?? []).flatMap(outputsOf);
  for (const stage of ['provision', 'deploy', 'publish'] as const) {
    // deploy and publish run after provision has written its outputs.
    const available = new Set(stage === 'provision' ? known : [...known, ...provisionOutputs]);
    for (const [i, step] of (doc[stage] ?? []).entries()) {
      const used = [...placeholders(JSON.stringify(step.with ?? {})), ...filesReadBy(step).flatMap((f) => placeholders(read(f)).map((v) => v))];
      for (const name of used) if (!available.has(name) && !(GENERATED_BY[step.uses] ?? []).includes(name)) problems.push(`${stage}[${i}] ${step.uses} uses \${{${name}}} before anything sets it`);
      for (const name of outputsOf(step)) available.add(name);
    }
  }
  return problems;
}

describe('Microsoft 365 Agents Toolkit lifecycle (teamsapp.yml, teamsapp.local.yml)', () => {
  const schema = JSON.parse(read('tests/fixtures/m365-agents-toolkit/yaml.schema.v1.13.json')) as object;
  const ajv = new Ajv({ allowUnionTypes: true, strict: false });
  ajv.addKeyword('deprecationMessage');
  const validate = ajv.compile(schema);

  for (const file of ['teamsapp.yml', 'teamsapp.local.yml']) {
    it(`${file} matches the toolkit's v1.13 schema`, () => {
      const doc = loadYaml(file);
      assert.equal(doc.version, 'v1.13');
      assert.ok(validate(doc), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
      assert.match(read(file), /^# yaml-language-server: \$schema=https:\/\/aka\.ms\/m365-agents-toolkits\/v1\.13\/yaml\.schema\.json/);
    });
  }

  it('the schema check is live: a wrong action or a missing field fails', () => {
    const doc = loadYaml('teamsapp.yml');
    assert.equal(validate({ ...doc, provision: [...(doc.provision ?? []), { uses: 'arm/deploy', with: { templates: [] } }] }), false);
    assert.equal(validate({ ...doc, deploy: [{ uses: 'azureAppService/zipDeploy', with: { artifactFolder: '.' } }] }), false);
  });

  it('teamsapp.yml provisions Entra apps, Azure, the Teams app in order, deploys with build + zipDeploy, publishes', () => {
    const doc = loadYaml('teamsapp.yml');
    const uses = (doc.provision ?? []).map((s) => s.uses);
    const at = (u: string) => uses.indexOf(u);
    for (const u of ['teamsApp/create', 'aadApp/create', 'arm/deploy', 'aadApp/update', 'teamsApp/validateManifest', 'teamsApp/zipAppPackage', 'teamsApp/validateAppPackage', 'teamsApp/update']) {
      assert.ok(at(u) >= 0, `provision has ${u}`);
    }
    assert.equal(uses.filter((u) => u === 'aadApp/create').length, 2, 'one Entra app for tab SSO, one for the bot');
    assert.ok(at('aadApp/create') < at('arm/deploy') && at('arm/deploy') < at('aadApp/update'), 'Entra apps, then Azure, then the SSO manifest (it needs TAB_DOMAIN)');
    assert.ok(at('teamsApp/zipAppPackage') < at('teamsApp/validateAppPackage') && at('teamsApp/validateAppPackage') < at('teamsApp/update'));
    const bot = (doc.provision ?? []).find((s) => s.uses === 'aadApp/create' && s.writeToEnvironmentFile?.clientId === 'BOT_ID');
    assert.equal(bot?.with?.signInAudience, 'AzureADMyOrg', 'single-tenant bot');
    assert.equal(bot?.with?.generateServicePrincipal, true);
    assert.match(String(bot?.writeToEnvironmentFile?.clientSecret), /^SECRET_/, 'the secret goes to .env.<env>.user');
    const deploy = (doc.deploy ?? []).map((s) => `${s.uses} ${String(s.with?.args ?? '')}`);
    assert.deepEqual(
      deploy.map((d) => d.split(' ')[0]),
      ['cli/runNpmCommand', 'cli/runNpmCommand', 'azureAppService/zipDeploy'],
    );
    assert.match(deploy[1], /run stage:azure/);
    const zip = (doc.deploy ?? [])[2];
    assert.equal(zip.with?.artifactFolder, './.deploy/app');
    assert.equal(zip.with?.resourceId, '${{AZURE_APP_SERVICE_RESOURCE_ID}}');
    assert.deepEqual(
      (doc.publish ?? []).map((s) => s.uses).slice(-1),
      ['teamsApp/publishAppPackage'],
    );
  });

  it('teamsapp.local.yml registers the bot with botFramework/create against the tunnel endpoint', () => {
    const doc = loadYaml('teamsapp.local.yml');
    const reg = (doc.provision ?? []).find((s) => s.uses === 'botFramework/create');
    assert.equal(reg?.with?.messagingEndpoint, '${{BOT_ENDPOINT}}/api/messages');
    assert.deepEqual(reg?.with?.channels, [{ name: 'msteams' }]);
  });

  for (const [file, envName] of [
    ['teamsapp.yml', 'dev'],
    ['teamsapp.local.yml', 'local'],
  ] as const) {
    it(`every \${{VAR}} in ${file} and the files it fills is set in env/.env.${envName} or by an earlier step`, () => {
      assert.deepEqual(unresolved(file, envName), []);
    });
  }

  it('the variable check is live: an unknown placeholder in the Bicep parameters is reported', () => {
    const doc = loadYaml('teamsapp.yml');
    const arm = (doc.provision ?? []).find((s) => s.uses === 'arm/deploy')!;
    const before = (doc.provision ?? []).slice(0, (doc.provision ?? []).indexOf(arm)).flatMap(outputsOf);
    assert.ok(!before.includes('TAB_DOMAIN'), 'TAB_DOMAIN comes from arm/deploy itself, not before it');
    assert.ok(outputsOf(arm).includes('TAB_DOMAIN') && outputsOf(arm).includes('AZURE_APP_SERVICE_RESOURCE_ID'));
  });

  it('operator-set values are in the env files and explained in docs/deploy.md', () => {
    const docs = read('docs/deploy.md');
    for (const [envName, names] of Object.entries(SET_BY_OPERATOR)) {
      const env = read(`env/.env.${envName}`);
      for (const name of names) {
        assert.match(env, new RegExp(`^${name}=`, 'm'), `${name} in env/.env.${envName}`);
        assert.ok(docs.includes(name), `${name} explained in docs/deploy.md`);
      }
    }
  });

  it('keeps secrets out of committed env files and the env files out of git-ignored names', () => {
    const ignore = read('.gitignore');
    assert.match(ignore, /^env\/\.env\.\*\.user$/m);
    for (const envName of ['dev', 'local']) {
      const env = readEnvFile(join(root, 'env', `.env.${envName}`));
      for (const [k, v] of Object.entries(env)) {
        assert.ok(!/SECRET|PASSWORD/.test(k) || v === '', `${k} must not be committed with a value`);
      }
    }
  });
});

describe('Entra app manifests (aad.manifest.json, aad.bot.manifest.json)', () => {
  const TEAMS_CLIENTS = ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346'];

  it('tab SSO: api://<tab domain>/<client id>, scope access_as_user, v2 tokens, Teams clients pre-authorised', () => {
    const m = JSON.parse(read('aad.manifest.json'));
    assert.equal(m.id, '${{AAD_APP_OBJECT_ID}}');
    assert.equal(m.appId, '${{AAD_APP_CLIENT_ID}}');
    assert.equal(m.signInAudience, 'AzureADMyOrg');
    assert.deepEqual(m.identifierUris, ['api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']);
    assert.equal(m.api.requestedAccessTokenVersion, 2);
    const [scope] = m.api.oauth2PermissionScopes;
    assert.equal(scope.value, 'access_as_user');
    assert.equal(scope.id, '${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}');
    const pre = new Map<string, string[]>(m.api.preAuthorizedApplications.map((p: { appId: string; delegatedPermissionIds: string[] }) => [p.appId, p.delegatedPermissionIds]));
    for (const client of TEAMS_CLIENTS) assert.deepEqual(pre.get(client), [scope.id], `Teams client ${client} pre-authorised`);
    assert.ok(m.optionalClaims.accessToken.some((c: { name: string }) => c.name === 'idtyp'));
  });

  it('matches the Teams manifest: webApplicationInfo resource is the SSO app ID URI', () => {
    const teams = JSON.parse(read('appPackage/manifest.json'));
    const sso = JSON.parse(read('aad.manifest.json'));
    assert.equal(teams.webApplicationInfo.id, sso.appId);
    assert.equal(teams.webApplicationInfo.resource, sso.identifierUris[0]);
  });

  it('bot: single tenant, the least-privileged Graph application permissions the docs list', () => {
    const m = JSON.parse(read('aad.bot.manifest.json'));
    assert.equal(m.id, '${{BOT_OBJECT_ID}}');
    assert.equal(m.appId, '${{BOT_ID}}');
    assert.equal(m.signInAudience, 'AzureADMyOrg');
    const graph = m.requiredResourceAccess.find((r: { resourceAppId: string }) => r.resourceAppId === 'Microsoft Graph');
    const roles = graph.resourceAccess.map((a: { id: string; type: string }) => `${a.type}:${a.id}`).sort();
    // Teams meetings for online events (the calendar event with its meeting, then its attendance
    // reports) and reaching people (#19: installing the app for a person, activity feed notices,
    // directory search).
    const meetings = ['Role:Calendars.ReadWrite', 'Role:OnlineMeetingArtifact.Read.All', 'Role:OnlineMeetings.Read.All'];
    const reach = ['Role:TeamsActivity.Send', 'Role:TeamsAppInstallation.ReadWriteSelfForUser.All', 'Role:User.ReadBasic.All'];
    assert.deepEqual(roles, ['Role:Channel.Create', 'Role:ChannelMember.ReadWrite.All', 'Role:TeamMember.ReadWriteNonOwnerRole.All', ...meetings, ...reach].sort());
    const docs = read('docs/deploy.md');
    for (const r of roles) assert.ok(docs.includes(r.slice(5)), `${r} explained in docs/deploy.md`);
  });

  it('tab sign-in app: a secret and delegated Calendars.ReadWrite for the organiser\'s Teams meeting on their behalf; the admin steps name the access policy', () => {
    const m = JSON.parse(read('aad.manifest.json'));
    const graph = m.requiredResourceAccess.find((r: { resourceAppId: string }) => r.resourceAppId === 'Microsoft Graph');
    const scopes = graph.resourceAccess.map((a: { id: string; type: string }) => `${a.type}:${a.id}`);
    assert.ok(scopes.includes('Scope:Calendars.ReadWrite'), 'delegated Calendars.ReadWrite');
    assert.ok(!scopes.some((s: string) => s.startsWith('Role:')), 'the tab app holds no application permission');
    for (const file of ['teamsapp.yml', 'teamsapp.local.yml']) {
      const tab = (loadYaml(file).provision ?? []).find((s) => s.uses === 'aadApp/create' && s.writeToEnvironmentFile?.clientId === 'AAD_APP_CLIENT_ID');
      assert.equal(tab?.with?.generateClientSecret, true, `${file}: the tab app has a secret`);
      assert.equal(tab?.writeToEnvironmentFile?.clientSecret, 'SECRET_AAD_APP_CLIENT_SECRET', `${file}: its secret goes to .env.<env>.user`);
    }
    const docs = read('docs/deploy.md');
    for (const words of ['New-CsApplicationAccessPolicy', 'Grant-CsApplicationAccessPolicy', '-Global', 'AAD_APP_CLIENT_SECRET', 'Calendars.ReadWrite']) assert.ok(docs.includes(words), `${words} in docs/deploy.md`);
  });
});

describe('Bicep (infra/azure.bicep, infra/azure.parameters.json)', () => {
  const bicep = parseBicep(read('infra/azure.bicep'));
  const parameters = JSON.parse(read('infra/azure.parameters.json')).parameters as Record<string, { value: unknown }>;

  it('every parameter in the parameters file exists in the Bicep, and every required one is set', () => {
    const declared = new Map(bicep.params.map((p) => [p.name, p]));
    for (const name of Object.keys(parameters)) assert.ok(declared.has(name), `parameter "${name}" is not declared in azure.bicep (names are case-sensitive here)`);
    for (const p of bicep.params) if (!p.hasDefault) assert.ok(p.name in parameters, `required parameter "${p.name}" is not set`);
  });

  it('secrets are @secure() parameters and never outputs', () => {
    const byName = new Map(bicep.params.map((p) => [p.name, p]));
    assert.equal(byName.get('botPassword')?.secure, true);
    assert.equal(byName.get('aadAppClientSecret')?.secure, true);
    for (const o of bicep.outputs) assert.doesNotMatch(o.name, /SECRET|PASSWORD|KEY|CONNECTION/i);
  });

  it('allowed values and lengths hold for the values the env files give', () => {
    const env = readEnvFile(join(root, 'env', '.env.dev'));
    const byName = new Map(bicep.params.map((p) => [p.name, p]));
    for (const [name, { value }] of Object.entries(parameters)) {
      const filled = String(value).replace(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g, (_, v: string) => env[v] || (v === 'RESOURCE_SUFFIX' ? 'a1b2c3' : ''));
      const p = byName.get(name)!;
      if (p.allowed && placeholders(String(value)).every((v) => env[v])) assert.ok(p.allowed.includes(filled), `${name}=${filled} is one of ${p.allowed.join(', ')}`);
      if (p.maxLength !== undefined) assert.ok(filled.length <= p.maxLength, `${name} fits ${p.maxLength} characters`);
      if (p.minLength !== undefined && !placeholders(String(value)).some((v) => !env[v] && v !== 'RESOURCE_SUFFIX')) assert.ok(filled.length >= p.minLength, `${name} has at least ${p.minLength} characters`);
    }
  });

  it('App Service: Linux, Node 22 LTS, Always On, health check, HTTPS only, TLS 1.2, FTP off, user-assigned identity', () => {
    const text = read('infra/azure.bicep');
    for (const needle of [
      "linuxFxVersion: 'NODE|22-lts'",
      'alwaysOn: true',
      "healthCheckPath: '/api/health'",
      'httpsOnly: true',
      "minTlsVersion: '1.2'",
      "ftpsState: 'Disabled'",
      'reserved: true',
      "type: 'UserAssigned'",
      "minimumTlsVersion: 'TLS1_2'",
      'allowBlobPublicAccess: false',
      "channelName: 'MsTeamsChannel'",
      "msaAppType: 'SingleTenant'",
      "IngestionMode: 'LogAnalytics'",
    ]) {
      assert.ok(text.includes(needle), `azure.bicep has ${needle}`);
    }
  });

  it('grants the identity Storage Table and Queue Data Contributor on the account and tells DefaultAzureCredential which identity', () => {
    const text = read('infra/azure.bicep');
    assert.ok(text.includes("'0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'"), 'Storage Table Data Contributor');
    assert.ok(text.includes("'974c5e8b-45b9-4653-ba55-5f855dd0fb88'"), 'Storage Queue Data Contributor');
    assert.equal((text.match(/principalId: identity\.properties\.principalId/g) ?? []).length, 2);
    assert.ok(bicep.appSettings.includes('AZURE_CLIENT_ID'));
  });

  it('sets only app settings src/config.ts or the platform reads', () => {
    const config = read('src/config.ts');
    const PLATFORM = ['WEBSITE_RUN_FROM_PACKAGE', 'SCM_DO_BUILD_DURING_DEPLOYMENT', 'AZURE_CLIENT_ID'];
    for (const name of bicep.appSettings) {
      if (PLATFORM.includes(name)) continue;
      assert.ok(config.includes(`'${name}'`), `app setting ${name} is read by src/config.ts`);
    }
    for (const name of ['BOT_ID', 'BOT_PASSWORD', 'BOT_TENANT_ID', 'AAD_APP_CLIENT_ID', 'AAD_APP_TENANT_ID', 'AZURE_STORAGE_ACCOUNT_NAME', 'ADMIN_AAD_OBJECT_IDS', 'PUBLIC_URL', 'HOST', 'AUTH_MODE', 'APPLICATIONINSIGHTS_CONNECTION_STRING']) {
      assert.ok(bicep.appSettings.includes(name), `app setting ${name}`);
    }
  });

  it('the Bicep parser reads what it must (params with defaults and decorators, outputs)', () => {
    const parsed = parseBicep(`@secure()\nparam a string\n@allowed([\n  'x'\n  'y'\n])\nparam b string = 'x'\n@maxLength(5)\nparam c int\noutput D string = 'd'\n`);
    assert.deepEqual(
      parsed.params.map((p) => [p.name, p.hasDefault, p.secure, p.allowed, p.maxLength]),
      [
        ['a', false, true, undefined, undefined],
        ['b', true, false, ['x', 'y'], undefined],
        ['c', false, false, undefined, 5],
      ],
    );
    assert.deepEqual(parsed.outputs.map((o) => o.name), ['D']);
  });
});

describe('the Azure package (npm run stage:azure)', () => {
  it('finds imported packages in compiled ESM and CommonJS, leaving out relative paths and builtins', () => {
    const src = `import { a } from 'restify';\nimport x from "@azure/data-tables";\nimport './local.js';\nthrow invalid('needs "from" and "to" times (HH:MM).');\nconst p = import('@azure/monitor-opentelemetry');\nrequire('botbuilder/lib/x');\nrequire.resolve('azurite/dist/src/azurite.js');\nthrow new Error('needs "from" and "to" times');\nconst headers = ['Attendance from', 'Email'];\nimport { readFile } from 'node:fs';\nimport os from 'os';\nexport { b } from '../b.js';`;
    assert.deepEqual([...importedPackages(src)].sort(), ['@azure/data-tables', '@azure/monitor-opentelemetry', 'azurite', 'botbuilder', 'restify']);
  });

  it('the built server imports only packages declared in "dependencies", and the tab libraries stay out', function () {
    if (!existsSync(join(root, 'dist', 'src', 'index.js'))) this.skip(); // npm test builds first
    const pkg = JSON.parse(read('package.json')) as PackageJson;
    const deps = serverDependencies(pkg, join(root, 'dist', 'src'));
    assert.deepEqual(deps.undeclared, [], 'imported by the server but only a devDependency (would crash in Azure)');
    for (const name of ['restify', 'botbuilder', '@azure/data-tables', '@azure/identity', 'pino', '@azure/monitor-opentelemetry']) assert.ok(name in deps.runtime, `${name} is deployed`);
    for (const name of ['react', 'react-dom', '@fluentui/react-components', '@microsoft/teams-js', ...Object.keys(EXCLUDED_IN_AZURE)]) assert.ok(!(name in deps.runtime), `${name} is not deployed`);
    const staged = stagedPackageJson(pkg, deps.runtime) as { scripts: Record<string, string>; dependencies: Record<string, string>; devDependencies?: unknown };
    assert.equal(staged.scripts.start, 'node dist/src/index.js');
    assert.equal(staged.devDependencies, undefined);
  });

  it('App Service starts what the staged package holds', () => {
    const text = read('infra/azure.bicep');
    assert.ok(text.includes("appCommandLine: 'node dist/src/index.js'"));
  });
});
