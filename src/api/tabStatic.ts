// Serves the built tab (dist/tab) under /tab/. Unknown paths under /tab/ get index.html so the
// React router can show /tab/calendar, /tab/channels… The auth mode is written into index.html
// as a meta tag so the page knows whether to use Teams SSO or the dev header.
import { readFile, stat } from 'node:fs/promises';
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
  '.map': 'application/json; charset=utf-8',
};

export function tabStaticHandler(tabDir: string, config: Config) {
  let indexHtml: string | undefined;
  const loadIndex = async () => {
    if (indexHtml !== undefined) return indexHtml;
    try {
      const raw = await readFile(join(tabDir, 'index.html'), 'utf8');
      const meta = `<meta name="virtual-cafe-auth" content="${config.authMode}"><meta name="virtual-cafe-client-id" content="${escapeAttr(config.aadAppClientId)}">`;
      indexHtml = raw.replace('</head>', `${meta}</head>`);
    } catch {
      indexHtml = '';
    }
    return indexHtml;
  };

  return async (req: Request, res: Response): Promise<void> => {
    const path = decodeSafe(req.getPath());
    const rel = path === null ? null : normalize(path.replace(/^\/tab\/?/, '')).replace(/^(\.\.(\/|\\|$))+/, '');
    const file = rel === null ? null : join(tabDir, rel);
    if (file && rel && file.startsWith(tabDir + sep) && extname(file)) {
      try {
        const info = await stat(file);
        if (info.isFile()) {
          const body = await readFile(file);
          res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
          // Vite names assets by content hash, so they can be cached for a long time.
          res.setHeader('cache-control', rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
          res.sendRaw(200, body);
          return;
        }
      } catch {
        /* fall through to 404 / index */
      }
      res.status(404);
      res.json({ error: { code: 'NotFound', message: 'No such file.' } });
      return;
    }
    const html = await loadIndex();
    if (!html) {
      res.status(503);
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.sendRaw('The tab has not been built yet: run "npm run build".');
      return;
    }
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', 'no-cache');
    res.sendRaw(200, html);
    return;
  };
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
