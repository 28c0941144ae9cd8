// Reads a PDF back as text with pdftotext (Debian's poppler-utils; .ci/run installs it), so tests
// check what a person would read, not how the bytes were made. Raw order: each table cell's text
// together, however the columns wrapped.
import { execFile } from 'node:child_process';

export function pdfText(bytes: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('pdftotext', ['-enc', 'UTF-8', '-raw', '-', '-'], { maxBuffer: 16 * 1024 * 1024 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
    child.stdin?.end(Buffer.from(bytes));
  });
}

/** Page count and metadata, from pdfinfo. */
export function pdfInfo(bytes: Uint8Array): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const child = execFile('pdfinfo', ['-enc', 'UTF-8', '-'], (err, stdout) => {
      if (err) return reject(err);
      resolve(Object.fromEntries(stdout.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()])));
    });
    child.stdin?.end(Buffer.from(bytes));
  });
}

/** GET with dev-mode identity, answering the raw bytes. */
export async function getBytes(app: { url: string }, path: string, user?: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; bytes: Uint8Array; disposition: string }> {
  const res = await fetch(app.url + path, { headers: { ...(user ? { 'x-dev-user': user } : {}), ...headers } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', bytes: new Uint8Array(await res.arrayBuffer()) };
}
