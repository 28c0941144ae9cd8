// The tab's one way to tell the API who is using it (swap it here, nowhere else). Inside Teams
// (AUTH_MODE=entra) a Teams SSO token, taken through @microsoft/teamsfx's TeamsUserCredential,
// which keeps it until five minutes before it expires. TeamsFx (with MSAL) is a large package,
// so it is loaded only then: in dev mode (a plain browser on loopback) it is never fetched, and
// the API is told who to act as with the x-dev-user headers (?devUser=…&devName=…).
import { authMode, devUser } from './session';

type Credential = { getToken(scopes: string | string[]): Promise<{ token: string } | null> };

let credential: Promise<Credential> | undefined;

const meta = (name: string) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? '';

function teamsCredential(): Promise<Credential> {
  credential ??= import('@microsoft/teamsfx').then(
    ({ TeamsUserCredential }) =>
      new TeamsUserCredential({
        clientId: meta('virtual-cafe-client-id'),
        // TeamsFx requires a login page; the tab never opens it (the API wants the SSO token only, no consent popup).
        initiateLoginEndpoint: `${window.location.origin}/tab/`,
      }),
  );
  return credential;
}

/** A Teams SSO token (an Entra ID token for this app) for the API. */
export async function ssoToken(): Promise<string> {
  // Teams hosts the tab in a frame: a top-level page has no Teams to ask (and no TeamsFx to load).
  if (window.parent === window) throw new Error('Not inside Teams: no Teams sign-in here.');
  // Empty scopes: the SSO token itself, not a token for another resource.
  const token = await (await teamsCredential()).getToken('');
  if (!token?.token) throw new Error('Teams gave no sign-in token.');
  return token.token;
}

/** The headers that say who is calling: the dev headers, or the SSO token as a bearer. */
export async function identityHeaders(): Promise<Record<string, string>> {
  if (authMode() === 'dev') {
    const user = devUser();
    if (!user) return {};
    const h: Record<string, string> = { 'x-dev-user': user.id, 'x-dev-name': encodeURIComponent(user.name) };
    if (user.tenant) h['x-dev-tenant'] = user.tenant;
    return h;
  }
  return { authorization: `Bearer ${await ssoToken()}` };
}
