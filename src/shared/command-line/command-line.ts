/**
 * The start of every server command line (the county gateway, the kiosk's browser host): the caller's options parsed
 * strictly with `--help` added, by the parser passed in (node:util parseArgs, so this file runs anywhere), and
 * `--port` read as a whole number from 0 (any free port) to 65535. Either the values to run with, or what to say
 * and the exit code.
 */
export type CommandLine<V> = { run: true; values: V; port: number } | { run: false; exitCode: 0 | 2; say: string };

/** One option as node:util parseArgs takes it. */
export interface CommandLineOption {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  default?: string | boolean | string[] | boolean[];
}

const HELP = { help: { type: 'boolean', default: false } } as const;
type ParseConfig<O> = { options: O & typeof HELP; strict: true };

export function readCommandLine<const O extends Record<string, CommandLineOption>, V extends { help?: boolean | undefined; port?: string | undefined }>(
  parse: (config: ParseConfig<O>) => { values: V },
  options: O,
  usage: string,
): CommandLine<V> {
  let values: V;
  try {
    values = parse({ options: { ...options, ...HELP }, strict: true }).values;
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

/** What a command line that will not run says, on stdout for --help and on stderr with exit code 2 otherwise. */
export function tellWhyNot(line: { exitCode: 0 | 2; say: string }, exit: (code: number) => never): void {
  if (line.exitCode === 0) return console.log(line.say);
  console.error(line.say);
  exit(line.exitCode);
}
