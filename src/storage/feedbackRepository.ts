// Feedback on Azure Tables, table `Feedback`:
//   e|{eventId}  u|{userId}   a person's answer (replaced when they answer again)
//   e|{eventId}  a|{random}   an answer whose author erased their data: rating and comments only
//   p|{userId}   {eventId}    the person's answers (written before the answer: always a superset)
//   s|{seriesId} {eventId}    the events of a series
// An event's results are one partition query; a person's answers one more.
import { randomBytes } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import type { FeedbackRepository } from '../domain/feedback/ports.js';
import type { AnonymousFeedback, CodeTheme, Feedback } from '../domain/feedback/feedback.js';
import { deleteIfPresent, getOrNull, insertIfAbsent, listAll } from './etag.js';
import { isNotFound } from './errors.js';
import { decodeKey, encodeKey } from './keys.js';

const eventPk = (eventId: string) => `e|${encodeKey(eventId)}`;
const personPk = (userId: string) => `p|${encodeKey(userId)}`;
const seriesPk = (seriesId: string) => `s|${encodeKey(seriesId)}`;
const answerRk = (userId: string) => `u|${encodeKey(userId)}`;

interface AnswerEntity {
  userId: string;
  rating: number;
  useful: string;
  improve: string;
  practice: string;
  codeTheme: string;
  answeredAt: Date;
}

interface AnonymousEntity {
  rating: number;
  useful: string;
  improve: string;
}

const toFeedback = (eventId: string, e: AnswerEntity): Feedback => ({
  eventId,
  userId: e.userId,
  rating: Number(e.rating),
  useful: e.useful ?? '',
  improve: e.improve ?? '',
  practice: e.practice ?? '',
  ...(e.codeTheme ? { codeTheme: e.codeTheme as CodeTheme } : {}),
  answeredAt: e.answeredAt instanceof Date ? e.answeredAt : new Date(String(e.answeredAt)),
});

export class TableFeedbackRepository implements FeedbackRepository {
  constructor(private readonly table: TableClient) {}

  async save(answer: Feedback): Promise<{ replaced: boolean }> {
    // Index first: an answer that exists can always be found for "my data" and "forget me".
    await this.table.upsertEntity({ partitionKey: personPk(answer.userId), rowKey: encodeKey(answer.eventId), eventId: answer.eventId }, 'Replace');
    const entity = {
      partitionKey: eventPk(answer.eventId),
      rowKey: answerRk(answer.userId),
      userId: answer.userId,
      rating: answer.rating,
      useful: answer.useful,
      improve: answer.improve,
      practice: answer.practice,
      codeTheme: answer.codeTheme ?? '',
      answeredAt: answer.answeredAt,
    } satisfies AnswerEntity & { partitionKey: string; rowKey: string };
    if (await insertIfAbsent(this.table, entity)) return { replaced: false };
    // Answering again replaces the answer whole: the last one sent is the one that counts.
    await this.table.upsertEntity(entity, 'Replace');
    return { replaced: true };
  }

  async get(eventId: string, userId: string): Promise<Feedback | null> {
    const row = await getOrNull<AnswerEntity>(this.table, eventPk(eventId), answerRk(userId));
    return row ? toFeedback(eventId, row) : null;
  }

  async forEvent(eventId: string): Promise<{ answers: Feedback[]; anonymous: AnonymousFeedback[] }> {
    const rows = await listAll(this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${eventPk(eventId)}` } }));
    const answers: Feedback[] = [];
    const anonymous: AnonymousFeedback[] = [];
    for (const row of rows) {
      const rk = String(row.rowKey);
      if (rk.startsWith('u|')) answers.push(toFeedback(eventId, row as unknown as AnswerEntity));
      else if (rk.startsWith('a|')) anonymous.push({ rating: Number(row.rating), useful: String(row.useful ?? ''), improve: String(row.improve ?? '') });
    }
    return { answers, anonymous };
  }

  private async indexOf(userId: string): Promise<string[]> {
    const rows = await listAll(this.table.listEntities<{ eventId: string }>({ queryOptions: { filter: odata`PartitionKey eq ${personPk(userId)}` } }));
    return rows.map((r) => r.eventId ?? decodeKey(String(r.rowKey)));
  }

  async ofPerson(userId: string): Promise<Feedback[]> {
    const found = await Promise.all((await this.indexOf(userId)).map((eventId) => this.get(eventId, userId)));
    return found.filter((f): f is Feedback => !!f);
  }

  async eraseUser(userId: string): Promise<number> {
    let erased = 0;
    for (const eventId of await this.indexOf(userId)) {
      const row = await getOrNull<AnswerEntity>(this.table, eventPk(eventId), answerRk(userId));
      if (row) {
        // One transaction in the event's partition: the answer leaves, its anonymous part stays.
        const anonymous: AnonymousEntity = { rating: Number(row.rating), useful: row.useful ?? '', improve: row.improve ?? '' };
        try {
          await this.table.submitTransaction([
            ['create', { partitionKey: eventPk(eventId), rowKey: `a|${randomBytes(12).toString('hex')}`, ...anonymous }],
            ['delete', { partitionKey: eventPk(eventId), rowKey: answerRk(userId) }],
          ]);
          erased++;
        } catch (e) {
          // Gone meanwhile (an erase running twice): nothing left to keep or remove.
          if (!isNotFound(e)) throw e;
        }
      }
      await deleteIfPresent(this.table, personPk(userId), encodeKey(eventId));
    }
    return erased;
  }

  async addToSeries(seriesId: string, eventId: string): Promise<void> {
    await this.table.upsertEntity({ partitionKey: seriesPk(seriesId), rowKey: encodeKey(eventId), eventId }, 'Replace');
  }

  async seriesEvents(seriesId: string): Promise<string[]> {
    const rows = await listAll(this.table.listEntities<{ eventId: string }>({ queryOptions: { filter: odata`PartitionKey eq ${seriesPk(seriesId)}` } }));
    return rows.map((r) => r.eventId ?? decodeKey(String(r.rowKey)));
  }
}
