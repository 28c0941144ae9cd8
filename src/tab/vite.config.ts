// Builds the tab into dist/tab, served by the app under /tab/ (src/api/tabStatic.ts).
// - Pages are lazy chunks (src/tab/pages/index.tsx); the entry holds only the shell.
// - Every text asset is compressed here, once, to .br and .gz beside it; the server picks the
//   variant the browser accepts instead of compressing per request.
// - The calendar (the static tab's start page) is preloaded from index.html with its chunks, so
//   they download while the entry does.
// - No source maps in the build: they would publish the tab's source (issue #15). Set
//   TAB_SOURCEMAP=1 to get them for local debugging (the server serves .map files in dev mode only).
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve, sep } from 'node:path';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = resolve(here, '../../dist/tab');

/** The module behind /tab/calendar (pages/index.tsx loads it lazily). */
const CALENDAR_MODULE = ['pages', 'events', 'CalendarPage.tsx'].join('/');

const COMPRESSIBLE = /\.(js|mjs|css|svg|json|txt|html)$/;

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/** Writes name.br (quality 11) and name.gz (level 9) beside every text file they make smaller. */
function precompress(): Plugin {
  return {
    name: 'virtual-cafe:precompress',
    apply: 'build',
    // After the bundle and the public folder are written.
    async closeBundle() {
      for await (const file of filesUnder(outDir)) {
        // index.html is rewritten by the server at start (auth mode), which compresses it then.
        if (!COMPRESSIBLE.test(file) || file === join(outDir, 'index.html')) continue;
        const body = await readFile(file);
        const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
        const gz = gzipSync(body, { level: 9 });
        // A copy only where it is smaller (a tiny file can grow); the server sends the file otherwise.
        if (br.length < body.length) await writeFile(`${file}.br`, br);
        if (gz.length < body.length) await writeFile(`${file}.gz`, gz);
      }
    },
  };
}

/** Adds <link rel="modulepreload"> for the calendar's chunk and the chunks it imports. */
function preloadCalendar(): Plugin {
  return {
    name: 'virtual-cafe:preload-calendar',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return;
        const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const entry = chunks.find((c) => c.isEntry);
        const calendar = chunks.find((c) => c.moduleIds.some((id) => id.split(sep).join('/').endsWith(CALENDAR_MODULE)));
        if (!entry || !calendar) throw new Error(`preload-calendar: no chunk for ${CALENDAR_MODULE}`);
        // The entry's own static imports are preloaded by Vite already.
        const have = new Set([entry.fileName, ...entry.imports]);
        const want: string[] = [];
        const visit = (fileName: string) => {
          if (have.has(fileName) || want.includes(fileName)) return;
          want.push(fileName);
          const chunk = bundle[fileName];
          if (chunk?.type === 'chunk') chunk.imports.forEach(visit);
        };
        visit(calendar.fileName);
        return want.map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/tab/${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}

/**
 * What the calendar's first load needs beyond the shell, as one chunk with the calendar page: the
 * Fluent packages its filters, search, badges and links use, the few small Fluent helpers and icons
 * they share, and the tab's own shared bits. Left to automatic splitting these are a dozen files,
 * some of a few bytes (each a request with ~0.7 KB of headers; one too small to compress), and a
 * grouping by size would merge other pages' code (combobox, table, dialog) into the calendar's.
 * A module missed here only costs the calendar an extra file (tests/e2e/tabAssets.test.ts
 * measures); a module listed that other pages also use is loaded by them from this chunk, which the
 * start page has already cached.
 */
const CALENDAR_NEEDS = [
  /node_modules[\\/]@fluentui[\\/]react-(field|label|input|search|select|link|badge|text|utilities|icons)[\\/]/,
  /node_modules[\\/]@fluentui[\\/]react-shared-contexts[\\/]lib[\\/]BackgroundAppearanceContext[\\/]/,
  /src[\\/]tab[\\/]components[\\/](AppLink|InlineResult|SectionTabs|names|useAsync|useMediaQuery)\.tsx?$/,
  /src[\\/]tab[\\/]pages[\\/]events[\\/](CalendarPage|EventBits)\.tsx$/,
  /src[\\/]domain[\\/](text|events[\\/]criteria)\.ts$/,
];

export default defineConfig({
  root: here,
  base: '/tab/',
  plugins: [react(), preloadCalendar(), precompress()],
  logLevel: 'warn',
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: process.env.TAB_SOURCEMAP === '1',
    // The entry must stay small: the calendar's first load is budgeted at 150 KB on the wire.
    chunkSizeWarningLimit: 250,
    rolldownOptions: {
      output: {
        // Shared chunks are named after every page using them; "ui-<hash>" says enough.
        chunkFileNames: (chunk) => (chunk.name.startsWith('ui~') ? 'assets/ui-[hash].js' : 'assets/[name]-[hash].js'),
        codeSplitting: {
          groups: [
            // Everything the entry needs (React, Fluent's core, the shell) in one file rather than
            // a dozen small ones: each request costs a round trip and headers on a slow network.
            { name: 'shell', tags: ['$initial'], priority: 3 },
            // The calendar's first load (it was 15 files, with other pages' combobox, table and
            // dialog merged into chunks the calendar imports, when this group did that grouping).
            { name: 'CalendarPage', test: (id) => CALENDAR_NEEDS.some((re) => re.test(id)), includeDependenciesRecursively: false, priority: 2 },
            // Code that several other pages share, grouped by the set of pages that use it; small
            // groups merge into their nearest neighbour rather than becoming files of a few KB.
            { name: 'ui', minShareCount: 2, entriesAware: true, entriesAwareMergeThreshold: 30_000, priority: 1 },
          ],
        },
      },
    },
  },
});
