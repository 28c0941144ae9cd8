// A local stand-in for the Bot Framework's and Entra ID's key and token endpoints. It publishes
// OpenID metadata and JWKS (so the app validates real RS256 signatures), issues client-credential
// tokens, and signs test tokens — plus a second key nobody trusts, for forgeries.
import { generateKeyPair, exportJWK, SignJWT, type JWK, type CryptoKey } from 'jose';
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
}

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

  private handle(req: FakeRequest): FakeResponse | undefined {
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
      this.tokenRequests.push({ tenant: m[1], clientId: form.client_id, scope: form.scope, grantType: form.grant_type });
      const intercepted = this.tokenInterceptor?.(req);
      if (intercepted) return intercepted;
      return { body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: `fake-access-token-${randomUUID()}` } };
    }
    return undefined;
  }
}
