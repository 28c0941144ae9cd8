// What goes to Azure App Service: the compiled server (dist/src), the built tab (dist/tab), and only
// the npm packages the server imports at run time, found from the compiled code itself so the list
// never drifts from package.json. The tab's libraries (React, Fluent UI, teams-js) are bundled by
// Vite into dist/tab and are not needed on the server.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

/** Packages left out of the Azure package on purpose, with the reason. */
export const EXCLUDED_IN_AZURE: Record<string, string> = {
  azurite: 'the embedded storage emulator is for local runs; in Azure AZURE_STORAGE_ACCOUNT_NAME is always set (infra/azure.bicep)',
};

// The keyword must not sit inside a string or name (e.g. the text 'needs "from" and "to" times', or
// a CSV header 'Attendance from' followed by the next quoted header): compiled code puts a space after `from`.
const SPECIFIER = /(?<![\w'"`.$])(?:from\s+|import\s*\(\s*|import\s+|require\s*\(\s*|require\.resolve\s*\(\s*)(['"])([^'"\n]+)\1/g;

/** npm package names a JavaScript module imports or resolves (relative paths and node: builtins left out). */
export function importedPackages(source: string): Set<string> {
  const names = new Set<string>();
  for (const m of source.matchAll(SPECIFIER)) {
    const spec = m[2];
    if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('node:') || spec.includes(':')) continue;
    const parts = spec.split('/');
    const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
    if (builtinModules.includes(name)) continue;
    names.add(name);
  }
  return names;
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return jsFiles(path);
    return e.name.endsWith('.js') ? [path] : [];
  });
}

export interface PackageJson {
  name: string;
  version: string;
  type?: string;
  engines?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

export interface ServerDependencies {
  /** name → version range, from package.json `dependencies`. */
  runtime: Record<string, string>;
  /** Imported by the server but not in `dependencies` (would fail in production). */
  undeclared: string[];
}

/** The packages the compiled server (serverDir, e.g. dist/src) needs, checked against package.json. */
export function serverDependencies(pkg: PackageJson, serverDir: string): ServerDependencies {
  const imported = new Set<string>();
  for (const file of jsFiles(serverDir)) for (const name of importedPackages(readFileSync(file, 'utf8'))) imported.add(name);
  const declared = pkg.dependencies ?? {};
  const runtime: Record<string, string> = {};
  const undeclared: string[] = [];
  for (const name of [...imported].sort()) {
    if (name in EXCLUDED_IN_AZURE) continue;
    if (declared[name]) runtime[name] = declared[name];
    else undeclared.push(name);
  }
  return { runtime, undeclared };
}

/** package.json for the staged app: the start command and the runtime dependencies only. */
export function stagedPackageJson(pkg: PackageJson, runtime: Record<string, string>): Record<string, unknown> {
  return {
    name: pkg.name,
    version: pkg.version,
    private: true,
    type: pkg.type ?? 'module',
    engines: pkg.engines,
    scripts: { start: 'node dist/src/index.js' },
    dependencies: runtime,
  };
}
