// How fast the app may talk to Teams, as pure arithmetic over a clock (milliseconds).
//
// Teams' documented limits for bots (learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit,
// "Optimize your bot with rate limiting in Teams"):
// - global: 50 requests per second per app per tenant (older versions of the page said 30), and every
//   request counts — sends, conversation creation, roster fetches;
// - per bot per conversation ("thread"): send to conversation 7 per 1 s, 8 per 2 s, 60 per 30 s,
//   1800 per 3600 s; create conversation the same;
// - above them Teams answers 429; back off exponentially with random jitter, and also retry 412,
//   502 and 504.
// The process keeps one pacer per tenant (shared by every send it makes) and one window set per
// conversation; the tenant rate is split between the server instances that are alive.

export const TEAMS_TENANT_RATE_PER_SECOND = 50;

/** Per-conversation limits for "send to conversation" (and "create conversation"). */
export const TEAMS_CONVERSATION_WINDOWS: readonly { ms: number; max: number }[] = [
  { ms: 1_000, max: 7 },
  { ms: 2_000, max: 8 },
  { ms: 30_000, max: 60 },
  { ms: 3_600_000, max: 1_800 },
];

/**
 * A token bucket in its "virtual scheduling" form (GCRA): each `reserve()` takes the next token and
 * says how long to wait for it, so callers queue fairly in the order they asked. `burst` is the
 * bucket size; 1 means evenly spaced requests, which is what a fixed-window limiter on the other
 * side rewards.
 */
export class Pacer {
  private theoreticalArrival = 0;
  private pausedUntil = 0;

  constructor(
    private ratePerSecond: number,
    private burst = 1,
  ) {
    if (!(ratePerSecond > 0)) throw new Error('rate must be positive');
  }

  get rate(): number {
    return this.ratePerSecond;
  }

  setRate(ratePerSecond: number): void {
    if (ratePerSecond > 0) this.ratePerSecond = ratePerSecond;
  }

  setBurst(burst: number): void {
    if (Number.isInteger(burst) && burst >= 1) this.burst = burst;
  }

  /** Reserves the next token; answers how many ms from `now` the caller must wait before using it. */
  reserve(now: number): number {
    const interval = 1000 / this.ratePerSecond;
    const tolerance = (this.burst - 1) * interval;
    const at = Math.max(now, this.pausedUntil, this.theoreticalArrival - tolerance);
    this.theoreticalArrival = Math.max(this.theoreticalArrival, at) + interval;
    return at - now;
  }

  /** Nobody gets a token before `until` (after a 429 with Retry-After). */
  pauseUntil(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
    this.theoreticalArrival = Math.max(this.theoreticalArrival, until);
  }

  /** True while a pause is on: a token reserved before the pause must be reserved again after it. */
  isPaused(now: number): boolean {
    return now < this.pausedUntil;
  }
}

/**
 * The burst each of `instances` pacers may allow at `ratePerInstance` so that together they stay
 * under `limitPerSecond` in any one-second window with one request to spare (requests that leave
 * evenly spaced can arrive a little bunched). A pacer at rate r with burst b lets at most r + b − 1
 * through any second, so the slack between the limit and the instances' summed rates is shared
 * out: one instance at 48/s under Teams' 50 gets a burst of 2 — a slot it can make up after a
 * hiccup (a slow storage write before a send) instead of losing it for good.
 */
export function pacerBurst(limitPerSecond: number, ratePerInstance: number, instances: number): number {
  const n = Math.max(1, instances);
  return Math.max(1, 1 + Math.floor((limitPerSecond - 1 - n * ratePerInstance) / n));
}

/** Sliding windows per conversation; `reserve` answers the wait before the next send may go, and counts it. */
export class ConversationLimiter {
  private readonly sent = new Map<string, number[]>();

  constructor(private readonly windows: readonly { ms: number; max: number }[] = TEAMS_CONVERSATION_WINDOWS) {}

  reserve(conversation: string, now: number): number {
    const longest = Math.max(...this.windows.map((w) => w.ms));
    const times = (this.sent.get(conversation) ?? []).filter((t) => t > now - longest);
    let at = now;
    for (let changed = true; changed; ) {
      changed = false;
      for (const w of this.windows) {
        const inWindow = times.filter((t) => t > at - w.ms);
        if (inWindow.length >= w.max) {
          // Wait until enough of the window's oldest sends have aged out.
          const release = inWindow[inWindow.length - w.max] + w.ms;
          if (release > at) {
            at = release;
            changed = true;
          }
        }
      }
    }
    times.push(at);
    times.sort((a, b) => a - b);
    this.sent.set(conversation, times);
    return at - now;
  }

  /** Forgets conversations idle for longer than the longest window (keeps memory bounded). */
  prune(now: number): void {
    const longest = Math.max(...this.windows.map((w) => w.ms));
    for (const [key, times] of this.sent) if (!times.length || times[times.length - 1] <= now - longest) this.sent.delete(key);
  }

  get size(): number {
    return this.sent.size;
  }
}

/** Exponential backoff with "equal jitter": half fixed, half random, capped. `attempt` counts from 1. */
export function backoffMs(attempt: number, random: () => number = Math.random, baseMs = 1000, capMs = 300_000): number {
  const exp = Math.min(capMs, baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  return Math.round(exp / 2 + random() * (exp / 2));
}

/** Retry-After as seconds or an HTTP date, in ms from `now`; null when absent or unreadable. Capped at 10 minutes. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  if (!text) return null;
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(text)) ms = Number(text) * 1000;
  else {
    const date = Date.parse(text);
    if (Number.isNaN(date)) return null;
    ms = date - now;
  }
  return Math.min(600_000, Math.max(0, Math.round(ms)));
}
