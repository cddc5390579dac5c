import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AccountCreateSchema, AccountUpdateSchema, PasswordResetSchema } from '../../shared/console/api';
import { audit } from './audit';
import { accountsInScope, createAccount, resetPassword, setDisabled, updateAccount, type AccountOutcome } from './accounts';
import { actorOf, consoleBody, consoleFail, type ConsoleRoutes } from './console-plugin';
import { townshipOfScope } from './scope';

const IdParam = z.object({ id: z.string().min(1).max(64) });

/** The staff register (台账): list, create, rescope, disable/enable, reset password; every change audited. */
export const accountRoutes: ConsoleRoutes = (api, options) => {
  const answer = async (reply: FastifyReply, outcome: AccountOutcome, who: { id: string; name: string }, action: string) => {
    if (!outcome.ok) return consoleFail(reply, outcome.status, outcome.error);
    await audit(options.query, options.now().getTime(), who, action, outcome.account.id, townshipOfScope(outcome.account.scope), `${outcome.account.username} ${outcome.account.roles.join(',')}`);
    return outcome.account;
  };
  const who = (request: Parameters<typeof actorOf>[0]) => {
    const { staff } = actorOf(request);
    return { scope: staff.scope, actor: { id: staff.id, name: staff.displayName } };
  };
  const id = (params: unknown) => IdParam.safeParse(params).data?.id ?? '';

  api.get('/accounts', async (request) => ({ accounts: await accountsInScope(options.query, actorOf(request).staff.scope) }));

  api.post('/accounts', async (request, reply) => {
    const body = consoleBody(request, reply, AccountCreateSchema);
    if (!body) return reply;
    const { scope, actor } = who(request);
    return answer(reply, await createAccount(options.query, scope, body, options.now().getTime()), actor, 'account.create');
  });

  api.put('/accounts/:id', async (request, reply) => {
    const body = consoleBody(request, reply, AccountUpdateSchema);
    if (!body) return reply;
    const { scope, actor } = who(request);
    return answer(reply, await updateAccount(options.query, scope, id(request.params), body, options.now().getTime()), actor, 'account.update');
  });

  for (const [path, disabled] of [['disable', true], ['enable', false]] as const) {
    api.post(`/accounts/:id/${path}`, async (request, reply) => {
      const { scope, actor } = who(request);
      return answer(reply, await setDisabled(options.query, scope, id(request.params), disabled, options.now().getTime()), actor, `account.${path}`);
    });
  }

  api.post('/accounts/:id/password', async (request, reply) => {
    const body = consoleBody(request, reply, PasswordResetSchema);
    if (!body) return reply;
    const { scope, actor } = who(request);
    return answer(reply, await resetPassword(options.query, scope, id(request.params), body.password, options.now().getTime()), actor, 'account.resetPassword');
  });
};
