import type { Logger } from 'pino';
import { applyOutcomes, outcomesCursor, type AppliedOutcomes } from '../store/outcomes';
import type { KioskStore } from '../store/kiosk-store';
import type { CountyClient } from './county-client';

/** At most this many pages per round, so a county that always says "more" cannot hold the round. */
const MAX_PAGES_PER_ROUND = 20;

/**
 * Pulls the outcomes of this kiosk's applications, page by page from the cursor the kiosk holds, and applies each
 * page with its cursor in one transaction (store/outcomes.ts). Outcomes that fail their schema, repeat an item or name
 * an application the kiosk does not hold are refused one by one and logged; the rest apply.
 */
export async function pullOutcomes(store: KioskStore, client: CountyClient, log: Logger, now: () => Date): Promise<Pick<AppliedOutcomes, 'applied' | 'cases'>> {
  const applied: AppliedOutcomes['applied'] = [];
  const cases: AppliedOutcomes['cases'] = [];
  for (let page = 0; page < MAX_PAGES_PER_ROUND; page++) {
    const since = outcomesCursor(store.db);
    const answer = await client.pullOutcomes(since);
    const result = applyOutcomes(store.db, answer.outcomes, answer.cursor, now().toISOString());
    applied.push(...result.applied);
    cases.push(...result.cases);
    if (answer.refused > 0 || result.unknown > 0) log.warn({ refused: answer.refused, unknown: result.unknown, cursor: answer.cursor }, 'county outcomes refused');
    if (!answer.more || answer.cursor === since) break;
  }
  return { applied, cases };
}
