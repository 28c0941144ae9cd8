// A GET that returns the bytes exactly as sent (fetch would decompress them): for checking what
// goes over the wire — encodings, sizes, caching headers.
import { get, type IncomingHttpHeaders } from 'node:http';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Bytes of the status line and headers as they came over the wire. */
  headerBytes: number;
}

export function rawGet(url: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      const head = `HTTP/${res.httpVersion} ${res.statusCode} ${res.statusMessage}\r\n` + res.rawHeaders.map((v, i) => (i % 2 ? `${v}\r\n` : `${v}: `)).join('') + '\r\n';
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), headerBytes: Buffer.byteLength(head) }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}
