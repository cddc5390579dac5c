import { z } from 'zod';
import { defineEvent, defineMethod } from './define';
import { flag, language, limitParams, listOf, noParams } from './method-shapes';
import { events, methods } from './index';

describe('defineMethod: schemas built when first used', () => {
  it('builds nothing when defined, builds once on first use, and keeps what it built', () => {
    const build = jest.fn(() => ({ input: noParams(), output: flag('done') }));
    const spec = defineMethod({ summary: 'Does a thing.', access: ['clerk'], schemas: build });
    expect(build).not.toHaveBeenCalled();
    expect(spec.summary).toBe('Does a thing.');
    expect(spec.access).toEqual(['clerk']);
    expect(build).not.toHaveBeenCalled(); // who may call it and what it does need no schema
    const input = spec.input;
    expect(spec.output.parse({ done: true })).toEqual({ done: true });
    expect(spec.input).toBe(input);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('gives a method whose schemas name no input the empty parameters, built once with the answer', () => {
    const build = jest.fn(() => ({ output: flag('done') }));
    const spec = defineMethod({ summary: 'Takes nothing.', access: ['public'], schemas: build });
    expect(build).not.toHaveBeenCalled();
    expect(spec.input.parse({})).toEqual({});
    expect(spec.input.safeParse({ extra: 1 }).success).toBe(false);
    expect(spec.input).toBe(spec.input);
    expect(spec.output.parse({ done: false })).toEqual({ done: false });
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('does the same for an event payload', () => {
    const build = jest.fn(() => z.object({ n: z.number() }));
    const spec = defineEvent({ summary: 'Something moved.', schema: build });
    expect(build).not.toHaveBeenCalled();
    expect(spec.data.safeParse({ n: 'x' }).success).toBe(false);
    expect(spec.data).toBe(spec.data);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('every method and event of the contract builds its schemas on demand', () => {
    for (const spec of Object.values(methods)) {
      expect(spec.input).toBeInstanceOf(z.ZodType);
      expect(spec.output).toBeInstanceOf(z.ZodType);
    }
    for (const spec of Object.values(events)) expect(spec.data).toBeInstanceOf(z.ZodType);
  });
});

describe('method-shapes', () => {
  it('noParams accepts only an empty object', () => {
    expect(noParams().parse({})).toEqual({});
    expect(noParams().safeParse({ extra: 1 }).success).toBe(false);
  });

  it('limitParams defaults the limit and keeps it within 1..max', () => {
    const params = limitParams(500, 100);
    expect(params.parse({})).toEqual({ limit: 100 });
    expect(params.parse({ limit: 500 })).toEqual({ limit: 500 });
    expect(params.safeParse({ limit: 501 }).success).toBe(false);
    expect(params.safeParse({ limit: 0 }).success).toBe(false);
    expect(params.safeParse({ limit: 2.5 }).success).toBe(false);
    expect(params.safeParse({ limit: 5, other: 1 }).success).toBe(false);
  });

  it('listOf answers the items under their key and checks each one', () => {
    const list = listOf('cases', z.object({ id: z.string() }));
    expect(list.parse({ cases: [{ id: 'a' }] })).toEqual({ cases: [{ id: 'a' }] });
    expect(list.safeParse({ cases: [{ id: 1 }] }).success).toBe(false);
    expect(list.safeParse({ items: [] }).success).toBe(false);
  });

  it("language accepts the kiosk's languages and nothing else", () => {
    expect(language().options).toEqual(['zh-CN', 'en']);
    expect(language().safeParse('fr').success).toBe(false);
  });

  it('flag is one yes/no under its name', () => {
    expect(flag('cancelled').parse({ cancelled: false })).toEqual({ cancelled: false });
    expect(flag('cancelled').safeParse({ cancelled: 'no' }).success).toBe(false);
    expect(flag('cancelled').safeParse({}).success).toBe(false);
  });
});
