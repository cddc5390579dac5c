import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/**
 * The built renderer's files (all but `index.html`, which the page's own route answers with the first screens in it),
 * served by @fastify/static in two layers:
 * - every file the build holds when the host starts gets an exact route of its own (`wildcard: false`). Served through
 *   the catch-all route, each request first listed every folder on its path to check the name's spelling (the
 *   library's guard for case-insensitive disks); with Chromium holding both cores while the page loads, the two
 *   listings (`dist/renderer`, then `assets` with its ~90 entries) kept the entry script's answer back, and the page's
 *   socket and first call with it: ~20 ms on a loaded machine, ~4 ms on a quiet one (docs/architecture.md, start-up).
 * - a file added after the start (a rebuild while the host runs: the page route reads a changed `index.html` again,
 *   and that names new hashed files) has no route of its own yet; the catch-all route, with the library's spelling
 *   check, serves it.
 * Dotfiles are refused by both. No index: `/` is only ever the page's route.
 */
export async function serveRendererFiles(app: FastifyInstance, rendererDir: string): Promise<void> {
  const root = path.resolve(rendererDir);
  await app.register(fastifyStatic, { root, index: false, dotfiles: 'deny', wildcard: false, globIgnore: ['index.html'] });
  await app.register(fastifyStatic, { root, index: false, dotfiles: 'deny', decorateReply: false });
}
