// The Teams app package: appPackage/manifest.json with ${{VAR}} placeholders filled from the
// Teams Toolkit env files, validated against the official schema bundled in @microsoft/app-manifest
// (no network), zipped with the icons.
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { readEnvFile, type Env } from '../src/config.js';
import { projectRoot } from '../src/paths.js';

const require = createRequire(import.meta.url);

export const MANIFEST_PATH = () => join(projectRoot(), 'appPackage', 'manifest.json');

/** The ${{NAME}} placeholders a template uses. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1]))];
}

export function envFor(envName: string): Env {
  const dir = join(projectRoot(), 'env');
  return { ...readEnvFile(join(dir, `.env.${envName}`)), ...readEnvFile(join(dir, `.env.${envName}.user`)) };
}

/** Fills placeholders; names any that have no value (a *_SUFFIX may be empty, e.g. in production). */
export function fillTemplate(template: string, values: Env): { text: string; missing: string[] } {
  const missing = placeholders(template).filter((name) => values[name] === undefined || (values[name] === '' && !name.endsWith('_SUFFIX')));
  const text = template.replace(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_, name: string) => (values[name] ?? '').replace(/["\\]/g, (c) => `\\${c}`));
  return { text, missing };
}

export async function validateManifest(manifest: Record<string, unknown>): Promise<string[]> {
  const version = String(manifest.manifestVersion);
  const schemaPath = require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`);
  // The published schema has an invalid "\a" in one regex; the library's own fetcher patches it the same way.
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8').replace(/\\a/g, '\\x07')) as object;
  return AppManifestUtils.validateAgainstSchema(manifest as never, schema as never);
}

export interface BuiltPackage {
  manifest: Record<string, unknown>;
  zipPath: string;
  manifestPath: string;
}

export async function buildAppPackage(envName: string, values: Env = envFor(envName)): Promise<BuiltPackage> {
  const root = projectRoot();
  const { text, missing } = fillTemplate(readFileSync(MANIFEST_PATH(), 'utf8'), values);
  if (missing.length) throw new Error(`env/.env.${envName} does not set ${missing.join(', ')} (run the toolkit's provision step, or set them by hand)`);
  const manifest = JSON.parse(text) as Record<string, unknown>;
  const errors = await validateManifest(manifest);
  if (errors.length) throw new Error(`The manifest does not match the Teams schema:\n  ${errors.join('\n  ')}`);
  const outDir = join(root, 'appPackage', 'build');
  mkdirSync(outDir, { recursive: true });
  const manifestPath = join(outDir, `manifest.${envName}.json`);
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2)));
  zip.addFile('color.png', readFileSync(join(root, 'appPackage', 'color.png')));
  zip.addFile('outline.png', readFileSync(join(root, 'appPackage', 'outline.png')));
  const zipPath = join(outDir, `appPackage.${envName}.zip`);
  zip.writeZip(zipPath);
  return { manifest, zipPath, manifestPath };
}
