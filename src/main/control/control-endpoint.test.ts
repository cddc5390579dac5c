import path from 'node:path';
import { controlEndpoint, isNamedPipe } from './control-endpoint';

describe('the control endpoint by platform', () => {
  it('is a Unix socket in the data dir on Linux and macOS', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      expect(controlEndpoint('/var/lib/kiosk', platform)).toEqual({ kind: 'unixSocket', path: path.join('/var/lib/kiosk', 'kioskctl.sock') });
    }
    expect(isNamedPipe(controlEndpoint('/var/lib/kiosk', 'linux').path)).toBe(false);
  });

  it('is a named pipe on Windows, one per data dir, whatever the case of the path', () => {
    const a = controlEndpoint('C:\\ProgramData\\Kiosk', 'win32');
    expect(a.kind).toBe('namedPipe');
    expect(a.path).toMatch(/^\\\\\.\\pipe\\village-kiosk-[0-9a-f]{16}-kioskctl$/);
    expect(isNamedPipe(a.path)).toBe(true);
    expect(controlEndpoint('c:\\programdata\\kiosk', 'win32').path).toBe(a.path);
    expect(controlEndpoint('C:\\ProgramData\\Kiosk2', 'win32').path).not.toBe(a.path);
  });
});
