// A tiny crash journal that narrows the one window exactly-once cannot close by itself.
//
// A worker claims a notice (in Tables) before sending it. If the process dies holding a claim, was
// the request already out? Tables cannot say. This journal can, for processes that die on a machine
// that lives on (a crash, an OOM kill, kill -9): each send lane writes, synchronously, the notice it
// is handing to the HTTP transport, at the last moment we control (see proactive.ts, `onWire`). The
// kernel keeps the file when the process dies. Another instance on the same machine then decides:
// - the claiming lane's entry is this claim → the request may have left: never send it again;
// - the claiming lane's entry is older than this claim → the request never left: send it now;
// - anything else (another machine, the process still alive, no journal, a later entry that
//   overwrote ours) → we cannot tell, and the claim is treated as delivered, as without a journal.
// A journal that cannot be written removes its health marker, so nobody trusts it.
// An entry names the notice by its row key (the hash of its idempotency key), never the key.
import { noticeRowKey } from '../storage/notificationStore.js';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export type JournalVerdict = 'sent' | 'not-sent' | 'unknown';

interface Entry {
  u?: string;
  /** The notice's row key (entries written before the hash was used hold the key itself). */
  k?: string;
  /** claimedAt, epoch ms */
  c?: number;
}

const safe = (text: string) => text.replace(/[^A-Za-z0-9.-]/g, '_').slice(0, 120);

/** Instance ids are `${host}:${pid}:${random}` (tuning.ts). */
function parseInstance(instanceId: string): { host: string; pid: number } | null {
  const parts = instanceId.split(':');
  if (parts.length < 3) return null;
  const pid = Number(parts[parts.length - 2]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return { host: parts.slice(0, -2).join(':'), pid };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

export class SendJournal {
  private readonly base: string;
  private healthy = false;

  constructor(
    private readonly dir: string,
    /** Separates apps sharing a machine (the storage prefix). */
    scope: string,
    private readonly instanceId: string,
    private readonly lanes: number,
  ) {
    this.base = `${safe(scope || 'default')}__`;
  }

  private file(instanceId: string, suffix: string): string {
    return join(this.dir, `${this.base}${safe(instanceId)}__${suffix}`);
  }

  /** Creates this instance's lane files and its health marker; false (journal off) if the disk says no. */
  open(): boolean {
    try {
      mkdirSync(this.dir, { recursive: true });
      for (let lane = 0; lane < this.lanes; lane++) writeFileSync(this.file(this.instanceId, `lane${lane}`), '{}');
      writeFileSync(this.file(this.instanceId, 'healthy'), String(process.pid));
      this.healthy = true;
    } catch {
      this.healthy = false;
    }
    return this.healthy;
  }

  /** Notes that `lane` is handing this claim's request to the transport. Throws only if the journal cannot be disowned. */
  wire(lane: number, userId: string, rowKey: string, claimedAt: Date): void {
    if (!this.healthy) return;
    const file = this.file(this.instanceId, `lane${lane}`);
    try {
      // Write beside, then rename over (atomic): a lane file is never seen half written.
      writeFileSync(`${file}.tmp`, JSON.stringify({ u: userId, k: rowKey, c: claimedAt.getTime() } satisfies Entry));
      renameSync(`${file}.tmp`, file);
    } catch {
      // Stop vouching for anything: without the marker, every verdict on our claims is "unknown".
      this.healthy = false;
      unlinkSync(this.file(this.instanceId, 'healthy')); // if this throws too, the send is cancelled
    }
  }

  /** What a stale claim's instance did with it, as far as this machine can tell. */
  verdict(claim: { userId: string; rowKey: string; claimedBy?: string; claimedAt?: Date; lane?: number }): JournalVerdict {
    if (!claim.claimedBy || !claim.claimedAt) return 'unknown';
    const owner = parseInstance(claim.claimedBy);
    if (!owner || owner.host !== hostname() || owner.pid === process.pid || isAlive(owner.pid)) return 'unknown';
    const prefix = `${this.base}${safe(claim.claimedBy)}__`;
    let names: string[];
    try {
      names = readdirSync(this.dir).filter((n) => n.startsWith(prefix));
    } catch {
      return 'unknown';
    }
    if (!names.includes(`${prefix}healthy`)) return 'unknown';
    // Only the lane that claimed it can say (without the lane, any lane's later entry means "can't tell").
    const lanes = names.filter((n) => (claim.lane === undefined ? /__lane\d+$/.test(n) : n.endsWith(`__lane${claim.lane}`)));
    if (!lanes.length) return 'unknown';
    const claimedAt = claim.claimedAt.getTime();
    let laterEntry = false;
    for (const name of lanes) {
      let entry: Entry;
      try {
        entry = JSON.parse(readFileSync(join(this.dir, name), 'utf8') || '{}') as Entry;
      } catch {
        return 'unknown'; // torn or unreadable: don't guess
      }
      const same = entry.k === claim.rowKey || (typeof entry.k === 'string' && noticeRowKey(entry.k) === claim.rowKey);
      if (entry.u === claim.userId && same && entry.c === claimedAt) return 'sent';
      if (typeof entry.c === 'number' && entry.c >= claimedAt) laterEntry = true;
    }
    // A later entry may have overwritten ours in the same lane: then we cannot tell.
    return laterEntry ? 'unknown' : 'not-sent';
  }

  /** Graceful stop: our claims are all settled; remove our files. */
  close(): void {
    this.healthy = false;
    try {
      for (const name of readdirSync(this.dir)) if (name.startsWith(`${this.base}${safe(this.instanceId)}__`)) rmSync(join(this.dir, name), { force: true });
    } catch {
      /* nothing to clean */
    }
  }

  /** Housekeeping: keep our marker fresh; remove other instances' files untouched for `olderThanMs`. */
  prune(olderThanMs: number, now = Date.now()): void {
    const own = `${this.base}${safe(this.instanceId)}__`;
    if (this.healthy) {
      try {
        writeFileSync(this.file(this.instanceId, 'healthy'), String(process.pid));
      } catch {
        /* next time */
      }
    }
    let names: string[];
    try {
      names = readdirSync(this.dir).filter((n) => n.startsWith(this.base) && !n.startsWith(own));
    } catch {
      return;
    }
    for (const name of names) {
      try {
        if (now - statSync(join(this.dir, name)).mtimeMs > olderThanMs) rmSync(join(this.dir, name), { force: true });
      } catch {
        /* gone meanwhile */
      }
    }
  }
}
