// A small app-only Microsoft Graph client for the "reach people" features (installing the app for
// a person, activity feed notices, directory search): a token from @azure/identity against
// AZURE_AUTHORITY_HOST, calls to GRAPH_BASE_URL, and throttling (429/503/504) retried after the
// Retry-After Graph asks for, within a budget the caller sets; beyond it the answer is returned
// as it came (status 429) for the caller to decide. Channel membership (graphDirectory.ts) makes its
// calls through this client too.
import type { TokenCredential } from '@azure/identity';
import type { Config } from '../config.js';
import type { Logger } from '../logging.js';
import { appGraphCredential, GRAPH_SCOPE } from './graphCredential.js';

/** Seconds to wait from a Retry-After header (seconds or an HTTP date); undefined if absent. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const n = Number(header.trim());
  if (Number.isFinite(n) && n >= 0) return Math.ceil(n);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

export interface GraphAnswer {
  status: number;
  body: Record<string, unknown> | null;
  /** Seconds Graph asked us to wait (throttled answers). */
  retryAfter?: number;
}

export class GraphUnavailable extends Error {
  constructor(readonly reason: string) {
    super(`graph unavailable: ${reason}`);
    this.name = 'GraphUnavailable';
  }
}

export interface GraphCallOptions {
  headers?: Record<string, string>;
  /** Longest total wait for Retry-After (default 8 s; 0 = never wait). */
  maxWaitMs?: number;
  maxAttempts?: number;
}

export class GraphAppClient {
  private readonly credential: TokenCredential;

  constructor(
    private readonly config: Config,
    private readonly logger: Logger,
    options: { credential?: TokenCredential; timeoutMs?: number } = {},
    private readonly timeoutMs = options.timeoutMs ?? 15_000,
  ) {
    this.credential = options.credential ?? appGraphCredential(config);
  }

  get baseUrl(): string {
    return this.config.graphBaseUrl;
  }

  private async token(): Promise<string> {
    try {
      const token = await this.credential.getToken(GRAPH_SCOPE);
      if (!token?.token) throw new Error('empty token');
      return token.token;
    } catch (e) {
      this.logger.warn({ err: e instanceof Error ? e.message.slice(0, 200) : String(e) }, 'graph token failed');
      throw new GraphUnavailable('token');
    }
  }

  /** One Graph request (retried only when throttled, within the budget). Throws GraphUnavailable when Graph cannot be reached. */
  async call(method: string, path: string, body?: unknown, options: GraphCallOptions = {}): Promise<GraphAnswer> {
    const maxWaitMs = options.maxWaitMs ?? 8000;
    const maxAttempts = options.maxAttempts ?? 4;
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      const token = await this.token();
      let res: Response;
      try {
        res = await fetch(`${this.config.graphBaseUrl}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/json',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...options.headers,
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (e) {
        this.logger.warn({ method, err: e instanceof Error ? e.name : 'error' }, 'graph unreachable');
        throw new GraphUnavailable('network');
      }
      const text = await res.text();
      let json: Record<string, unknown> | null = null;
      try {
        json = text ? (JSON.parse(text) as Record<string, unknown>) : null;
      } catch {
        json = null;
      }
      if (res.status === 429 || res.status === 503 || res.status === 504) {
        const after = retryAfterSeconds(res.headers.get('retry-after')) ?? Math.min(2 ** attempt, 10);
        this.logger.info({ status: res.status, retryAfter: after, attempt }, 'graph throttled');
        if (attempt >= maxAttempts || waited + after * 1000 > maxWaitMs) return { status: res.status, body: json, retryAfter: after };
        waited += after * 1000;
        await new Promise((r) => setTimeout(r, after * 1000));
        continue;
      }
      return { status: res.status, body: json };
    }
  }
}
