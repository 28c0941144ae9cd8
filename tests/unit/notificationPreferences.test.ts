import { strict as assert } from 'node:assert';
import { DEFAULT_PREFERENCES, parseSettingsCommand, readPreferenceChanges, wantsNotice } from '../../src/domain/notifications/preferences.js';
import { AppError } from '../../src/domain/errors.js';

describe('notification preferences', () => {
  it('sends every kind by default, and unknown kinds always', () => {
    for (const kind of ['reminder', 'booking', 'feedback', 'channel', 'facilitation', 'notice']) assert.equal(wantsNotice(DEFAULT_PREFERENCES, kind), true);
    const off = { reminder: false, booking: false, feedback: false, channel: false, activityFeed: false };
    assert.equal(wantsNotice(off, 'reminder'), false);
    assert.equal(wantsNotice(off, 'feedback'), false, 'feedback requests can be turned off');
    assert.equal(wantsNotice(off, 'channel'), false);
    assert.equal(wantsNotice(off, 'facilitation'), true, 'facilitation cannot be turned off');
  });

  it('sends activity feed notices only to people who turned the feed on (off by default)', () => {
    assert.equal(DEFAULT_PREFERENCES.activityFeed, false);
    assert.equal(wantsNotice(DEFAULT_PREFERENCES, 'activity-feed'), false);
    assert.equal(wantsNotice({ ...DEFAULT_PREFERENCES, activityFeed: true }, 'activity-feed'), true);
    assert.equal(wantsNotice({ ...DEFAULT_PREFERENCES, activityFeed: true, reminder: false }, 'reminder'), false, 'the chat reminder follows its own switch');
    assert.deepEqual(parseSettingsCommand('activity feed on'), { kind: 'activityFeed', on: true });
    assert.deepEqual(readPreferenceChanges({ activityFeed: 'true' }), { activityFeed: true });
  });

  it('reads switches from cards (strings) and the API (booleans)', () => {
    assert.deepEqual(readPreferenceChanges({ reminder: 'false', booking: true, channel: 'on', other: 'x' }), { reminder: false, booking: true, channel: true });
    assert.deepEqual(readPreferenceChanges({ facilitation: 'true' }), {});
  });

  it('refuses values that are not on/off, and turning facilitation off', () => {
    assert.throws(() => readPreferenceChanges({ reminder: 5 }), (e: unknown) => e instanceof AppError && e.kind === 'invalid' && /reminder/.test(e.message));
    assert.throws(() => readPreferenceChanges({ booking: 'maybe' }), AppError);
    assert.throws(() => readPreferenceChanges({ facilitation: false }), /pause yourself/);
  });

  it('parses the settings command', () => {
    assert.deepEqual(parseSettingsCommand('reminders off'), { kind: 'reminder', on: false });
    assert.deepEqual(parseSettingsCommand('Booking updates ON'), { kind: 'booking', on: true });
    assert.deepEqual(parseSettingsCommand('channel notices off.'), { kind: 'channel', on: false });
    assert.deepEqual(parseSettingsCommand('feedback requests off'), { kind: 'feedback', on: false });
    assert.equal(parseSettingsCommand('facilitation off'), null);
    assert.equal(parseSettingsCommand('reminders'), null);
    assert.equal(parseSettingsCommand(''), null);
  });
});
