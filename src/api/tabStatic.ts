// Serves the built tab (dist/tab) under /tab/. Unknown paths under /tab/ get index.html so the
// tab's router can show /tab/calendar, /tab/events/{id}… (and its own "Page not found"). The auth
// mode is written into index.html as a meta tag so the page knows whether to use Teams SSO or the
// dev header.
//
// - Compression: the build writes .br and .gz beside each text asset (src/tab/vite.config.ts); the
//   variant the browser accepts is sent as is, never compressed per request. index.html, rewritten
//   here, is compressed once per build.
// - Caching: hashed files under assets/ are immutable for a year; everything else (index.html,
//   favicon, privacy pages) is revalidated on every load (no-cache, with an ETag).
// - Source maps are served in dev mode only (the production build has none; issue #15).
import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { extname, join, normalize, sep } from 'node:path';
import type { Request, Response } from 'restify';
import type { Config } from '../config.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Types the build precompresses (the others, images and fonts, are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.map']);

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

export type Encoding = 'br' | 'gzip' | 'identity';

/**
 * The encoding to send for an Accept-Encoding header: brotli if accepted, else gzip, else none.
 * Honours q-values (`br;q=0` refuses brotli) and `*`.
 */
export function chooseEncoding(header: string | undefined): Encoding {
  if (!header) return 'identity';
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const accepts = (name: string) => (q.get(name) ?? q.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return 'identity';
}

interface Variant {
  body: Buffer;
  etag: string;
}

const etagOf = (body: Buffer) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;

export function tabStaticHandler(tabDir: string, config: Config) {
  // index.html rewritten and compressed once per build: kept until the file changes (a rebuild
  // while the server runs, as in development, must not leave it pointing at deleted chunks).
  let index: { mtimeMs: number; variants: Promise<Record<Encoding, Variant>> } | undefined;
  const loadIndex = async (): Promise<Record<Encoding, Variant> | null> => {
    const file = join(tabDir, 'index.html');
    const info = await stat(file).catch(() => null);
    if (!info) return null;
    if (index?.mtimeMs !== info.mtimeMs) {
      const variants = readFile(file, 'utf8').then((raw) => {
        const meta = `<meta name="virtual-cafe-auth" content="${config.authMode}"><meta name="virtual-cafe-client-id" content="${escapeAttr(config.aadAppClientId)}">`;
        const html = Buffer.from(raw.replace('</head>', `${meta}</head>`));
        const variant = (body: Buffer): Variant => ({ body, etag: etagOf(body) });
        return { identity: variant(html), gzip: variant(gzipSync(html, { level: 9 })), br: variant(brotliCompressSync(html)) };
      });
      index = { mtimeMs: info.mtimeMs, variants };
    }
    return index.variants.catch(() => {
      index = undefined;
      return null;
    });
  };

  return async (req: Request, res: Response): Promise<void> => {
    const path = decodeSafe(req.getPath());
    const rel = path === null ? null : normalize(path.replace(/^\/tab\/?/, '')).replace(/^(\.\.(\/|\\|$))+/, '');
    const file = rel === null ? null : join(tabDir, rel);
    if (file && rel && extname(file)) {
      const sendable =
        file.startsWith(tabDir + sep) &&
        // Never dot-files or dot-folders, and never the precompressed copies by their own names.
        !rel.split(/[\\/]/).some((part) => part.startsWith('.')) &&
        !/\.(br|gz)$/.test(rel) &&
        (extname(rel) !== '.map' || config.authMode === 'dev');
      if (sendable && (await sendFile(req, res, file, rel))) return;
      res.status(404);
      res.json({ error: { code: 'NotFound', message: 'No such file.' } });
      return;
    }
    const variants = await loadIndex();
    if (!variants) {
      res.status(503);
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.sendRaw('The tab has not been built yet: run "npm run build".');
      return;
    }
    const encoding = chooseEncoding(req.header('accept-encoding'));
    const { body, etag } = variants[encoding];
    res.setHeader('vary', 'Accept-Encoding');
    res.setHeader('cache-control', REVALIDATE);
    res.setHeader('etag', etag);
    if (req.header('if-none-match') === etag) {
      res.sendRaw(304, '');
      return;
    }
    res.setHeader('content-type', TYPES['.html']);
    if (encoding !== 'identity') res.setHeader('content-encoding', encoding);
    res.setHeader('content-length', body.length);
    res.sendRaw(200, body);
  };
}

/** Sends the file (or its precompressed variant); false when there is no such file. */
async function sendFile(req: Request, res: Response, file: string, rel: string): Promise<boolean> {
  const ext = extname(file);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return false;
  const compressible = COMPRESSIBLE.has(ext);
  let encoding = compressible ? chooseEncoding(req.header('accept-encoding')) : 'identity';
  let body: Buffer | null = null;
  if (encoding !== 'identity') {
    // Small files were not worth compressing at build time: send those as they are.
    body = await readFile(`${file}.${encoding === 'br' ? 'br' : 'gz'}`).catch(() => null);
    if (!body) encoding = 'identity';
  }
  body ??= await readFile(file);
  res.setHeader('content-type', TYPES[ext] ?? 'application/octet-stream');
  // Vite names everything under assets/ by its content hash, so it never changes under that name.
  const immutable = rel.startsWith('assets/') || rel.startsWith(`assets${sep}`);
  res.setHeader('cache-control', immutable ? IMMUTABLE : REVALIDATE);
  if (compressible) res.setHeader('vary', 'Accept-Encoding');
  if (encoding !== 'identity') res.setHeader('content-encoding', encoding);
  if (!immutable) {
    const etag = `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}-${encoding}"`;
    res.setHeader('etag', etag);
    if (req.header('if-none-match') === etag) {
      res.sendRaw(304, '');
      return true;
    }
  }
  // A length rather than chunked framing: the browser knows the size, and a few bytes less per file.
  res.setHeader('content-length', body.length);
  res.sendRaw(200, body);
  return true;
}

function decodeSafe(path: string): string | null {
  try {
    const decoded = decodeURIComponent(path);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}

const escapeAttr = (s: string) => s.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
