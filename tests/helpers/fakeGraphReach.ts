// Graph for the "reach people" features, added to a FakeGraph in its own module: installing the app
// for a user (POST /users/{id}/teamwork/installedApps, checked as Graph checks it: teamsApp@odata.bind
// to …/appCatalogs/teamsApps/{id} of a catalogue app; 201, or 409 when already installed), the
// installation's chat (GET …/installedApps/{id}/chat), activity feed notices
// (POST /users/{id}/teamwork/sendActivityNotification) and user search (GET /users?$search=… with
// ConsistencyLevel: eventual). Faults (403, 429…) come from FakeGraph.fail().
import { randomUUID } from 'node:crypto';
import type { FakeGraph } from './fakeGraph.js';
import type { FakeRequest, FakeResponse } from './httpServer.js';

export interface DirectoryUser {
  id: string;
  displayName: string;
  mail?: string;
  userPrincipalName?: string;
}

export interface FakeActivityNotice {
  userId: string;
  body: any;
}

export class FakeGraphReach {
  /** Catalogue app ids that exist in the tenant. */
  readonly catalogue = new Set<string>();
  /** userId → installation id of the catalogue app. */
  readonly installed = new Map<string, { installationId: string; appId: string; chatId: string }>();
  /** Users for whom installing is refused (e.g. a tenant policy blocks the app for them): 403. */
  readonly blocked = new Set<string>();
  readonly activities: FakeActivityNotice[] = [];
  readonly users: DirectoryUser[] = [];
  /** Called after an install (tests use it to have Teams tell the bot, as it does). */
  onInstalled?: (userId: string) => void;

  constructor(private readonly graph: FakeGraph) {
    graph.extensions.push((req, path) => this.handle(req, path));
  }

  private problem(message: string): FakeResponse {
    this.graph.problems.push(message);
    return { status: 400, body: { error: { code: 'BadRequest', message } } };
  }

  private handle(req: FakeRequest, path: string): FakeResponse | undefined {
    let m = /^\/users\/([^/]+)\/teamwork\/installedApps$/.exec(path);
    if (m && req.method === 'POST') {
      const userId = decodeURIComponent(m[1]);
      const bind = (req.body as any)?.['teamsApp@odata.bind'];
      const app = typeof bind === 'string' ? /^https?:\/\/[^/]+\/v1\.0\/appCatalogs\/teamsApps\/([^/]+)$/.exec(bind) : null;
      if (!app) return this.problem('teamsApp@odata.bind must be {graph}/v1.0/appCatalogs/teamsApps/{id}');
      if (!this.catalogue.has(app[1])) return { status: 404, body: { error: { code: 'NotFound', message: 'The app is not in the catalogue' } } };
      if (this.blocked.has(userId)) return { status: 403, body: { error: { code: 'Forbidden', message: 'App blocked by policy' } } };
      if (this.installed.has(userId)) return { status: 409, body: { error: { code: 'Conflict', message: 'App is already installed' } } };
      this.installed.set(userId, { installationId: randomUUID(), appId: app[1], chatId: `19:${randomUUID()}_${userId}@unq.gbl.spaces` });
      this.onInstalled?.(userId);
      return { status: 201, body: {} };
    }
    m = /^\/users\/([^/]+)\/teamwork\/installedApps\/([^/]+)\/chat$/.exec(path);
    if (m && req.method === 'GET') {
      const entry = this.installed.get(decodeURIComponent(m[1]));
      if (!entry || entry.installationId !== decodeURIComponent(m[2])) return { status: 404, body: { error: { code: 'NotFound', message: 'No installation' } } };
      return { status: 200, body: { id: entry.chatId } };
    }
    m = /^\/users\/([^/]+)\/teamwork\/sendActivityNotification$/.exec(path);
    if (m && req.method === 'POST') {
      const userId = decodeURIComponent(m[1]);
      const b = req.body as any;
      if (!b || b.topic?.source !== 'text' || typeof b.topic.value !== 'string' || typeof b.topic.webUrl !== 'string' || !/^https:\/\/teams\.microsoft\.com\/l\//.test(b.topic.webUrl)) {
        return this.problem('topic must be { source: "text", value, webUrl: a Teams deep link }');
      }
      if (typeof b.activityType !== 'string' || !b.previewText || typeof b.previewText.content !== 'string') return this.problem('activityType and previewText.content are required');
      if (!this.installed.has(userId)) return { status: 403, body: { error: { code: 'Forbidden', message: 'The app is not installed for the user' } } };
      this.activities.push({ userId, body: b });
      return { status: 204 };
    }
    if (path === '/users' && req.method === 'GET') {
      const search = req.query.get('$search');
      if (!search) return undefined;
      if (String(req.headers.consistencylevel ?? '').toLowerCase() !== 'eventual') return this.problem('$search needs the ConsistencyLevel: eventual header');
      const sm = /^"displayName:([^"]*)"$/.exec(search);
      if (!sm) return this.problem('$search must be "displayName:…"');
      const wanted = sm[1].toLowerCase();
      const top = Number(req.query.get('$top') ?? 100);
      const select = (req.query.get('$select') ?? '').split(',').filter(Boolean);
      const found = this.users
        .filter((u) => u.displayName.toLowerCase().split(/\s+/).some((w) => w.startsWith(wanted)))
        .slice(0, top)
        .map((u) => (select.length ? Object.fromEntries(Object.entries(u).filter(([k]) => select.includes(k))) : u));
      return { status: 200, body: { value: found } };
    }
    return undefined;
  }
}
