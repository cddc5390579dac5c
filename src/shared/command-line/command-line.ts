/**
 * The start of every server command line (the county gateway, the kiosk's browser host): options parsed by the
 * caller's own parser (node:util parseArgs, passed in so this file runs anywhere), `--help`, and `--port` as a whole
 * number from 0 (any free port) to 65535. Either the values to run with, or what to say and the exit code.
 */
export type CommandLine<V> = { run: true; values: V; port: number } | { run: false; exitCode: 0 | 2; say: string };

export function readCommandLine<V extends { help?: boolean; port?: string }>(parse: () => V, usage: string): CommandLine<V> {
  let values: V;
  try {
    values = parse();
  } catch (error) {
    return { run: false, exitCode: 2, say: `${(error as Error).message}\n${usage}` };
  }
  if (values.help) return { run: false, exitCode: 0, say: usage };
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return { run: false, exitCode: 2, say: `--port must be a whole number from 0 to 65535, got "${values.port}"` };
  }
  return { run: true, values, port };
}
