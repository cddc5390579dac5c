import { z } from 'zod';
import { OutcomeTextSchema } from '../shared/sync/outcomes';
import { ClerkActionError, type ClerkAction, type ClerkDesk } from './back-office/port';
import type { CountyContext } from './county-context';
import { fail, parseBody, parseParams } from './http-replies';
import { currentOutcome } from './outcomes';
import { cardBlockState } from './card-blocks';
import type { FastifyInstance } from 'fastify';

const ApplicationParam = z.object({ applicationId: z.string().uuid() });
const ClerkId = z.string().min(1).max(64);
const DeskQuery = z.object({
  state: z.enum(['waiting', 'taken', 'automatic', 'returned', 'done', 'refused']).optional(),
  clerkId: ClerkId.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

/** The body of each clerk action (docs/back-office.md). */
const ActionBody = {
  take: z.object({ clerkId: ClerkId }).strict(),
  return: z.object({ clerkId: ClerkId, materials: z.array(z.string().min(1).max(40)).min(1).max(20), note: OutcomeTextSchema.optional() }).strict(),
  finish: z.object({ clerkId: ClerkId, note: OutcomeTextSchema.optional() }).strict(),
  refuse: z.object({ clerkId: ClerkId, reason: OutcomeTextSchema }).strict(),
} as const;

/** The ID number travels in the body, not the path, so it stays out of access logs. */
const CardBody = z.object({ idNumber: z.string().regex(/^\d{17}[\dX]$/) }).strict();

const STATUS: Record<ClerkActionError['code'], number> = { unknown_application: 404, unknown_material: 400, wrong_state: 409, taken_by_other: 409 };

/**
 * The county clerk's desk of the reference back office, inside the admin group (its token hook guards these):
 * - GET  /admin/v1/back-office/desk?state=waiting|taken|...&clerkId=&limit=   the work list (residents masked)
 * - GET  /admin/v1/back-office/applications/{id}                              one case with its outcome and steps
 * - POST /admin/v1/back-office/applications/{id}/take|return|finish|refuse    a clerk's decision
 * - POST /admin/v1/cards/block-state { idNumber }                              a card's temporary block as it stands now
 */
export function registerBackOfficeRoutes(app: FastifyInstance, { query: db, relay, clerkDesk, now }: CountyContext): void {
  const desk: ClerkDesk | null = clerkDesk;
  app.get('/back-office/desk', async (request, reply) => {
    if (!desk) return fail(reply, 404, { error: 'no_clerk_desk' });
    const query = parseParams(request.query, reply, DeskQuery, 'invalid_query');
    if (!query) return reply;
    return { items: await desk.desk({ ...(query.state ? { state: query.state } : {}), ...(query.clerkId ? { clerkId: query.clerkId } : {}), limit: query.limit }) };
  });

  app.post('/cards/block-state', async (request, reply) => {
    const body = parseBody(request, reply, CardBody);
    if (!body) return reply;
    return cardBlockState(db, body.idNumber, now());
  });

  app.get('/back-office/applications/:applicationId', async (request, reply) => {
    if (!desk) return fail(reply, 404, { error: 'no_clerk_desk' });
    const params = parseParams(request.params, reply, ApplicationParam, 'invalid_path');
    if (!params) return reply;
    const item = await desk.deskItem(params.applicationId);
    if (!item) return fail(reply, 404, { error: 'unknown_application' });
    return { item, outcome: await currentOutcome(db, params.applicationId) };
  });

  for (const action of Object.keys(ActionBody) as Array<keyof typeof ActionBody>) {
    app.post(`/back-office/applications/:applicationId/${action}`, async (request, reply) => {
      if (!desk) return fail(reply, 404, { error: 'no_clerk_desk' });
      const params = parseParams(request.params, reply, ApplicationParam, 'invalid_path');
      if (!params) return reply;
      const body = parseBody(request, reply, ActionBody[action]);
      if (!body) return reply;
      try {
        const item = await desk.act(params.applicationId, { action, ...body } as ClerkAction, relay.sink, now());
        return { item, outcome: await currentOutcome(db, params.applicationId) };
      } catch (error) {
        if (error instanceof ClerkActionError) return fail(reply, STATUS[error.code], { error: error.code });
        throw error;
      }
    });
  }
}
