// Starts the Microsoft 365 Agents Playground offline against a local bot: no browser, no telemetry,
// bound to loopback (scripts/loopback-listen.cjs), users from .m365agentsplayground.yml.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { projectRoot } from '../src/paths.js';

const require = createRequire(import.meta.url);

export interface Playground {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startPlayground(botEndpoint: string, port: number, options: { configPath?: string; logFile?: string } = {}): Promise<Playground> {
  const root = projectRoot();
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const child = spawn(
    process.execPath,
    ['--require', join(root, 'scripts', 'loopback-listen.cjs'), cli, '-e', botEndpoint, '-c', 'msteams', '-p', String(port), '--service-url', `http://127.0.0.1:${port}/_connector`, '--disable-telemetry'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.configPath ?? join(root, '.m365agentsplayground.yml'),
        M365_AGENTS_PLAYGROUND_LOGFILE: options.logFile ?? join(root, 'devTools', 'm365agentsplayground.log'),
      },
    },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Agents Playground did not start:\n${output.slice(-1500)}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Listening on \d+/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Agents Playground exited (${code}):\n${output.slice(-1500)}`));
    });
  });
  child.stdout?.resume();
  child.stderr?.resume();
  // "Listening" comes before the config file is read; wait until the playground answers with it.
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error('Agents Playground exited after starting (see devTools/m365agentsplayground.log)');
    try {
      if ((await fetch(`${url}/_internal/v1/config`)).ok) break;
    } catch {
      /* not yet */
    }
    if (i > 100) throw new Error('Agents Playground did not become ready');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    port,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}
