// The send lanes' crash journal: what it can tell about a claim left by a dead process, and when it
// refuses to guess.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SendJournal } from '../../src/jobs/sendJournal.js';
import { noticeRowKey } from '../../src/storage/notificationStore.js';

/** A pid that belonged to a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(r.stdout.toString());
}

describe('send journal', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'journal-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const claimAt = new Date('2026-03-02T09:00:00.000Z');

  function deadInstanceJournal(lanes = 1) {
    const id = `${hostname()}:${deadPid()}:abcd1234`;
    const j = new SendJournal(dir, 'pfx', id, lanes);
    assert.equal(j.open(), true);
    return { id, j, reader: new SendJournal(dir, 'pfx', `${hostname()}:${process.pid}:reader00`, 1) };
  }

  it('says "sent" when the dead lane was handing over exactly this claim', () => {
    const { id, j, reader } = deadInstanceJournal();
    j.wire(0, 'u1', 'reminder:e1:u1:1', claimAt);
    assert.equal(reader.verdict({ userId: 'u1', rowKey: 'reminder:e1:u1:1', claimedBy: id, claimedAt: claimAt }), 'sent');
  });

  it('reads an entry an earlier version wrote with the key itself (entries now hold its hash)', () => {
    const { id, j, reader } = deadInstanceJournal();
    j.wire(0, 'u1', 'reminder:e1:u1:1', claimAt);
    assert.equal(reader.verdict({ userId: 'u1', rowKey: noticeRowKey('reminder:e1:u1:1'), claimedBy: id, claimedAt: claimAt }), 'sent');
    assert.equal(reader.verdict({ userId: 'u1', rowKey: noticeRowKey('reminder:e1:u1:2'), claimedBy: id, claimedAt: claimAt }), 'unknown');
  });

  it('says "not-sent" when the lane never got to this claim', () => {
    const { id, j, reader } = deadInstanceJournal();
    j.wire(0, 'u0', 'earlier', new Date(claimAt.getTime() - 50));
    assert.equal(reader.verdict({ userId: 'u1', rowKey: 'k', claimedBy: id, claimedAt: claimAt }), 'not-sent');
    const fresh = deadInstanceJournal();
    assert.equal(fresh.reader.verdict({ userId: 'u1', rowKey: 'k', claimedBy: fresh.id, claimedAt: claimAt }), 'not-sent', 'empty lane');
  });

  it('reads only the lane that claimed it; refuses to guess when a later entry may have overwritten this one', () => {
    const { id, j, reader } = deadInstanceJournal(2);
    j.wire(1, 'u2', 'later', new Date(claimAt.getTime() + 5));
    assert.equal(reader.verdict({ userId: 'u1', rowKey: 'k', claimedBy: id, claimedAt: claimAt }), 'unknown', 'lane not known: any later entry');
    assert.equal(reader.verdict({ userId: 'u1', rowKey: 'k', claimedBy: id, claimedAt: claimAt, lane: 0 }), 'not-sent', 'lane 0 never got to it');
    assert.equal(reader.verdict({ userId: 'u1', rowKey: 'k', claimedBy: id, claimedAt: claimAt, lane: 1 }), 'unknown', 'lane 1 moved on past it');
  });

  it('refuses to guess for a live process, another machine, a broken journal, or no journal', () => {
    const { id, j, reader } = deadInstanceJournal();
    j.wire(0, 'u1', 'k', claimAt);
    const live = new SendJournal(dir, 'pfx', `${hostname()}:${process.pid}:live0000`, 1);
    live.open();
    live.wire(0, 'u1', 'k', claimAt);
    assert.equal(reader.verdict({ userId: 'u1', rowKey: 'k', claimedBy: `${hostname()}:${process.pid}:live0000`, claimedAt: claimAt }), 'unknown', 'alive');
    assert.equal(reader.verdict({ userId: 'u1', rowKey: 'k', claimedBy: id.replace(hostname(), 'elsewhere'), claimedAt: claimAt }), 'unknown', 'other machine');
    assert.equal(reader.verdict({ userId: 'u1', rowKey: 'k', claimedBy: `${hostname()}:${deadPid()}:nojournl`, claimedAt: claimAt }), 'unknown', 'no journal');
    assert.equal(reader.verdict({ userId: 'u1', rowKey: 'k', claimedBy: 'not-an-instance', claimedAt: claimAt }), 'unknown');
    const other = new SendJournal(dir, 'other-app', 'x:1:y', 1);
    assert.equal(other.verdict({ userId: 'u1', rowKey: 'k', claimedBy: id, claimedAt: claimAt }), 'unknown', 'another app’s journal is not ours to read');
    unlinkSync(readdirSync(dir).filter((n) => n.includes(id.replace(/[^A-Za-z0-9.-]/g, '_')) && n.endsWith('healthy')).map((n) => join(dir, n))[0]);
    assert.equal(reader.verdict({ userId: 'u1', rowKey: 'k', claimedBy: id, claimedAt: claimAt }), 'unknown', 'no health marker');
  });

  it('does not trust a lane file it cannot read', () => {
    const { id, reader } = deadInstanceJournal();
    const lane = readdirSync(dir).find((n) => n.endsWith('__lane0'))!;
    writeFileSync(join(dir, lane), '{"u":"u1","k":');
    assert.equal(reader.verdict({ userId: 'u1', rowKey: 'k', claimedBy: id, claimedAt: claimAt }), 'unknown');
  });

  it('cleans up after itself and prunes what dead instances left', () => {
    const { j } = deadInstanceJournal();
    const mine = new SendJournal(dir, 'pfx', `${hostname()}:${process.pid}:mine0000`, 1);
    mine.open();
    mine.prune(-1);
    assert.ok(readdirSync(dir).every((n) => n.includes('mine0000')), 'others pruned, ours kept');
    mine.close();
    assert.deepEqual(readdirSync(dir), []);
    void j;
  });
});
