import { v7 as uuidv7 } from 'uuid';
import { maskFreeText } from '../../shared/domain/mask';
import type { CallContext, HandlerMap } from '../dispatcher';
import { FaultDesk, siteResponseMinutes, type FaultTicketView } from '../faults/fault-desk';
import type { Db } from '../store/database';

/**
 * The point's fault tickets (故障排除上下联动): opened here by staff or by the device watcher, climbing by themselves,
 * answered by the county through sync (which carries them; `changed` asks it to send soon).
 */
export class FaultTicketService {
  readonly desk: FaultDesk;

  constructor(deps: { db: Db; now: () => Date; changed: () => void }) {
    this.desk = new FaultDesk({
      db: deps.db,
      now: deps.now,
      newId: (at) => uuidv7({ msecs: at.getTime() }),
      responseMinutes: () => siteResponseMinutes(deps.db),
      changed: deps.changed,
    });
  }

  /** Opens a ticket (or reopens the device's ticket closed within 7 days); `by` is the staff member or "system". */
  open(deviceId: string | undefined, summary: string, by = 'system'): FaultTicketView {
    // A person's words go to the county: anything shaped like an ID number is masked on the way in.
    return this.desk.open({ deviceId: deviceId ?? null, summary: maskFreeText(summary), by });
  }

  list(): FaultTicketView[] {
    return this.desk.list();
  }
}

const staffName = (ctx: CallContext) => ctx.connection.staff?.displayName ?? 'staff';

export function faultTicketHandlers(service: FaultTicketService): HandlerMap<'faults.open' | 'faults.list' | 'faults.acknowledge' | 'faults.note' | 'faults.close'> {
  return {
    'faults.open': (input, ctx) => service.open(input.deviceId, input.summary, staffName(ctx)),
    'faults.list': () => ({ tickets: service.list() }),
    'faults.acknowledge': (input, ctx) => service.desk.acknowledge(input.id, staffName(ctx)),
    'faults.note': (input, ctx) => service.desk.note(input.id, staffName(ctx), maskFreeText(input.note)),
    'faults.close': (input, ctx) => service.desk.close(input.id, staffName(ctx)),
  };
}
