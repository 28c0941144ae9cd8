// A local stand-in for the Bot Framework's and Entra ID's key and token endpoints. It publishes
// OpenID metadata and JWKS (so the app validates real RS256 signatures), issues client-credential
// tokens and on-behalf-of tokens (grant urn:ietf:params:oauth:grant-type:jwt-bearer with
// requested_token_use=on_behalf_of: the assertion must be a token it signed), and signs test tokens —
// plus a second key nobody trusts, for forgeries. App tokens are `fake-access-token-…`, tokens on
// someone's behalf `fake-obo.<their oid>.…` (FakeGraph tells them apart).
import { generateKeyPair, exportJWK, importJWK, jwtVerify, SignJWT, type JWK, type CryptoKey } from 'jose';
import { randomUUID } from 'node:crypto';
import { startFakeServer, type FakeRequest, type FakeResponse, type RunningFake } from './httpServer.js';

export const BOT_ISSUER = 'https://api.botframework.com';
export const entraIssuer = (tenant: string) => `https://login.microsoftonline.com/${tenant}/v2.0`;

interface KeyPair {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

async function newKey(): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  return { kid, privateKey, jwk };
}

export interface TokenRequest {
  tenant: string;
  clientId?: string;
  scope?: string;
  grantType?: string;
  requestedTokenUse?: string;
  /** On-behalf-of: the person the assertion named (when it was valid). */
  assertionOid?: string;
  hasClientSecret?: boolean;
}

export const OBO_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export class FakeEntra {
  readonly tokenRequests: TokenRequest[] = [];
  /** Returned instead of a token, e.g. to simulate an outage. */
  tokenInterceptor?: (req: FakeRequest) => FakeResponse | undefined;
  private server!: RunningFake;
  private trusted!: KeyPair;
  private untrusted!: KeyPair;

  static async start(): Promise<FakeEntra> {
    const f = new FakeEntra();
    f.trusted = await newKey();
    f.untrusted = await newKey();
    // HTTPS: @azure/identity only talks to https authorities.
    f.server = await startFakeServer((req) => f.handle(req), { tls: true });
    return f;
  }

  get url(): string {
    return this.server.url;
  }

  private publicKeyCache?: CryptoKey;
  /** The trusted key's public half (what an assertion is checked against). */
  private async publicKey(): Promise<CryptoKey> {
    if (!this.publicKeyCache) {

      this.publicKeyCache = (await importJWK(this.trusted.jwk, 'RS256')) as CryptoKey;
    }
    return this.publicKeyCache;
  }

  /** BOT_OPENID_METADATA_URL */
  get botMetadataUrl(): string {
    return `${this.url}/botframework/v1/.well-known/openidconfiguration`;
  }

  /** AAD_OPENID_METADATA_URL for a tenant */
  aadMetadataUrl(tenant: string): string {
    return `${this.url}/${tenant}/v2.0/.well-known/openid-configuration`;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  /** A Bot Framework channel token as Teams would send to the bot. */
  async botToken(opts: { appId: string; serviceUrl: string; expiresInSeconds?: number; issuer?: string; forged?: boolean }): Promise<string> {
    const key = opts.forged ? this.untrusted : this.trusted;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ serviceurl: opts.serviceUrl })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
      .setIssuer(opts.issuer ?? BOT_ISSUER)
      .setAudience(opts.appId)
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime(now + (opts.expiresInSeconds ?? 3600))
      .sign(key.privateKey);
  }

  /** An Entra ID v2 access token for the tab API. */
  async accessToken(opts: {
    tenant: string;
    oid: string;
    audience: string;
    name?: string;
    expiresInSeconds?: number;
    issuer?: string;
    forged?: boolean;
    extra?: Record<string, unknown>;
  }): Promise<string> {
    const key = opts.forged ? this.untrusted : this.trusted;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ oid: opts.oid, tid: opts.tenant, name: opts.name ?? 'Test Person', ver: '2.0', ...opts.extra })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
      .setIssuer(opts.issuer ?? entraIssuer(opts.tenant))
      .setAudience(opts.audience)
      .setSubject(opts.oid)
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime(now + (opts.expiresInSeconds ?? 3600))
      .sign(key.privateKey);
  }

  private async handle(req: FakeRequest): Promise<FakeResponse | undefined> {
    if (req.path === '/botframework/v1/.well-known/openidconfiguration') {
      return { body: { issuer: BOT_ISSUER, jwks_uri: `${this.url}/botframework/v1/keys`, id_token_signing_alg_values_supported: ['RS256'] } };
    }
    if (req.path === '/botframework/v1/keys') {
      return { body: { keys: [{ ...this.trusted.jwk, endorsements: ['msteams', 'emulator'] }] } };
    }
    let m = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(req.path);
    if (m) {
      const tenant = m[1];
      return {
        body: {
          issuer: entraIssuer(tenant),
          jwks_uri: `${this.url}/${tenant}/discovery/v2.0/keys`,
          token_endpoint: `${this.url}/${tenant}/oauth2/v2.0/token`,
          authorization_endpoint: `${this.url}/${tenant}/oauth2/v2.0/authorize`,
          end_session_endpoint: `${this.url}/${tenant}/oauth2/v2.0/logout`,
          response_types_supported: ['code', 'id_token', 'token'],
          id_token_signing_alg_values_supported: ['RS256'],
          tenant_region_scope: 'EU',
          cloud_instance_name: 'microsoftonline.com',
          cloud_graph_host_name: 'graph.windows.net',
          msgraph_host: 'graph.microsoft.com',
        },
      };
    }
    m = /^\/([^/]+)\/discovery\/v2\.0\/keys$/.exec(req.path);
    if (m) return { body: { keys: [this.trusted.jwk] } };
    m = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(req.path);
    if (m && req.method === 'POST') {
      const form = (typeof req.body === 'object' ? req.body : {}) as Record<string, string>;
      const request: TokenRequest = { tenant: m[1], clientId: form.client_id, scope: form.scope, grantType: form.grant_type, requestedTokenUse: form.requested_token_use, hasClientSecret: !!form.client_secret };
      this.tokenRequests.push(request);
      const intercepted = this.tokenInterceptor?.(req);
      if (intercepted) return intercepted;
      if (form.grant_type === OBO_GRANT) {
        if (form.requested_token_use !== 'on_behalf_of' || !form.client_secret || !form.assertion) {
          return { status: 400, body: { error: 'invalid_request', error_description: 'AADSTS900144: on_behalf_of needs requested_token_use, client_secret and assertion.' } };
        }
        let oid: string;
        try {
          const { payload } = await jwtVerify(form.assertion, await this.publicKey(), { algorithms: ['RS256'] });
          oid = String(payload.oid ?? '');
          if (payload.aud !== form.client_id && !String(payload.aud).endsWith(`/${form.client_id}`)) throw new Error('audience');
        } catch {
          return { status: 400, body: { error: 'invalid_grant', error_description: 'AADSTS50013: Assertion failed signature validation.' } };
        }
        request.assertionOid = oid;
        return { body: { token_type: 'Bearer', scope: form.scope, expires_in: 3599, ext_expires_in: 3599, access_token: `fake-obo.${oid}.${randomUUID()}` } };
      }
      return { body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: `fake-access-token-${randomUUID()}` } };
    }
    return undefined;
  }
}
