import { strict as assert } from 'node:assert';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('config', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    assert.equal(c.port, 3978);
    assert.equal(c.host, '127.0.0.1');
    assert.equal(c.authMode, 'entra');
    assert.equal(c.graphMode, 'off');
    assert.deepEqual(c.reminderOffsetsMs, [24 * 3600_000, 3600_000]);
    assert.equal(c.offerTtlMs, 48 * 3600_000);
    assert.equal(c.seedDemo, false);
    assert.equal(c.graphBaseUrl, 'https://graph.microsoft.com/v1.0');
    assert.equal(c.attendanceAfterMs, 15 * 60_000);
    assert.equal(c.attendanceMinPercent, 75);
    assert.equal(c.aadAppClientSecret, '');
  });

  it('reads the Teams attendance settings and the tab app secret', () => {
    const c = loadConfig({ ATTENDANCE_AFTER: '30m', ATTENDANCE_MIN_PERCENT: '50', AAD_APP_CLIENT_ID: 'tab-app', AAD_APP_TENANT_ID: 'tenant-1', AAD_APP_CLIENT_SECRET: 's3cret' });
    assert.equal(c.attendanceAfterMs, 30 * 60_000);
    assert.equal(c.attendanceMinPercent, 50);
    assert.equal(c.aadAppClientSecret, 's3cret');
  });

  it('defaults GRAPH_MODE to app when a bot id is set, and Graph credentials to the bot’s', () => {
    const c = loadConfig({ BOT_ID: 'bot-app', BOT_PASSWORD: 'secret', BOT_TENANT_ID: 'tenant-1', HOST: '0.0.0.0' });
    assert.equal(c.graphMode, 'app');
    assert.equal(c.graphClientId, 'bot-app');
    assert.equal(c.graphClientSecret, 'secret');
    assert.equal(c.graphTenantId, 'tenant-1');
    assert.equal(c.homeTenantId, 'tenant-1');
  });

  it('parses durations and admin lists', () => {
    const c = loadConfig({ REMINDER_OFFSETS: '2d, 90s', OFFER_TTL: '15m', ADMIN_AAD_OBJECT_IDS: 'aaa, bbb:east-kent' });
    assert.deepEqual(c.reminderOffsetsMs, [2 * 86_400_000, 90_000]);
    assert.equal(c.offerTtlMs, 900_000);
    assert.deepEqual(c.admins, [{ objectId: 'aaa' }, { objectId: 'bbb', hub: 'east-kent' }]);
  });

  const bad: [Record<string, string>, RegExp][] = [
    [{ PORT: 'abc' }, /^Invalid configuration: PORT /],
    [{ PORT: '70000' }, /PORT must be between/],
    [{ AUTH_MODE: 'open' }, /AUTH_MODE must be "entra" or "dev"/],
    [{ HOST: '0.0.0.0' }, /HOST must be a loopback address while BOT_ID is empty/],
    [{ HOST: '0.0.0.0', BOT_ID: 'x', AUTH_MODE: 'dev' }, /HOST must be a loopback address when AUTH_MODE=dev/],
    [{ OFFER_TTL: 'soon' }, /OFFER_TTL must be a duration/],
    [{ REMINDER_OFFSETS: '24h,0s' }, /REMINDER_OFFSETS must be a duration/],
    [{ ADMIN_AAD_OBJECT_IDS: 'abc:mars' }, /ADMIN_AAD_OBJECT_IDS names an unknown hub/],
    [{ GRAPH_BASE_URL: 'graph' }, /GRAPH_BASE_URL must be an absolute http\(s\) URL/],
    [{ SEED_DEMO: 'perhaps' }, /SEED_DEMO must be true or false/],
    [{ GRAPH_MODE: 'delegated' }, /GRAPH_MODE must be "off" or "app"/],
    [{ ATTENDANCE_AFTER: 'later' }, /ATTENDANCE_AFTER must be a duration/],
    [{ ATTENDANCE_MIN_PERCENT: '0' }, /ATTENDANCE_MIN_PERCENT must be a whole number from 1 to 100/],
    [{ ATTENDANCE_MIN_PERCENT: '101' }, /ATTENDANCE_MIN_PERCENT must be a whole number from 1 to 100/],
    [{ ATTENDANCE_MIN_PERCENT: '75%' }, /ATTENDANCE_MIN_PERCENT must be a whole number from 1 to 100/],
    [{ AAD_APP_CLIENT_SECRET: 'x' }, /AAD_APP_CLIENT_SECRET is set, but on-behalf-of calls also need AAD_APP_CLIENT_ID/],
  ];
  for (const [env, message] of bad) {
    it(`rejects ${JSON.stringify(env)} with one line naming the variable`, () => {
      assert.throws(
        () => loadConfig(env),
        (e: unknown) => e instanceof ConfigError && message.test(e.message) && !e.message.includes('\n'),
      );
    });
  }

  it('lets overrides win over the environment', () => {
    const c = loadConfig({ AUTH_MODE: 'entra' }, { overrides: { AUTH_MODE: 'dev' } });
    assert.equal(c.authMode, 'dev');
  });
});
