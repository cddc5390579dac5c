import { createHash } from 'node:crypto';
import path from 'node:path';

/**
 * Where kioskctl reaches a kiosk's core, by platform: a Unix socket `kioskctl.sock` in the data dir (0600 in a 0700
 * directory) on Linux and macOS; on Windows a named pipe, whose name is made from the data dir so two kiosks on one
 * machine (a test bench) do not meet. A pipe's default security descriptor gives full access to the creating user,
 * administrators and SYSTEM and read-only access to others: a read-only client cannot send a request, so only the
 * kiosk's own account (and the machine's administrators) can drive the core.
 */
export type ControlEndpoint = { kind: 'unixSocket'; path: string } | { kind: 'namedPipe'; path: string };

export const PIPE_PREFIX = '\\\\.\\pipe\\';

export function controlEndpoint(dataDir: string, platform: NodeJS.Platform = process.platform): ControlEndpoint {
  if (platform === 'win32') {
    const absolute = path.win32.resolve(dataDir).toLowerCase(); // Windows paths are case-insensitive
    const tag = createHash('sha256').update(absolute).digest('hex').slice(0, 16);
    return { kind: 'namedPipe', path: `${PIPE_PREFIX}village-kiosk-${tag}-kioskctl` };
  }
  return { kind: 'unixSocket', path: path.join(dataDir, 'kioskctl.sock') };
}

export const isNamedPipe = (p: string): boolean => p.startsWith(PIPE_PREFIX);
