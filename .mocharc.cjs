// Tests are TypeScript run through tsx. One Azurite for the whole run (tests/helpers/rootHooks.ts);
// each test file isolates itself with its own table prefix.
const path = require('node:path');

// The local fakes that must speak HTTPS (the fake Entra token endpoint: @azure/identity refuses
// http authorities) use a test-only loopback certificate. Mocha re-spawns Node for node-option,
// and the child inherits this, so the test process trusts that certificate and nothing else changes.
process.env.NODE_EXTRA_CA_CERTS = path.join(__dirname, 'tests', 'fixtures', 'tls', 'loopback-cert.pem');

// Mocha adds files named on the command line to `spec` instead of replacing it, so
// `npx mocha tests/unit/x.test.ts` would run the whole suite too. Named files replace the list.
const named = process.argv.slice(2).some((a) => /\.test\.ts$/.test(a) || /^tests\//.test(a));

// `npm test` runs the files in two worker processes (the machine CI uses has two cores; most files
// wait on sockets, timers and child processes rather than compute). Files are handed out in list
// order, so the longest go first and the short ones fill in around them.
const LONGEST_FIRST = [
  'tests/e2e/reminderFanout.test.ts',
  'tests/e2e/a11y.browser.test.ts',
  'tests/reliability/signupFaults.test.ts',
  'tests/e2e/shell.browser.test.ts',
  'tests/integration/signupContention.test.ts',
  'tests/e2e/channels.browser.test.ts',
  'tests/reliability/hostileInput.test.ts',
];

module.exports = {
  'node-option': ['import=tsx', 'no-deprecation'],
  require: ['tests/helpers/rootHooks.ts'],
  parallel: !named,
  jobs: 2,
  spec: named ? [] : [...LONGEST_FIRST, 'tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts', 'tests/reliability/**/*.test.ts'],
  timeout: 30000,
  slow: 2000,
  exit: true,
  reporter: 'dot',
};
