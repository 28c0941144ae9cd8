// House rule "no type declared twice": an exported interface, type alias, class or enum name may be
// declared in one file under src/ only. Two declarations of one name drift apart (the tab's copy
// of a server answer was how `cancelledAt` went missing); import the one from src/contracts or
// src/domain instead. Re-exports (`export type { X } from …`) are not declarations.
// `npm run lint` runs this; tests/unit/houseRules.test.ts proves it fails on a duplicate.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

export interface Declaration {
  name: string;
  file: string;
  line: number;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(entry) && !entry.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const exported = (node: ts.Node) => ts.canHaveModifiers(node) && !!ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** Every exported interface, type alias, class and enum declared in the files below `root`. */
export function exportedTypeDeclarations(root: string): Declaration[] {
  const found: Declaration[] = [];
  for (const path of sourceFiles(root)) {
    const text = readFileSync(path, 'utf8');
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    for (const node of source.statements) {
      const named = ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isClassDeclaration(node) || ts.isEnumDeclaration(node);
      if (!named || !node.name || !exported(node)) continue;
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      found.push({ name: node.name.text, file: relative(root, path).split(sep).join('/'), line });
    }
  }
  return found;
}

/** Names declared in more than one file, with where. */
export function duplicateTypeNames(root: string): Map<string, Declaration[]> {
  const byName = new Map<string, Declaration[]>();
  for (const d of exportedTypeDeclarations(root)) byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
  return new Map([...byName].filter(([, places]) => new Set(places.map((p) => p.file)).size > 1));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = process.argv[2] ?? 'src';
  const duplicates = duplicateTypeNames(root);
  if (duplicates.size) {
    for (const [name, places] of duplicates) console.error(`${name} is declared ${places.length} times: ${places.map((p) => `${root}/${p.file}:${p.line}`).join(', ')}`);
    console.error('Declare each exported type once (shared answers live in src/contracts, shared rules in src/domain) and import it.');
    process.exit(1);
  }
  console.log(`type names: each exported type under ${root}/ is declared once`);
}
