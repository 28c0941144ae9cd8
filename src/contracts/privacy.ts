// "My data": everything held about a person (GET /api/me/export, and the "my data" card).
import type { UserId } from '../domain/people/person.js';

export interface PersonalDataExport {
  exportedAt: string;
  person: { id: UserId; name: string; guest: boolean };
  /** What each area holds, by area name. */
  data: Record<string, unknown>;
}
