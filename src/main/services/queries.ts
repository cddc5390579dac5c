import { KioskError } from '../../shared/contract/errors';
import type { MethodResult } from '../../shared/contract';
import type { CatalogItem } from '../../shared/catalog/schema';
import type { HandlerMap } from '../dispatcher';
import { CountyError, type CountyClient } from '../sync/county-client';
import type { ResidentSource } from './applications';

const LOOKUP_TYPES = new Set(['query', 'print']);

/** Online lookups for query and print items, straight to the county (nothing is stored on the kiosk). */
export class QueriesService {
  constructor(
    private readonly deps: {
      client: CountyClient | null;
      catalog: { find(code: string): CatalogItem | undefined };
      session: ResidentSource;
    },
  ) {}

  async run(itemCode: string, params: Record<string, string | number | boolean>): Promise<MethodResult<'queries.run'>> {
    const item = this.deps.catalog.find(itemCode);
    if (!item) throw new KioskError('not_found', { details: { itemCode } });
    if (!LOOKUP_TYPES.has(item.type)) throw new KioskError('invalid_params', { details: { itemCode, reason: 'notALookup' } });
    const resident = this.deps.session.current();
    if (item.identity.required && !resident) throw new KioskError('session_required');
    if (!this.deps.client) throw new KioskError('county_unreachable', { details: { reason: 'notConfigured' } });
    try {
      return await this.deps.client.query(itemCode, { ...(resident && item.identity.required ? { idNumber: resident.idNumber } : {}), params });
    } catch (error) {
      if (error instanceof CountyError) {
        if (error.transient) throw new KioskError('county_unreachable', { cause: error, details: { reason: error.reason } });
        if (error.status === 404) throw new KioskError('not_found', { cause: error, details: { reason: error.reason } });
        throw new KioskError('county_rejected', { cause: error, details: { reason: error.reason } });
      }
      throw error;
    }
  }
}

export function queriesHandlers(service: QueriesService): HandlerMap<'queries.run'> {
  return { 'queries.run': (input) => service.run(input.itemCode, input.params) };
}
