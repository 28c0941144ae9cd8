// Who the tab acts as. In Teams (AUTH_MODE=entra) the SSO token; in dev mode (plain browser on
// loopback) ?devUser=<objectId>&devName=<name>, kept for the browser session.
const KEY = 'virtual-cafe.devUser';

export type AuthMode = 'entra' | 'dev';

export function authMode(): AuthMode {
  const meta = document.querySelector('meta[name="virtual-cafe-auth"]');
  return meta?.getAttribute('content') === 'dev' ? 'dev' : 'entra';
}

export interface DevUser {
  id: string;
  name: string;
  tenant?: string;
}

export function devUser(): DevUser | null {
  const params = new URLSearchParams(window.location.search);
  const id = params.get('devUser');
  if (id) {
    const user: DevUser = { id, name: params.get('devName') ?? 'Dev user', tenant: params.get('devTenant') ?? undefined };
    sessionStorage.setItem(KEY, JSON.stringify(user));
    return user;
  }
  const saved = sessionStorage.getItem(KEY);
  if (!saved) return null;
  try {
    return JSON.parse(saved) as DevUser;
  } catch {
    return null;
  }
}

export function setDevUser(user: DevUser): void {
  sessionStorage.setItem(KEY, JSON.stringify(user));
}

export function signOutDevUser(): void {
  sessionStorage.removeItem(KEY);
}
