// A small reader for the parts of a Bicep file the deployment tests check: parameter declarations
// (name, default, @secure, @allowed, @minLength/@maxLength), outputs and the app settings' names.
// Not a compiler: no Bicep compiler installs from the registries this project can reach, so the
// tests check declarations and contracts, and docs/deploy.md says what that does not cover.

export interface BicepParam {
  name: string;
  type: string;
  hasDefault: boolean;
  secure: boolean;
  allowed?: string[];
  minLength?: number;
  maxLength?: number;
}

export interface BicepFile {
  params: BicepParam[];
  outputs: { name: string; type: string }[];
  /** `name: '…'` entries inside appSettings arrays. */
  appSettings: string[];
}

/** Bicep without // and /* *\/ comments (strings are left alone). */
function stripComments(text: string): string {
  let out = '';
  let i = 0;
  let inString = false;
  while (i < text.length) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') {
        out += text[i + 1] ?? '';
        i += 2;
        continue;
      }
      if (c === "'") inString = false;
      i++;
    } else if (c === "'") {
      inString = true;
      out += c;
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2);
      i = i < 0 ? text.length : i + 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

export function parseBicep(source: string): BicepFile {
  const lines = stripComments(source).split(/\r?\n/);
  const params: BicepParam[] = [];
  const outputs: { name: string; type: string }[] = [];
  let decorators: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line.startsWith('@')) {
      // A decorator may span lines (@allowed([ … ])): gather until brackets balance.
      let text = line;
      while ((text.match(/[([]/g) ?? []).length > (text.match(/[)\]]/g) ?? []).length && i + 1 < lines.length) text += '\n' + lines[++i].trim();
      decorators.push(text);
      continue;
    }
    const param = /^param\s+([A-Za-z_][A-Za-z0-9_]*)\s+([A-Za-z_][A-Za-z0-9_]*)(\s*=.*)?$/.exec(line);
    if (param) {
      const p: BicepParam = { name: param[1], type: param[2], hasDefault: !!param[3], secure: decorators.some((d) => d.startsWith('@secure(')) };
      for (const d of decorators) {
        const allowed = /^@allowed\(\s*\[([\s\S]*)\]\s*\)$/.exec(d);
        if (allowed) p.allowed = [...allowed[1].matchAll(/'([^']*)'/g)].map((m) => m[1]);
        const min = /^@minLength\((\d+)\)$/.exec(d);
        if (min) p.minLength = Number(min[1]);
        const max = /^@maxLength\((\d+)\)$/.exec(d);
        if (max) p.maxLength = Number(max[1]);
      }
      params.push(p);
    }
    const output = /^output\s+([A-Za-z_][A-Za-z0-9_]*)\s+([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line);
    if (output) outputs.push({ name: output[1], type: output[2] });
    if (line !== '') decorators = [];
  }
  const appSettings: string[] = [];
  const text = stripComments(source);
  for (const block of text.matchAll(/appSettings:\s*\[([\s\S]*?)\n\s*\]/g)) {
    for (const m of block[1].matchAll(/name:\s*'([^']+)'/g)) appSettings.push(m[1]);
  }
  return { params, outputs, appSettings };
}
