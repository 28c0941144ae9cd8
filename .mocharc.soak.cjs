// `npm run soak`: the reliability suite and the reminder fan-out at full size (npm test runs them at CI size).
const base = require('./.mocharc.cjs');

process.env.SOAK = '1';
process.env.FUZZ_RUNS = process.env.FUZZ_RUNS || '1000';

module.exports = { ...base, spec: ['tests/reliability/**/*.test.ts', 'tests/e2e/reminderFanout.test.ts'], timeout: 1_800_000, reporter: 'spec', parallel: false };
