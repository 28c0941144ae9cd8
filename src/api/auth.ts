// Who is calling the tab API. AUTH_MODE=entra: an Entra ID v2 access token (signature against the
// tenant's published keys, issuer, audience, expiry) via jose. AUTH_MODE=dev: the x-dev-user header,
// accepted only because the server refuses to listen beyond loopback in that mode.
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Config } from '../config.js';
import type { Identity } from '../services/people.js';
import type { DelegatedAccess } from '../domain/ports.js';
import { createOnBehalfOf, type OnBehalfOf } from './onBehalfOf.js';
import { AppError } from '../domain/errors.js';
import { isMailbox, isValidUserId } from '../domain/people/person.js';

export interface Authenticator {
  authenticate(headers: Record<string, string | string[] | undefined>): Promise<Identity>;
  /**
   * The person's own authority for Graph calls (on-behalf-of), when they came with an SSO token and
   * the server has the tab app's secret; undefined otherwise (callers then go app-only).
   */
  delegated?(headers: Record<string, string | string[] | undefined>, identity: Identity): DelegatedAccess | undefined;
}

const unauthenticated = (message: string) => new AppError('unauthenticated', message);
const BEARER = /^Bearer\s+([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*)\s*$/i;
const header = (headers: Record<string, string | string[] | undefined>, name: string) => {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
};

export function createAuthenticator(config: Config): Authenticator {
  return config.authMode === 'dev' ? new DevAuthenticator() : new EntraAuthenticator(config, createOnBehalfOf(config));
}

export class DevAuthenticator implements Authenticator {
  async authenticate(headers: Record<string, string | string[] | undefined>): Promise<Identity> {
    const id = header(headers, 'x-dev-user')?.trim();
    if (!id) throw unauthenticated('Sign in: send x-dev-user (dev mode).');
    if (!isValidUserId(id)) throw unauthenticated('x-dev-user is not a usable id.');
    // No x-dev-name: keep whatever name we already know for this person.
    const name = decodeHeaderText(header(headers, 'x-dev-name'));
    const tenantId = header(headers, 'x-dev-tenant')?.trim().slice(0, 100) || undefined;
    const email = header(headers, 'x-dev-email')?.trim();
    return { id, name: name.slice(0, 200), tenantId, ...(isMailbox(email) ? { email } : {}) };
  }
}

/** Header values are Latin-1 on the wire; the tab sends names percent-encoded so any name survives. */
function decodeHeaderText(value: string | undefined): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value).trim();
  } catch {
    return value.trim();
  }
}

interface OpenIdMetadata {
  issuer?: string;
  jwks_uri?: string;
}

export class EntraAuthenticator implements Authenticator {
  private keys?: { jwks: JWTVerifyGetKey; issuer?: string; loadedAt: number };
  private loading?: Promise<{ jwks: JWTVerifyGetKey; issuer?: string; loadedAt: number }>;

  constructor(
    private readonly config: Config,
    private readonly onBehalfOf?: OnBehalfOf,
  ) {}

  delegated(headers: Record<string, string | string[] | undefined>, identity: Identity): DelegatedAccess | undefined {
    const m = BEARER.exec(header(headers, 'authorization') ?? '');
    return m && this.onBehalfOf ? this.onBehalfOf(m[1], { userId: identity.id, tenantId: identity.tenantId }) : undefined;
  }

  private async metadata() {
    // Reload the metadata document daily; jose refetches the key set itself when a new key id appears.
    if (this.keys && Date.now() - this.keys.loadedAt < 24 * 3600_000) return this.keys;
    this.loading ??= (async () => {
      try {
        const res = await fetch(this.config.aadOpenIdMetadataUrl, { signal: AbortSignal.timeout(5000) });
        if (!res.ok) throw new Error(`metadata ${res.status}`);
        const doc = (await res.json()) as OpenIdMetadata;
        if (!doc.jwks_uri) throw new Error('metadata has no jwks_uri');
        this.keys = { jwks: createRemoteJWKSet(new URL(doc.jwks_uri), { timeoutDuration: 5000, cooldownDuration: 30_000 }), issuer: doc.issuer, loadedAt: Date.now() };
        return this.keys;
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }

  async authenticate(headers: Record<string, string | string[] | undefined>): Promise<Identity> {
    const auth = header(headers, 'authorization') ?? '';
    const m = BEARER.exec(auth);
    if (!m) throw unauthenticated('Sign in: a bearer token is required.');
    if (!this.config.aadAppClientId) throw unauthenticated('Sign-in is not configured on this server (AAD_APP_CLIENT_ID).');
    let keys;
    try {
      keys = await this.metadata();
    } catch {
      throw new AppError('unavailable', 'Sign-in keys could not be loaded; try again shortly.');
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(m[1], keys.jwks, { algorithms: ['RS256'], requiredClaims: ['exp', 'iss', 'aud'] }));
    } catch {
      throw unauthenticated('The sign-in token is not valid or has expired.');
    }
    const tid = typeof payload.tid === 'string' ? payload.tid : '';
    const oid = typeof payload.oid === 'string' ? payload.oid : '';
    if (!tid || !oid || !isValidUserId(oid)) throw unauthenticated('The sign-in token does not name a person.');
    if (!this.issuerAccepted(String(payload.iss), tid, keys.issuer)) throw unauthenticated('The sign-in token comes from an issuer this app does not trust.');
    if (!this.audienceAccepted(payload.aud)) throw unauthenticated('The sign-in token is for another application.');
    const name = typeof payload.name === 'string' ? payload.name : typeof payload.preferred_username === 'string' ? payload.preferred_username : '';
    // The mailbox for calendar invites: the optional `email` claim, else the sign-in name (UPN) when it is one.
    const email = [payload.email, payload.upn, payload.preferred_username].find(isMailbox);
    return { id: oid, name, tenantId: tid, guest: payload.acct === 1, ...(email ? { email } : {}) };
  }

  /**
   * A tenant-specific app (AAD_APP_TENANT_ID = a tenant id) trusts that tenant's v2.0 issuer and the
   * issuer its metadata names; a multi-tenant one ("common") trusts each tenant's own issuer, which
   * must match the token's tid.
   */
  private issuerAccepted(iss: string, tid: string, metadataIssuer?: string): boolean {
    const configured = this.config.aadAppTenantId;
    const accepted = new Set<string>();
    if (configured && !/^(common|organizations)$/i.test(configured)) {
      accepted.add(`https://login.microsoftonline.com/${configured}/v2.0`);
      if (metadataIssuer && !metadataIssuer.includes('{tenantid}')) accepted.add(metadataIssuer);
    } else {
      accepted.add(`https://login.microsoftonline.com/${tid}/v2.0`);
      if (metadataIssuer) accepted.add(metadataIssuer.replace('{tenantid}', tid));
    }
    return accepted.has(iss);
  }

  private audienceAccepted(aud: JWTPayload['aud']): boolean {
    const id = this.config.aadAppClientId;
    const list = Array.isArray(aud) ? aud : aud ? [aud] : [];
    return list.some((a) => a === id || new RegExp(`^api://[^/\\s]+/${escapeRegExp(id)}$`).test(a));
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
