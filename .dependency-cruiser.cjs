// The layer rules `npm run lint` checks (docs/adding-a-feature.md, "House rules that tests enforce").
// Dependencies run one way: domain → contracts → cards → services → edges (teams, api, jobs, tab),
// with composition/ and app.ts wiring them together. tests/unit/houseRules.test.ts proves every
// rule fails on a small tree that breaks it. Type-only imports count (tsPreCompilationDeps).

/** Folders below src/ that may be named in a `path` rule. */
const src = (folders) => `^src/(${folders.join('|')})/`;
/** Node's built-in modules that do I/O (domain, contracts and cards must not touch them). */
const NODE_IO = '^(node:)?(fs|fs/promises|net|http|https|http2|tls|dgram|dns|child_process|cluster|worker_threads|os|path|process|readline|stream|zlib|crypto|module|v8|vm|timers|timers/promises)$';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import circle anywhere in src/: a circle means two files are one concern, or a dependency runs the wrong way.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'domain-imports-only-domain',
      severity: 'error',
      comment: 'domain/ is pure rules and types: it imports nothing else of the app.',
      from: { path: src(['domain']) },
      to: { path: '^src/', pathNot: src(['domain']) },
    },
    {
      name: 'pure-layers-no-io',
      severity: 'error',
      comment: 'domain/, contracts/ and cards/ do no I/O: no Node I/O modules.',
      from: { path: src(['domain', 'contracts', 'cards']) },
      to: { dependencyTypes: ['core'], path: NODE_IO },
    },
    {
      name: 'pure-layers-no-frameworks',
      severity: 'error',
      comment: 'domain/, contracts/ and cards/ use no framework: no Bot Framework, Azure SDK, HTTP server, logger or UI.',
      from: { path: src(['domain', 'contracts', 'cards']) },
      to: { path: '(^|/)node_modules/(botbuilder|botframework-[^/]+|@azure/[^/]+|@microsoft/[^/]+|restify|pino|jose|react|react-dom|@fluentui/[^/]+)/' },
    },
    {
      name: 'contracts-import-only-domain',
      severity: 'error',
      comment: 'contracts/ are the shapes of answers: they import domain/ only (the tab imports them).',
      from: { path: src(['contracts']) },
      to: { path: '^src/', pathNot: src(['contracts', 'domain']) },
    },
    {
      name: 'cards-import-only-contracts-and-domain',
      severity: 'error',
      comment: 'cards/ (templates, builders, words) import contracts/ and domain/ only: never a service, the config or an edge.',
      from: { path: src(['cards']) },
      to: { path: '^src/', pathNot: src(['cards', 'contracts', 'domain']) },
    },
    {
      name: 'services-use-ports-only',
      severity: 'error',
      comment: 'services/ take ports: they never import an edge, a storage implementation, the wiring or the seed.',
      from: { path: src(['services']) },
      to: { path: `${src(['teams', 'api', 'jobs', 'storage', 'composition', 'seed', 'tab', 'telemetry'])}|^src/(app|index)\\.ts$` },
    },
    {
      name: 'nothing-reaches-into-the-wiring',
      severity: 'error',
      comment: 'Only the entry points (app.ts, index.ts) import the composition root; everything else is given what it needs.',
      from: { path: src(['domain', 'contracts', 'cards', 'services', 'storage', 'tab']) },
      to: { path: `${src(['composition'])}|^src/(app|index)\\.ts$` },
    },
    {
      name: 'botbuilder-only-in-teams',
      severity: 'error',
      comment: 'The Bot Framework SDK stays in src/teams/ (so a move to another SDK touches one folder).',
      from: { path: '^src/', pathNot: src(['teams']) },
      to: { path: '(^|/)node_modules/(botbuilder|botframework-[^/]+)/' },
    },
    {
      name: 'azure-sdk-only-in-storage-and-jobs',
      severity: 'error',
      comment: 'Azure SDKs live in src/storage/ and src/jobs/ (telemetry: its own). @azure/identity also signs the Teams edge in to the Bot Connector and Graph.',
      from: { path: '^src/', pathNot: src(['storage', 'jobs', 'telemetry']) },
      to: { path: '(^|/)node_modules/@azure/[^/]+/', pathNot: '(^|/)node_modules/@azure/identity/' },
    },
    {
      name: 'azure-identity-only-in-storage-and-teams',
      severity: 'error',
      comment: '@azure/identity: storage (managed identity) and the Teams edge (bot and Graph tokens) only.',
      from: { path: '^src/', pathNot: src(['storage', 'jobs', 'telemetry', 'teams']) },
      to: { path: '(^|/)node_modules/@azure/identity/' },
    },
    {
      name: 'tab-imports-only-contracts-and-domain',
      severity: 'error',
      comment: 'The tab talks to the server over HTTP only: of the server it imports contracts/ and domain/, nothing else.',
      from: { path: src(['tab']) },
      to: { path: '^src/', pathNot: src(['tab', 'contracts', 'domain']) },
    },
    {
      name: 'tab-imports-contracts-type-only',
      severity: 'error',
      comment: 'The tab imports contracts type-only (`import type`), so no server code is bundled.',
      from: { path: src(['tab']) },
      to: { path: src(['contracts']), dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.json'] },
    moduleSystems: ['es6', 'cjs'],
  },
};
