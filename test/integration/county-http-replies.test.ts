import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { fail, parseBody, parseParams } from '../../src/county/http-replies';

/**
 * The county's answers to a bad request (every route parses through these): the status, the error and the field a
 * kiosk or the console shows. The route tests meet them one route at a time; here each branch, on a bare fastify
 * that reads bodies as the gateway does (bytes), over HTTP.
 */
describe("the county's replies to a bad request", () => {
  let app: FastifyInstance;
  let base: string;
  const Body = z.object({ items: z.array(z.object({ name: z.string() })).min(1) });
  const Params = z.object({ code: z.string().regex(/^[A-Z]{3}$/) });
  beforeAll(async () => {
    app = Fastify();
    app.addContentTypeParser(['application/json'], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    app.post('/body', async (request, reply) => {
      const body = parseBody(request, reply, Body);
      if (!body) return reply;
      return { names: body.items.map((i) => i.name) };
    });
    app.post('/number', async (request, reply) => {
      const body = parseBody(request, reply, z.number());
      if (body === undefined) return reply;
      return { twice: body * 2 };
    });
    app.get('/params/:code', async (request, reply) => {
      const params = parseParams(request.params, reply, Params, 'invalid_path');
      if (!params) return reply;
      return { code: params.code };
    });
    app.get('/tags', async (request, reply) => {
      const query = parseParams(request.query, reply, z.object({ tag: z.array(z.string().regex(/^[a-z]+$/)) }), 'invalid_query');
      if (!query) return reply;
      return query;
    });
    app.get('/whole', async (request, reply) => {
      const query = parseParams(request.query, reply, z.string(), 'invalid_query');
      if (query === undefined) return reply;
      return { query };
    });
    app.get('/teapot', async (_request, reply) => fail(reply, 418, { error: 'teapot', field: 'pot' }));
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app.close());
  const post = async (url: string, payload: string | undefined) => {
    const res = await fetch(`${base}${url}`, { method: 'POST', ...(payload === undefined ? {} : { body: payload, headers: { 'content-type': 'application/json' } }) });
    return [res.status, (await res.json()) as unknown];
  };
  const get = async (url: string) => {
    const res = await fetch(`${base}${url}`);
    return [res.status, (await res.json()) as unknown];
  };

  it('answers a good body with what the route made of it', async () => {
    expect(await post('/body', JSON.stringify({ items: [{ name: 'a' }, { name: 'b' }] }))).toEqual([200, { names: ['a', 'b'] }]);
    expect(await post('/number', '21')).toEqual([200, { twice: 42 }]);
  });

  it('answers 400 invalid_json to a body that is not JSON, or no body at all', async () => {
    expect(await post('/body', '{"items": [')).toEqual([400, { error: 'invalid_json' }]);
    expect(await post('/body', undefined)).toEqual([400, { error: 'invalid_json' }]);
  });

  it('answers 400 invalid_body naming the first bad field by its path, or (body) when the body itself is wrong', async () => {
    expect(await post('/body', JSON.stringify({ items: [{ name: 'a' }, { name: 7 }] }))).toEqual([400, { error: 'invalid_body', field: 'items.1.name' }]);
    expect(await post('/body', JSON.stringify({ items: [{ name: 1 }, { name: 2 }] }))).toEqual([400, { error: 'invalid_body', field: 'items.0.name' }]);
    expect(await post('/body', JSON.stringify({ items: [] }))).toEqual([400, { error: 'invalid_body', field: 'items' }]);
    expect(await post('/number', '"21"')).toEqual([400, { error: 'invalid_body', field: '(body)' }]);
  });

  it('answers 400 with the error asked for, naming the bad parameter, or (params) when the whole value is wrong', async () => {
    expect(await get('/params/ABC')).toEqual([200, { code: 'ABC' }]);
    expect(await get('/params/abcd')).toEqual([400, { error: 'invalid_path', field: 'code' }]);
    expect(await get('/tags?tag=ok&tag=also')).toEqual([200, { tag: ['ok', 'also'] }]);
    expect(await get('/tags?tag=ok&tag=BAD')).toEqual([400, { error: 'invalid_query', field: 'tag.1' }]);
    expect(await get('/whole?x=1')).toEqual([400, { error: 'invalid_query', field: '(params)' }]);
  });

  it('sends any other failure with its status and body as given', async () => {
    expect(await get('/teapot')).toEqual([418, { error: 'teapot', field: 'pot' }]);
  });
});
