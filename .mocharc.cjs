// Tests are TypeScript run through tsx. One Azurite for the whole run (tests/helpers/rootHooks.ts);
// each test file isolates itself with its own table prefix.
module.exports = {
  'node-option': ['import=tsx', 'no-deprecation'],
  require: ['tests/helpers/rootHooks.ts'],
  spec: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
  timeout: 30000,
  slow: 2000,
  exit: true,
  reporter: 'dot',
};
