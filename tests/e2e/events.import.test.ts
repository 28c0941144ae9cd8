// CSV import limits, over the tab API and the chat card alike: 200 events means 200 (the last
// record counts too), and the one size limit is the CSV's own 500 KB, named in the message — no
// layer underneath (body parser, body reader, card data reader, the card's input) refuses a valid
// CSV first or with another message.
import { strict as assert } from 'node:assert';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';
import { FakeConnector } from '../helpers/fakeConnector.js';
import { BotClient, cardText, type TestPerson } from '../helpers/botClient.js';
import { newUserId } from '../helpers/ids.js';
import { RecordingNotifier } from '../helpers/recordingNotifier.js';
import { RecordingScheduler, TestClock } from '../helpers/events.js';
import { MAX_IMPORT_BYTES } from '../../src/services/events/importer.js';

const HEADER = 'title,description,category,hub,professions,date,start,end,location,capacity';

/** `count` valid events, each description padded so the whole CSV is about `bytes` long. */
function csv(count: number, options: { bytes?: number; trailingNewline?: boolean } = {}): string {
  const pad = options.bytes ? Math.max(0, Math.floor(options.bytes / count) - 140) : 0;
  const rows = Array.from({ length: count }, (_, i) => {
    const day = new Date(Date.UTC(2027, 2, 1 + (i % 120))).toISOString().slice(0, 10);
    return `Imported session ${i + 1},"“Quoted” ""and"" plain — ${'Asthma, COPD and inhalers. '.repeat(Math.ceil(pad / 27)).slice(0, pad)}",plt,west-kent,practice-nurse,${day},09:30,12:30,Oakwood House,20`;
  });
  return [HEADER, ...rows].join('\r\n') + (options.trailingNewline ? '\r\n' : '');
}

describe('events: CSV import limits (API and chat card)', function () {
  this.timeout(120_000);
  let app: TestApp;
  let connector: FakeConnector;
  let bot: BotClient;
  const organiser: TestPerson = { id: newUserId(), name: 'Isla Importer' };
  const importApi = (body: unknown) => api(app, '/api/events/import', { method: 'POST', user: organiser.id, name: organiser.name, body });
  const importCard = (data: Record<string, unknown>) => bot.invoke(organiser, 'event.import', data);

  before(async () => {
    connector = await FakeConnector.start();
    const clock = new TestClock(new Date('2027-01-15T10:00:00Z'));
    app = await startTestApp({ ADMIN_AAD_OBJECT_IDS: `${organiser.id}:west-kent` }, { notifier: () => new RecordingNotifier(), scheduler: () => new RecordingScheduler(), clock });
    bot = new BotClient(app.url, connector);
  });
  after(async () => {
    await app?.close();
    await connector?.close();
  });

  it('takes exactly 200 events, and refuses 201 whether or not the file ends with a newline', async () => {
    for (const trailingNewline of [false, true]) {
      const ok = await importApi({ csv: csv(200, { trailingNewline }), dryRun: true });
      assert.equal(ok.status, 200, JSON.stringify(ok.body).slice(0, 300));
      assert.equal(ok.body.lines.length, 200);
      assert.equal(ok.body.errors, 0);
      for (const res of [await importApi({ csv: csv(201, { trailingNewline }), dryRun: true }), await importCard({ csv: csv(201, { trailingNewline }), dryRun: 'true' })]) {
        const message = res.body?.error?.message ?? res.body?.value?.message ?? ('card' in res ? cardText(res.card) : '');
        assert.match(message, /at most 200 events/i, `trailing newline: ${trailingNewline}`);
      }
    }
    assert.equal((await importCard({ csv: csv(200), dryRun: 'true' })).status, 200);
    assert.equal((await api(app, '/api/events?from=2027-03-01&to=2027-12-31', { user: organiser.id })).body.items.length, 0, 'nothing created');
  });

  it('accepts a valid 300 KB CSV over the API and from the card (no other layer refuses it first)', async () => {
    const big = csv(150, { bytes: 300 * 1024 });
    assert.ok(Buffer.byteLength(big) > 290 * 1024 && Buffer.byteLength(big) < MAX_IMPORT_BYTES, `${Buffer.byteLength(big)} bytes`);
    const res = await importApi({ csv: big, dryRun: true });
    assert.equal(res.status, 200, JSON.stringify(res.body).slice(0, 300));
    assert.deepEqual([res.body.lines.length, res.body.errors], [150, 0]);
    const card = await importCard({ csv: big, dryRun: 'true' });
    assert.equal(card.status, 200, JSON.stringify(card.body).slice(0, 300));
    assert.match(cardText(card.card), /All 150 lines look good/);
    assert.ok(JSON.stringify(card.card).length < 40_000, 'the card does not echo a huge CSV back into chat');
    const input = JSON.stringify(card.card).match(/"id":"csv"[^}]*"maxLength":(\d+)/);
    assert.ok(input && Number(input[1]) >= MAX_IMPORT_BYTES, 'the card’s own input allows as much as the server');
  });

  it('names the one limit when the CSV is over it, over the API and from the card', async () => {
    const over = csv(120, { bytes: MAX_IMPORT_BYTES + 20 * 1024 });
    assert.ok(Buffer.byteLength(over) > MAX_IMPORT_BYTES);
    const res = await importApi({ csv: over, dryRun: true });
    assert.equal(res.status, 400);
    assert.match(res.body.error.message, /^The CSV is over 500 KB/);
    const card = await importCard({ csv: over, dryRun: 'true' });
    assert.equal(card.body.statusCode, 400);
    assert.match(card.body.value.message, /^The CSV is over 500 KB/);
    // Counted in bytes as stored (UTF-8), not characters: 200 KB of "é…" is over.
    const wide = HEADER + '\r\n' + `Wide,"${'éèê—“”'.repeat(45_000)}",plt,west-kent,,2027-03-01,09:30,12:30,Here,1`;
    assert.ok(wide.length < MAX_IMPORT_BYTES && Buffer.byteLength(wide) > MAX_IMPORT_BYTES);
    assert.match((await importApi({ csv: wide })).body.error.message, /^The CSV is over 500 KB/);
  });
});
