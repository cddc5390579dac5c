import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { CountyContext } from './county-context';

/**
 * How a route is authenticated. Decided by the route a request matched (after fastify decoded its path), never by a
 * string test on the raw URL: each group is an encapsulated plugin with its own onRequest/preHandler hooks, and those
 * hooks run for every route of the group whatever spelling of the path reached it (`/%761/query`, `/v1/query`).
 */
export type RouteAuth = 'kiosk' | 'admin' | 'public' | 'console';

const GROUP = Symbol('countyRouteGroup');
type Grouped = FastifyInstance & { [GROUP]?: RouteAuth };

export interface RouteGroup {
  readonly auth: RouteAuth;
  readonly prefix: string;
  /** Adds the group's authentication hooks, then its routes, to its own encapsulated instance. */
  readonly plugin: FastifyPluginAsync<CountyContext>;
}

/** Declares a route group; its plugin marks the instance so the gateway can tell a grouped route from a stray one. */
export function routeGroup(auth: RouteAuth, prefix: string, register: (app: FastifyInstance, context: CountyContext) => Promise<void> | void): RouteGroup {
  const plugin: FastifyPluginAsync<CountyContext> = async (app, context) => {
    (app as Grouped)[GROUP] = auth;
    await register(app, context);
  };
  return { auth, prefix, plugin };
}

/**
 * Refuses, at startup, any route added outside a route group (it would have no authentication hook at all).
 * Installed once on the root instance; fastify calls onRoute with `this` bound to the registering instance.
 */
export function requireRouteGroups(app: FastifyInstance, seen: Map<string, RouteAuth>): void {
  app.addHook('onRoute', function (this: Grouped, route) {
    const auth = this[GROUP];
    if (!auth) throw new Error(`county route ${String(route.method)} ${route.url} is outside a route group: it would have no authentication`);
    for (const method of [route.method].flat()) seen.set(`${method} ${route.url}`, auth);
  });
}

/** Registers each group under its prefix: adding a group (the console, the public /verify) is one line here. */
export async function registerRouteGroups(app: FastifyInstance, context: CountyContext, groups: readonly RouteGroup[]): Promise<void> {
  for (const group of groups) await app.register(group.plugin, { ...context, prefix: group.prefix });
}
