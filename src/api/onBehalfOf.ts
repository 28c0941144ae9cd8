// Graph calls on behalf of the person signed in to the tab: the on-behalf-of flow through
// @microsoft/teamsfx's OnBehalfOfUserCredential, which trades the tab's SSO token (the bearer token
// the API already checked) for a Microsoft Graph token with the tab app's secret. The one place on
// the server that uses teamsfx; loaded on first use, and only when AAD_APP_CLIENT_SECRET is set.
import type { Config } from '../config.js';
import type { DelegatedAccess } from '../domain/ports.js';
import type { UserId } from '../domain/people/person.js';

type TeamsFx = typeof import('@microsoft/teamsfx');
type OboCredential = InstanceType<TeamsFx['OnBehalfOfUserCredential']>;

/** Builds a person's delegated access from their SSO token (nothing is asked of Entra until a call needs it). */
export type OnBehalfOf = (ssoToken: string, who: { userId: UserId; tenantId?: string }) => DelegatedAccess;

let loading: Promise<TeamsFx> | undefined;
async function teamsfx(): Promise<TeamsFx> {
  // CommonJS package: its named exports may come through as properties of `default`.
  loading ??= import('@microsoft/teamsfx').then((m) => ((m as { OnBehalfOfUserCredential?: unknown }).OnBehalfOfUserCredential ? m : (m as unknown as { default: TeamsFx }).default));
  return loading;
}

/**
 * MSAL looks a non-Microsoft authority up in Microsoft's instance list (a network call that fails
 * for a local fake or a sovereign cloud). As src/teams/credentials.ts does for @azure/identity, we
 * name the authority as known instead; teamsfx takes no such option, so it goes on its MSAL client.
 */
function trustAuthority(credential: OboCredential, authority: string): void {
  const client = (credential as unknown as { msalClient?: { config?: { auth?: { knownAuthorities?: string[] } } } }).msalClient;
  if (client?.config?.auth) client.config.auth.knownAuthorities = [authority];
}

export function createOnBehalfOf(config: Pick<Config, 'aadAppClientId' | 'aadAppClientSecret' | 'aadAppTenantId' | 'azureAuthorityHost'>): OnBehalfOf | undefined {
  if (!config.aadAppClientSecret || !config.aadAppClientId) return undefined;
  const microsoft = /login\.microsoftonline\.com/i.test(config.azureAuthorityHost);
  return (ssoToken, who) => {
    // A multi-tenant sign-in app trades the token in the person's own tenant.
    const tenantId = /^(common|organizations)$/i.test(config.aadAppTenantId) && who.tenantId ? who.tenantId : config.aadAppTenantId;
    let credential: OboCredential | undefined;
    return {
      userId: who.userId,
      async token(scopes: string[]): Promise<string> {
        if (!credential) {
          const { OnBehalfOfUserCredential } = await teamsfx();
          credential = new OnBehalfOfUserCredential(ssoToken, { authorityHost: config.azureAuthorityHost, clientId: config.aadAppClientId, tenantId, clientSecret: config.aadAppClientSecret });
          if (!microsoft) trustAuthority(credential, `${config.azureAuthorityHost}/${tenantId}`);
        }
        const token = await credential.getToken(scopes);
        if (!token?.token) throw new Error('No on-behalf-of token');
        return token.token;
      },
    };
  };
}
