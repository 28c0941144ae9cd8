// The one place that reads the environment. Everything else receives a typed `Config`.
// Bad input stops start-up with one line naming the variable (ConfigError).
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseDuration } from './domain/time/duration.js';
import { HUBS, type Hub } from './domain/people/hubs.js';
import { projectRoot } from './paths.js';
import { isMailbox, isValidUserId } from './domain/people/person.js';

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Invalid configuration: ${variable} ${detail}`);
    this.name = 'ConfigError';
  }
}

export interface AdminEntry {
  objectId: string;
  hub?: Hub;
}

export interface Config {
  port: number;
  host: string;
  botId: string;
  botPassword: string;
  botTenantId: string;
  storageConnectionString?: string;
  /** Storage account name for managed-identity access (no connection string). */
  storageAccountName?: string;
  /** Prefix for table and queue names; tests use it to isolate runs on one Azurite. */
  storagePrefix: string;
  azuriteLocation: string;
  authMode: 'entra' | 'dev';
  aadAppClientId: string;
  aadAppTenantId: string;
  /**
   * Secret of the tab's Entra app: Graph calls on behalf of the signed-in person (on-behalf-of
   * through @microsoft/teamsfx). Empty = no delegated calls (everything app-only).
   */
  aadAppClientSecret: string;
  admins: AdminEntry[];
  graphMode: 'off' | 'app';
  graphBaseUrl: string;
  graphClientId: string;
  graphClientSecret: string;
  graphTenantId: string;
  azureAuthorityHost: string;
  botOpenIdMetadataUrl: string;
  aadOpenIdMetadataUrl: string;
  virtualCafeTeamId: string;
  homeTenantId: string;
  reminderOffsetsMs: number[];
  offerTtlMs: number;
  /** How long after an event ends its attendees are asked for feedback (FEEDBACK_AFTER). */
  feedbackAfterMs: number;
  /** How long after an event ends its Teams attendance report is read (and once more a day later). */
  attendanceAfterMs: number;
  /** Share of the event's length (percent) someone must be in the meeting to count as attended. */
  attendanceMinPercent: number;
  seedDemo: boolean;
  logLevel: string;
  /** Absolute base URL people reach the app on (calendar feed links, deep links). */
  publicUrl: string;
  trustProxy: boolean;
  appInsightsConnectionString?: string;
  /**
   * The mailbox calendar invites name as ORGANIZER when the event's organiser has none on record
   * (e.g. the training hub's shared mailbox); empty = an undeliverable `.invalid` address.
   */
  calendarMailbox: string;
  /**
   * The app's id in the tenant's app catalogue (TEAMS_APP_CATALOG_ID). Set with GRAPH_MODE=app, the
   * app installs itself for a person it must tell something but has no chat with; empty = never.
   */
  teamsAppCatalogId: string;
  /** The Teams app's id (manifest `id`, TEAMS_APP_ID): deep links into its tabs (activity feed). */
  teamsAppId: string;
}

export type Env = Record<string, string | undefined>;

const LOOPBACK = /^(127(?:\.\d{1,3}){3}|::1|localhost)$/i;
export const isLoopbackHost = (host: string): boolean => LOOPBACK.test(host);

const BOT_FRAMEWORK_OPENID = 'https://login.botframework.com/v1/.well-known/openidconfiguration';

function parseWith<T>(variable: string, schema: z.ZodType<T>, raw: string | undefined): T {
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const shown = raw === undefined ? '' : ` (got "${raw.length > 60 ? raw.slice(0, 60) + '…' : raw}")`;
    throw new ConfigError(variable, `${issue?.message ?? 'is invalid'}${shown}`);
  }
  return result.data;
}

const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());

const portSchema = z.coerce
  .number({ message: 'must be a whole number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

const boolSchema = z
  .string()
  .transform((v) => v.toLowerCase())
  .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' }))
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const urlSchema = z.url({ message: 'must be an absolute http(s) URL' }).refine((v) => /^https?:\/\//i.test(v), {
  message: 'must be an absolute http(s) URL',
});

function durationVar(variable: string, raw: string): number {
  const ms = parseDuration(raw);
  if (ms === null || ms <= 0) throw new ConfigError(variable, `must be a duration such as 90s, 15m, 24h or 2d (got "${raw}")`);
  return ms;
}

function parseAdmins(raw: string | undefined): AdminEntry[] {
  if (!raw) return [];
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const [objectId, hub, extra] = entry.split(':').map((s) => s.trim());
      if (extra !== undefined || !objectId || !isValidUserId(objectId)) {
        throw new ConfigError('ADMIN_AAD_OBJECT_IDS', `must be a comma list of objectId or objectId:hub (got "${entry}")`);
      }
      if (hub === undefined) return { objectId };
      const code = hub.toLowerCase();
      if (!(HUBS as readonly string[]).includes(code)) {
        throw new ConfigError('ADMIN_AAD_OBJECT_IDS', `names an unknown hub "${hub}" (hubs: ${HUBS.join(', ')})`);
      }
      return { objectId, hub: code as Hub };
    });
}

/** Reads `KEY=VALUE` lines (Teams Toolkit env files); quotes stripped, comments ignored. */
export function readEnvFile(path: string): Env {
  if (!existsSync(path)) return {};
  const out: Env = {};
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)\s*$/.exec(line);
    if (!m) continue;
    let value = m[2];
    if (/^(['"]).*\1$/.test(value)) value = value.slice(1, -1);
    out[m[1]] = value;
  }
  return out;
}

export interface LoadOptions {
  /** Teams Toolkit environment name: merges env/.env.<name> and env/.env.<name>.user beneath the real environment. */
  envFile?: string;
  /** Values that win over everything (the dev script forces dev mode with these). */
  overrides?: Env;
  /** Values used only when neither the environment nor the env files set them. */
  defaults?: Env;
}

export function loadConfig(env: Env = process.env, options: LoadOptions = {}): Config {
  let merged: Env = { ...options.defaults, ...env };
  if (options.envFile) {
    const dir = join(projectRoot(), 'env');
    merged = {
      ...options.defaults,
      ...readEnvFile(join(dir, `.env.${options.envFile}`)),
      ...readEnvFile(join(dir, `.env.${options.envFile}.user`)),
      ...env,
    };
  }
  merged = { ...merged, ...options.overrides };
  const get = (name: string) => blank(merged[name]);

  const port = parseWith('PORT', portSchema, get('PORT') ?? '3978');
  const host = get('HOST') ?? '127.0.0.1';
  const botId = get('BOT_ID') ?? '';
  const botPassword = get('BOT_PASSWORD') ?? '';
  const botTenantId = get('BOT_TENANT_ID') ?? '';
  const authMode = parseWith(
    'AUTH_MODE',
    z.enum(['entra', 'dev'], { message: 'must be "entra" or "dev"' }),
    (get('AUTH_MODE') ?? 'entra').toLowerCase(),
  );
  if (!botId && !isLoopbackHost(host)) {
    throw new ConfigError('HOST', `must be a loopback address while BOT_ID is empty (anonymous bot) (got "${host}")`);
  }
  if (authMode === 'dev' && !isLoopbackHost(host)) {
    throw new ConfigError('HOST', `must be a loopback address when AUTH_MODE=dev (got "${host}")`);
  }
  const aadAppClientId = get('AAD_APP_CLIENT_ID') ?? '';
  const aadAppTenantId = get('AAD_APP_TENANT_ID') ?? '';
  const aadAppClientSecret = get('AAD_APP_CLIENT_SECRET') ?? '';
  if (aadAppClientSecret && (!aadAppClientId || !aadAppTenantId)) {
    throw new ConfigError('AAD_APP_CLIENT_SECRET', 'is set, but on-behalf-of calls also need AAD_APP_CLIENT_ID and AAD_APP_TENANT_ID (the tab sign-in app)');
  }
  const graphMode = parseWith(
    'GRAPH_MODE',
    z.enum(['off', 'app'], { message: 'must be "off" or "app"' }),
    (get('GRAPH_MODE') ?? (botId ? 'app' : 'off')).toLowerCase(),
  );
  const authorityHost = parseWith('AZURE_AUTHORITY_HOST', urlSchema, get('AZURE_AUTHORITY_HOST') ?? 'https://login.microsoftonline.com');
  const tenantForMetadata = aadAppTenantId || 'common';
  const storagePrefix = get('STORAGE_PREFIX') ?? '';
  if (!/^[a-z][a-z0-9]{0,19}$/i.test(storagePrefix) && storagePrefix !== '') {
    throw new ConfigError('STORAGE_PREFIX', `must be up to 20 letters and digits, starting with a letter (got "${storagePrefix}")`);
  }
  const reminderOffsetsRaw = get('REMINDER_OFFSETS') ?? '24h,1h';
  const reminderOffsetsMs = reminderOffsetsRaw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => durationVar('REMINDER_OFFSETS', s));
  const publicUrl = parseWith(
    'PUBLIC_URL',
    urlSchema,
    get('PUBLIC_URL') ?? get('TAB_ENDPOINT') ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
  ).replace(/\/+$/, '');

  return {
    port,
    host,
    botId,
    botPassword,
    botTenantId,
    storageConnectionString: get('AZURE_STORAGE_CONNECTION_STRING'),
    storageAccountName: get('AZURE_STORAGE_ACCOUNT_NAME'),
    storagePrefix,
    azuriteLocation: get('AZURITE_LOCATION') ?? join(projectRoot(), '.azurite'),
    authMode,
    aadAppClientId,
    aadAppTenantId,
    aadAppClientSecret,
    admins: parseAdmins(get('ADMIN_AAD_OBJECT_IDS')),
    graphMode,
    graphBaseUrl: parseWith('GRAPH_BASE_URL', urlSchema, get('GRAPH_BASE_URL') ?? 'https://graph.microsoft.com/v1.0').replace(/\/+$/, ''),
    graphClientId: get('GRAPH_CLIENT_ID') ?? botId,
    graphClientSecret: get('GRAPH_CLIENT_SECRET') ?? (get('GRAPH_CLIENT_ID') ? '' : botPassword),
    graphTenantId: get('GRAPH_TENANT_ID') ?? botTenantId,
    azureAuthorityHost: authorityHost.replace(/\/+$/, ''),
    botOpenIdMetadataUrl: parseWith('BOT_OPENID_METADATA_URL', urlSchema, get('BOT_OPENID_METADATA_URL') ?? BOT_FRAMEWORK_OPENID),
    aadOpenIdMetadataUrl: parseWith(
      'AAD_OPENID_METADATA_URL',
      urlSchema,
      get('AAD_OPENID_METADATA_URL') ?? `https://login.microsoftonline.com/${tenantForMetadata}/v2.0/.well-known/openid-configuration`,
    ),
    virtualCafeTeamId: get('VIRTUAL_CAFE_TEAM_ID') ?? '',
    homeTenantId: get('HOME_TENANT_ID') ?? (botTenantId || aadAppTenantId),
    reminderOffsetsMs,
    offerTtlMs: durationVar('OFFER_TTL', get('OFFER_TTL') ?? '48h'),
    feedbackAfterMs: durationVar('FEEDBACK_AFTER', get('FEEDBACK_AFTER') ?? '30m'),
    attendanceAfterMs: durationVar('ATTENDANCE_AFTER', get('ATTENDANCE_AFTER') ?? '15m'),
    attendanceMinPercent: parseWith(
      'ATTENDANCE_MIN_PERCENT',
      z.coerce.number({ message: 'must be a whole number from 1 to 100' }).int('must be a whole number from 1 to 100').min(1, 'must be a whole number from 1 to 100').max(100, 'must be a whole number from 1 to 100'),
      get('ATTENDANCE_MIN_PERCENT') ?? '75',
    ),
    seedDemo: parseWith('SEED_DEMO', boolSchema, get('SEED_DEMO') ?? 'false'),
    logLevel: parseWith(
      'LOG_LEVEL',
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'must be one of fatal, error, warn, info, debug, trace, silent' }),
      (get('LOG_LEVEL') ?? 'info').toLowerCase(),
    ),
    publicUrl,
    trustProxy: parseWith('TRUST_PROXY', boolSchema, get('TRUST_PROXY') ?? 'false'),
    appInsightsConnectionString: get('APPLICATIONINSIGHTS_CONNECTION_STRING'),
    calendarMailbox: parseWith(
      'CALENDAR_MAILBOX',
      z.string().refine((v) => v === '' || isMailbox(v), { message: 'must be a plain mailbox such as training.hub@nhs.net' }),
      get('CALENDAR_MAILBOX') ?? '',
    ),
    teamsAppCatalogId: parseWith(
      'TEAMS_APP_CATALOG_ID',
      z.string().regex(/^$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: 'must be the app catalogue id (a GUID) or empty' }),
      (get('TEAMS_APP_CATALOG_ID') ?? '').trim(),
    ),
    teamsAppId: (get('TEAMS_APP_ID') ?? '').trim(),
  };
}
