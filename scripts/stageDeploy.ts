// `npm run stage:azure` (teamsapp.yml's deploy step): build, then write .deploy/app — the folder
// the toolkit zips and deploys to App Service: dist/src, dist/tab, a package.json with only the
// server's runtime dependencies, those dependencies installed (production only, no install
// scripts; all are plain JavaScript, so staging on Windows or macOS gives the same result), and
// deployment.json naming the commit, for rollbacks.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/paths.js';
import { serverDependencies, stagedPackageJson, type PackageJson } from './deployStage.js';

function npm(args: string[], cwd: string): void {
  // Under `npm run`, npm_execpath is npm's own CLI: run it with this Node (works on every OS).
  const cli = process.env.npm_execpath;
  const result = cli ? spawnSync(process.execPath, [cli, ...args], { cwd, stdio: 'inherit' }) : spawnSync('npm', args, { cwd, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed in ${cwd}`);
}

function gitCommit(root: string): string {
  const result = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : 'unknown';
}

function main(): void {
  const root = projectRoot();
  const skipBuild = process.argv.includes('--no-build');
  if (!skipBuild) npm(['run', 'build'], root);
  for (const part of ['src', 'tab']) {
    if (!existsSync(join(root, 'dist', part))) throw new Error(`dist/${part} is missing: run npm run build`);
  }

  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;
  const deps = serverDependencies(pkg, join(root, 'dist', 'src'));
  if (deps.undeclared.length) throw new Error(`The server imports packages that are not in package.json "dependencies": ${deps.undeclared.join(', ')}`);

  const out = join(root, '.deploy', 'app');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'dist'), { recursive: true });
  cpSync(join(root, 'dist', 'src'), join(out, 'dist', 'src'), { recursive: true, filter: (f) => !f.endsWith('.map') });
  cpSync(join(root, 'dist', 'tab'), join(out, 'dist', 'tab'), { recursive: true });
  writeFileSync(join(out, 'package.json'), JSON.stringify(stagedPackageJson(pkg, deps.runtime), null, 2) + '\n');
  // The lock file pins the same versions the tests ran with; npm prunes what the app does not use.
  cpSync(join(root, 'package-lock.json'), join(out, 'package-lock.json'));
  npm(['install', '--omit=dev', '--omit=optional', '--ignore-scripts', '--no-audit', '--no-fund'], out);
  writeFileSync(join(out, 'deployment.json'), JSON.stringify({ commit: gitCommit(root), builtAt: new Date().toISOString() }, null, 2) + '\n');
  console.log(`Staged ${out} (${Object.keys(deps.runtime).length} runtime packages)`);
}

try {
  main();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
