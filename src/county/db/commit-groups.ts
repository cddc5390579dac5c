import { engineOf, type CountyQuery } from './connection';
import { inTransaction } from './transaction';

type Member = { work: (trx: CountyQuery) => Promise<unknown>; size: number; resolve: (value: unknown) => void; reject: (error: unknown) => void };

/**
 * Group commit on SQLite: work that arrives while a transaction is running waits, and everything that waited then
 * runs in ONE transaction, one after another, each seeing what the ones before it wrote; each caller's promise
 * settles only after that transaction has committed. SQLite has one writer and its commit (an fsync) costs as much
 * as the rest of an intake batch; 100 kiosks sending at once then share commits instead of queueing for one each.
 * Nothing is answered before it is durable, so exactly-once holds as with one transaction per call.
 * If any member throws, the whole group rolls back and each member runs again alone, so one bad call fails only
 * itself. On PostgreSQL calls run in their own transactions side by side (the server groups commits itself).
 */
export class CommitGroups {
  private readonly waiting: Member[] = [];
  private draining = false;

  /** `maxSize`: the most work (in the callers' units, e.g. items) one commit takes. */
  constructor(
    private readonly q: CountyQuery,
    private readonly maxSize = 1_000,
  ) {}

  run<T>(size: number, work: (trx: CountyQuery) => Promise<T>): Promise<T> {
    if (engineOf(this.q) !== 'sqlite') return inTransaction(this.q, work);
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ work, size, resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.waiting.length > 0) {
        // One turn of the event loop first: on SQLite every statement runs synchronously, so without it a request
        // would run its whole transaction before the requests already arrived were even read, and none would wait.
        await new Promise((resolve) => setImmediate(resolve));
        let size = 0;
        let n = 0;
        while (n < this.waiting.length && (n === 0 || size + this.waiting[n]!.size <= this.maxSize)) size += this.waiting[n++]!.size;
        await this.commit(this.waiting.splice(0, n));
      }
    } finally {
      this.draining = false;
    }
  }

  private async commit(group: Member[]): Promise<void> {
    if (group.length > 1) {
      try {
        const results = await inTransaction(this.q, async (trx) => {
          const out: unknown[] = [];
          for (const member of group) out.push(await member.work(trx));
          return out;
        });
        group.forEach((member, i) => member.resolve(results[i]));
        return;
      } catch {
        // Rolled back as a whole: each member runs alone below, so only the one that fails is refused.
      }
    }
    for (const member of group) {
      try {
        member.resolve(await inTransaction(this.q, member.work));
      } catch (error) {
        member.reject(error);
      }
    }
  }
}
