import type { HandlerMap } from '../dispatcher';
import type { EventBus } from '../event-bus';

export interface HelpDeps {
  events: EventBus;
  now: () => Date;
  /** A help call reached the clerk screens (the monthly report counts them). */
  called?: () => void;
}

/**
 * The help button: a resident asks for a clerk. The request carries only the screen's route id; clerk screens
 * chime on the help.requested event. A burst of presses is collapsed so a worried resident cannot flood clerks.
 */
export function helpHandlers(deps: HelpDeps, minIntervalMs = 2000): HandlerMap<'help.request'> {
  let last = 0;
  return {
    'help.request': ({ screen }, ctx) => {
      const at = deps.now();
      if (at.getTime() - last >= minIntervalMs) {
        last = at.getTime();
        deps.events.emit('help.requested', { at: at.toISOString(), screen });
        deps.called?.();
        ctx.log.info({ screen }, 'help requested');
      }
      return { at: at.toISOString(), acknowledged: true as const };
    },
  };
}
