// The house rules `npm run lint` enforces fail on a violation: each checker runs on a tiny tree
// written for the test (under .tmp/) and must report it, and passes on the real src/.
import { strict as assert } from 'node:assert';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
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
