import { parseArgs } from 'node:util';

export interface ShellArgs {
  config?: string;
  dataDir?: string;
  simulate: boolean;
  /** A normal window instead of kiosk full screen (development, technicians' laptops). */
  windowed: boolean;
}

/** Command-line options of the Electron kiosk (the same names as the browser host's). Unknown flags are ignored:
 *  Chromium and Electron pass their own. */
export function parseShellArgs(argv: string[]): ShellArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      config: { type: 'string' },
      'data-dir': { type: 'string' },
      simulate: { type: 'boolean', default: false },
      windowed: { type: 'boolean', default: false },
    },
    strict: false,
    allowPositionals: true,
  });
  return {
    config: typeof values.config === 'string' ? values.config : undefined,
    dataDir: typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined,
    simulate: values.simulate === true,
    windowed: values.windowed === true,
  };
}
