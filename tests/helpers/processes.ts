// Server instances as child processes (tests/helpers/appProcess.ts), and which of them owns a TCP
// connection — so a test can kill -9 exactly the instance whose request just arrived.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';

export interface AppProcess {
  pid: number;
  instanceId: string;
  child: ChildProcess;
  exited: Promise<void>;
  kill(signal?: NodeJS.Signals): void;
}

export async function startAppProcess(env: Record<string, string>, tuning: Record<string, number>): Promise<AppProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--no-deprecation', join(projectRoot(), 'tests', 'helpers', 'appProcess.ts')], {
    cwd: projectRoot(),
    env: { ...process.env, ...env, TEST_BACKGROUND_TUNING: JSON.stringify(tuning) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let errors = '';
  child.stderr?.on('data', (c: Buffer) => {
    errors += c.toString();
    if (process.env.TEST_LOG_LEVEL) process.stderr.write(c);
  });
  const ready = await new Promise<{ pid: number; instanceId: string }>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`app process did not start:\n${errors.slice(-2000)}`)), 60_000);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      if (process.env.TEST_LOG_LEVEL) process.stdout.write(c);
      const line = out.split('\n').find((l) => l.startsWith('{"ready"'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`app process exited (${code}):\n${errors.slice(-2000)}`));
    });
  });
  return { pid: ready.pid, instanceId: ready.instanceId, child, exited, kill: (signal = 'SIGTERM') => child.kill(signal) };
}

/**
 * Which of `pids` has a socket bound to local TCP port `port` (Linux /proc). The fake connector
 * sees the client's port; this tells it which server instance sent the request.
 */
export function pidOwningPort(port: number, pids: readonly number[]): number | undefined {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length > 9 && cols[1].endsWith(`:${hex}`)) inodes.add(cols[9]);
    }
  }
  for (const pid of pids) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && inodes.has(m[1])) return pid;
      } catch {
        /* fd closed meanwhile */
      }
    }
  }
  return undefined;
}
