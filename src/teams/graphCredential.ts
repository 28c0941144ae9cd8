// The app's own Microsoft Graph credential (app-only): a client secret against AZURE_AUTHORITY_HOST,
// or the managed identity when there is no secret. One for every Graph client of the Teams edge.
import { ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import type { Config } from '../config.js';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/** Microsoft's public-cloud authority is in its instance list; a fake or sovereign one is not. */
export const isMicrosoftAuthority = (authorityHost: string): boolean => /login\.microsoftonline\.com/i.test(authorityHost);

export function appGraphCredential(config: Pick<Config, 'graphClientSecret' | 'graphTenantId' | 'graphClientId' | 'azureAuthorityHost'>): TokenCredential {
  return config.graphClientSecret
    ? new ClientSecretCredential(config.graphTenantId || 'organizations', config.graphClientId, config.graphClientSecret, {
        authorityHost: config.azureAuthorityHost,
        // A fake or sovereign authority is not in Microsoft's instance list; skip the lookup.
        disableInstanceDiscovery: !isMicrosoftAuthority(config.azureAuthorityHost),
      })
    : new ManagedIdentityCredential(config.graphClientId ? { clientId: config.graphClientId } : {});
}
