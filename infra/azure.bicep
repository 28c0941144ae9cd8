// Azure resources for the Virtual Café: deployed by the `arm/deploy` step of teamsapp.yml into the
// resource group the toolkit selects. Outputs are written by the toolkit to env/.env.<env> under
// the same names (upper case) and used by the later steps and by appPackage/manifest.json.
//
//   App Service plan (Linux) + web app, Node 22 LTS: bot (/api/messages), tab API and tab
//   User-assigned managed identity: storage data access without keys (DefaultAzureCredential)
//   Storage account: Tables (all state) + Queues (deferred work); TLS 1.2, no shared keys, no public blobs
//   Azure Bot (single tenant) with the Microsoft Teams channel
//   Log Analytics workspace + workspace-based Application Insights; app logs (stdout) shipped there
//
// App settings use exactly the names src/config.ts reads (see README.md, "Configuration").

@minLength(4)
@maxLength(20)
@description('Base of every resource name (letters, digits and hyphens); teamsapp.yml passes vcafe plus the toolkit\'s RESOURCE_SUFFIX.')
param resourceBaseName string

@description('Region for everything except the Azure Bot, which is global. Defaults to the resource group\'s region.')
param location string = resourceGroup().location

@description('App Service plan SKU. B1 is the smallest with Always On; S1/P0v3 add deployment slots and autoscale.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
])
param webAppSku string = 'B1'

@description('Storage redundancy. Standard_LRS keeps three copies in one datacentre; Standard_ZRS spreads them across zones.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
param storageSku string = 'Standard_LRS'

@maxLength(42)
@description('Name the bot shows in the Azure portal.')
param botDisplayName string

@description('Client (application) id of the bot\'s Entra app (BOT_ID, created by aadApp/create).')
param botId string

@secure()
@description('Client secret of the bot\'s Entra app (SECRET_BOT_PASSWORD). Stored as an app setting, never output.')
param botPassword string

@description('Tenant of the bot\'s Entra app (single-tenant bot).')
param botTenantId string = tenant().tenantId

@description('Client id of the tab\'s Entra app (tab single sign-on).')
param aadAppClientId string

@description('Tenant of the tab\'s Entra app.')
param aadAppTenantId string = tenant().tenantId

@secure()
@description('Client secret of the tab\'s Entra app (SECRET_AAD_APP_CLIENT_SECRET): Graph calls on behalf of the signed-in organiser. Empty = app-only. Stored as an app setting, never output.')
param aadAppClientSecret string = ''

@description('First hub coordinators: comma list of Entra object ids, each optionally objectId:hub.')
param adminAadObjectIds string

@description('off: memberships are recorded only; app: the bot adds people to teams and channels through Microsoft Graph (needs admin consent).')
@allowed([
  'off'
  'app'
])
param graphMode string = 'off'

@description('Group id of the Teams team whose channels are the Communities of Practice; "none" until it is known.')
param virtualCafeTeamId string = 'none'

@description('pino log level.')
@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
])
param logLevel string = 'info'

@description('Trust x-request-id from a proxy in front of App Service (Front Door, Application Gateway) that sets it. App Service alone passes the client\'s header through, so leave false.')
param trustProxy bool = false

@description('Days Log Analytics (and so Application Insights) keeps data; 30 is included in the price.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Daily ingestion cap for Log Analytics in GB (a cost guard; -1 = no cap).')
param logDailyCapGb int = 1

param tags object = {}

var name = toLower(resourceBaseName)
// Storage account names: 3-24 lower-case letters and digits, globally unique.
var storageAccountName = take('${replace(name, '-', '')}${uniqueString(resourceGroup().id)}', 24)
var notSet = [
  ''
  'none'
]

// Built-in role definitions (ids are the same in every tenant).
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-id'
  location: location
  tags: tags
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
    workspaceCapping: {
      dailyQuotaGb: logDailyCapGb
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-insights'
  location: location
  kind: 'web'
  tags: tags
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  tags: tags
  sku: {
    name: storageSku
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // The app reaches storage with its managed identity only: no account keys, no SAS.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
    accessTier: 'Hot'
    encryption: {
      keySource: 'Microsoft.Storage'
      services: {
        blob: {
          enabled: true
        }
        file: {
          enabled: true
        }
        table: {
          enabled: true
        }
        queue: {
          enabled: true
        }
      }
    }
  }
}

resource tableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource queueRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageQueueDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  tags: tags
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: name
  location: location
  kind: 'app,linux'
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node dist/src/index.js'
      alwaysOn: true
      healthCheckPath: '/api/health'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        // The platform: run the uploaded package as is (built and staged by `npm run stage:azure`).
        {
          name: 'WEBSITE_RUN_FROM_PACKAGE'
          value: '1'
        }
        {
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'false'
        }
        // Read by @azure/identity (DefaultAzureCredential): use the user-assigned identity.
        {
          name: 'AZURE_CLIENT_ID'
          value: identity.properties.clientId
        }
        // The app (src/config.ts).
        {
          name: 'HOST'
          value: '0.0.0.0'
        }
        {
          name: 'AUTH_MODE'
          value: 'entra'
        }
        {
          name: 'BOT_ID'
          value: botId
        }
        {
          name: 'BOT_PASSWORD'
          value: botPassword
        }
        {
          name: 'BOT_TENANT_ID'
          value: botTenantId
        }
        {
          name: 'AAD_APP_CLIENT_ID'
          value: aadAppClientId
        }
        {
          name: 'AAD_APP_TENANT_ID'
          value: aadAppTenantId
        }
        {
          name: 'AAD_APP_CLIENT_SECRET'
          value: aadAppClientSecret
        }
        {
          name: 'HOME_TENANT_ID'
          value: botTenantId
        }
        {
          name: 'AZURE_STORAGE_ACCOUNT_NAME'
          value: storage.name
        }
        {
          name: 'ADMIN_AAD_OBJECT_IDS'
          value: adminAadObjectIds
        }
        {
          name: 'GRAPH_MODE'
          value: graphMode
        }
        {
          name: 'VIRTUAL_CAFE_TEAM_ID'
          value: contains(notSet, toLower(virtualCafeTeamId)) ? '' : virtualCafeTeamId
        }
        {
          name: 'PUBLIC_URL'
          value: 'https://${name}.azurewebsites.net'
        }
        {
          name: 'TRUST_PROXY'
          value: string(trustProxy)
        }
        {
          name: 'SEED_DEMO'
          value: 'false'
        }
        {
          name: 'LOG_LEVEL'
          value: logLevel
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
      ]
    }
  }
}

// FTP and basic-auth publishing off: the toolkit deploys with your Entra sign-in.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'scm'
  properties: {
    allow: false
  }
}

// The app's structured logs (stdout), HTTP logs and platform events go to the workspace.
resource webAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: webApp
  properties: {
    workspaceId: workspace.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

// Single-tenant Azure Bot (multi-tenant bot creation ended on 31 July 2025) with the Teams channel.
resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot'
  location: 'global'
  kind: 'azurebot'
  tags: tags
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: botId
    msaAppTenantId: botTenantId
    msaAppType: 'SingleTenant'
    disableLocalAuth: false
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
    }
  }
}

// Written by the toolkit to env/.env.<env> (names upper-cased): used by teamsapp.yml,
// aad.manifest.json and appPackage/manifest.json. No secrets here.
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output AZURE_APP_SERVICE_NAME string = webApp.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.name
output AZURE_BOT_SERVICE_NAME string = bot.name
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
