// `npm run bench`: runs every bench/*.bench.ts in turn; each prints its figures last, as ratios
// against a baseline measured in the same run.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../src/paths.js';

const dir = join(projectRoot(), 'bench');
const only = process.argv[2];
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only))).sort();
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--no-deprecation', join(dir, file)], { stdio: 'inherit', env: { ...process.env, NODE_EXTRA_CA_CERTS: join(projectRoot(), 'tests', 'fixtures', 'tls', 'loopback-cert.pem') } });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
