// The house rules `npm run lint` enforces fail on a violation: each checker runs on a tiny tree
// written for the test (under .tmp/) and must report it, and passes on the real src/.
import { strict as assert } from 'node:assert';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { projectRoot } from '../../src/paths.js';
import { duplicateTypeNames } from '../../scripts/typeNames.js';

/** Writes `files` (path → text) under a fresh folder in .tmp/ and returns it. */
function fixture(files: Record<string, string>): string {
  const root = join(projectRoot(), '.tmp', `house-rules-${randomBytes(4).toString('hex')}`);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('house rule: no type declared twice', () => {
  const made: string[] = [];
  after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('names an exported interface or type declared in two files, and where', () => {
    const root = fixture({
      'src/contracts/events.ts': 'export interface RosterLine { name: string }\nexport type Kind = "a" | "b";\n',
      'src/tab/pages/events.ts': '// a hand copy\nexport interface RosterLine { name: string; extra?: number }\n',
      'src/tab/other.tsx': 'export type Kind = string;\n',
    });
    made.push(root);
    const found = duplicateTypeNames(join(root, 'src'));
    assert.deepEqual([...found.keys()].sort(), ['Kind', 'RosterLine']);
    assert.deepEqual(found.get('RosterLine')!.map((d) => `${d.file}:${d.line}`).sort(), ['contracts/events.ts:1', 'tab/pages/events.ts:2']);
  });

  it('lets a file re-export or alias a type, and keep private names of its own', () => {
    const root = fixture({
      'src/contracts/events.ts': 'export interface RosterLine { name: string }\n',
      'src/tab/events.ts': "export type { RosterLine } from '../contracts/events';\nexport type { RosterLine as Line } from '../contracts/events';\ninterface State { a: 1 }\n",
      'src/tab/other.ts': 'interface State { b: 2 }\nexport const x = 1;\n',
    });
    made.push(root);
    assert.deepEqual([...duplicateTypeNames(join(root, 'src')).keys()], []);
  });

  it('finds no duplicate in the real src/', () => {
    assert.deepEqual([...duplicateTypeNames(join(projectRoot(), 'src')).keys()], []);
  });
});

describe('house rule: layers (dependency-cruiser, .dependency-cruiser.cjs)', () => {
  let root: string;
  let violations: { rule: { name: string }; from: string; to: string }[];

  // One small tree that breaks every rule once; the checker runs on it as `npm run lint` runs it.
  before(async function () {
    this.timeout(60_000);
    root = fixture({
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }),
      'src/domain/rules.ts':
        "import type { TurnContext } from 'botbuilder';\nimport { readFileSync } from 'node:fs';\nimport { book } from '../services/booking.js';\nexport const rule = (c: TurnContext) => [c, readFileSync, book];\n",
      'src/contracts/answer.ts': "import { words } from '../cards/words.js';\nexport const answerJson = () => words;\n",
      'src/cards/words.ts': "import { book } from '../services/booking.js';\nexport const words = String(book);\n",
      'src/services/booking.ts': "import { rows } from '../storage/rows.js';\nimport { services } from '../composition/index.js';\nexport const book = [rows, services];\n",
      'src/storage/rows.ts': "import { TableClient } from '@azure/data-tables';\nexport const rows = TableClient;\n",
      'src/composition/index.ts': 'export const services = {};\n',
      'src/api/route.ts': "import { TableClient } from '@azure/data-tables';\nimport { DefaultAzureCredential } from '@azure/identity';\nexport const route = [TableClient, DefaultAzureCredential];\n",
      'src/tab/page.ts': "import { book } from '../services/booking.js';\nimport { answerJson } from '../contracts/answer.js';\nexport const page = [book, answerJson];\n",
      'src/teams/one.ts': "import { two } from './two.js';\nexport const one = () => two;\n",
      'src/teams/two.ts': "import { one } from './one.js';\nexport const two = () => one;\n",
    });
    const cli = join(projectRoot(), 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
    const config = join(projectRoot(), '.dependency-cruiser.cjs');
    // The checker exits non-zero on a violation: read its report either way.
    const run = await promisify(execFile)(process.execPath, [cli, 'src', '--config', config, '--output-type', 'json'], { cwd: root, maxBuffer: 16 * 1024 * 1024 }).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
    violations = JSON.parse(run.stdout).summary.violations;
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const broken = (rule: string) => violations.filter((v) => v.rule.name === rule).map((v) => `${v.from} -> ${v.to}`);

  const expectations: [rule: string, from: string, to: RegExp][] = [
    ['no-circular', 'src/teams/one.ts', /src\/teams\/two\.ts/],
    ['domain-imports-only-domain', 'src/domain/rules.ts', /src\/services\/booking\.ts/],
    ['pure-layers-no-io', 'src/domain/rules.ts', /^(node:)?fs$/],
    ['pure-layers-no-frameworks', 'src/domain/rules.ts', /node_modules\/botbuilder\//],
    ['contracts-import-only-domain', 'src/contracts/answer.ts', /src\/cards\/words\.ts/],
    ['cards-import-only-contracts-and-domain', 'src/cards/words.ts', /src\/services\/booking\.ts/],
    ['services-use-ports-only', 'src/services/booking.ts', /src\/storage\/rows\.ts/],
    ['nothing-reaches-into-the-wiring', 'src/services/booking.ts', /src\/composition\/index\.ts/],
    ['botbuilder-only-in-teams', 'src/domain/rules.ts', /node_modules\/botbuilder\//],
    ['azure-sdk-only-in-storage-and-jobs', 'src/api/route.ts', /node_modules\/@azure\/data-tables\//],
    ['azure-identity-only-in-storage-and-teams', 'src/api/route.ts', /node_modules\/@azure\/identity\//],
    ['tab-imports-only-contracts-and-domain', 'src/tab/page.ts', /src\/services\/booking\.ts/],
    ['tab-imports-contracts-type-only', 'src/tab/page.ts', /src\/contracts\/answer\.ts/],
  ];
  for (const [rule, from, to] of expectations) {
    it(`${rule}: fails on ${from}`, () => {
      const found = broken(rule);
      assert.ok(
        found.some((v) => v.startsWith(`${from} -> `) && to.test(v.slice(from.length + 4))),
        `${rule} should flag ${from} -> ${to}; flagged: ${JSON.stringify(found)}; all: ${JSON.stringify(violations.map((v) => v.rule.name))}`,
      );
    });
  }

  it('lets the allowed imports through (storage may use the Azure SDK)', () => {
    assert.deepEqual(violations.filter((v) => v.from === 'src/storage/rows.ts'), []);
  });
});
