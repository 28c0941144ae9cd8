// Outbound bot credentials through @azure/identity, so the token authority is configurable
// (AZURE_AUTHORITY_HOST; tests point it at a local fake) and a managed identity works the same way.
import { AppCredentials, ServiceClientCredentialsFactory, type AuthenticatorResult } from 'botframework-connector';
import { ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import type { Config } from '../config.js';

class IdentityAppCredentials extends AppCredentials {
  constructor(
    appId: string,
    tenant: string,
    scope: string,
    private readonly credential: TokenCredential,
  ) {
    super(appId, tenant, scope);
  }

  protected async refreshToken(): Promise<AuthenticatorResult> {
    const scope = this.oAuthScope.endsWith('/.default') ? this.oAuthScope : `${this.oAuthScope.replace(/\/$/, '')}/.default`;
    const token = await this.credential.getToken(scope);
    if (!token) throw new Error('No token for the bot from Entra ID');
    return { accessToken: token.token, expiresOn: new Date(token.expiresOnTimestamp) };
  }
}

/** An empty-appId credential: anonymous bot (local only), sends without a token. */
class AnonymousCredentials extends AppCredentials {
  constructor() {
    super('');
  }
  protected async refreshToken(): Promise<AuthenticatorResult> {
    return { accessToken: '', expiresOn: new Date(8_640_000_000_000_000) };
  }
}

export class IdentityCredentialsFactory extends ServiceClientCredentialsFactory {
  private readonly credential?: TokenCredential;

  constructor(private readonly config: Config) {
    super();
    if (config.botId) {
      const tenant = config.botTenantId || 'botframework.com';
      this.credential = config.botPassword
        ? new ClientSecretCredential(tenant, config.botId, config.botPassword, {
            authorityHost: config.azureAuthorityHost,
            // A fake or sovereign authority is not in Microsoft's instance list; skip the lookup.
            disableInstanceDiscovery: !/login\.microsoftonline\.com/i.test(config.azureAuthorityHost),
          })
        : new ManagedIdentityCredential({ clientId: config.botId });
    }
  }

  async isValidAppId(appId: string): Promise<boolean> {
    return !!this.config.botId && appId === this.config.botId;
  }

  async isAuthenticationDisabled(): Promise<boolean> {
    return !this.config.botId;
  }

  async createCredentials(appId: string, audience: string | undefined): Promise<AppCredentials> {
    if (!this.config.botId || !this.credential) return new AnonymousCredentials();
    if (appId !== this.config.botId) throw new Error('Invalid app id for outbound credentials');
    return new IdentityAppCredentials(appId, this.config.botTenantId, audience ?? 'https://api.botframework.com', this.credential);
  }
}
