/**
 * A recording stand-in for the `electron` module (its binary cannot run here). Jest maps `electron` to this file
 * (jest.config.js); tests inspect what the shell asked Electron to do. `resetElectronMock()` between tests.
 */
import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  id = FakeWebContents.nextId++;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  mainFrame = { url: 'app://kiosk/index.html' };
  sent: unknown[][] = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  isDestroyed() {
    return false;
  }
  forcefullyCrashRenderer() {
    this.emit('forcefully-crashed');
  }
  /** What print() answers: set by a test. */
  printOutcome: { success: boolean; failureReason: string } = { success: true, failureReason: '' };
  printCalls: unknown[] = [];
  print(options: unknown, callback: (success: boolean, failureReason: string) => void) {
    this.printCalls.push(options);
    setImmediate(() => callback(this.printOutcome.success, this.printOutcome.failureReason));
  }
}

// Shared through globalThis: jest.isolateModules gives the code under test its own copy of this module, and the
// test must still see what that copy recorded.
const shared = ((globalThis as Record<string, unknown>).__kioskElectronMock ??= {
  windows: [] as unknown[],
  recorded: {
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, Listener>(),
    ipcHandlers: new Map<string, Listener>(),
    permissionRequestHandler: null as Listener | null,
    permissionCheckHandler: null as Listener | null,
    devicePermissionHandler: null as Listener | null,
    exposed: new Map<string, unknown>(),
    quitCalls: 0,
    exitCodes: [] as number[],
    singleInstanceLock: true,
  },
  appEmitter: new EventEmitter(),
  rendererEmitter: new EventEmitter(),
  invocations: [] as unknown[][],
}) as {
  windows: BrowserWindow[];
  recorded: {
    privilegedSchemes: unknown[];
    protocolHandlers: Map<string, Listener>;
    ipcHandlers: Map<string, Listener>;
    permissionRequestHandler: Listener | null;
    permissionCheckHandler: Listener | null;
    devicePermissionHandler: Listener | null;
    exposed: Map<string, unknown>;
    quitCalls: number;
    exitCodes: number[];
    singleInstanceLock: boolean;
  };
  appEmitter: EventEmitter;
  rendererEmitter: EventEmitter;
  invocations: unknown[][];
};

export class BrowserWindow extends EventEmitter {
  static get instances(): BrowserWindow[] {
    return shared.windows;
  }
  webContents = new FakeWebContents();
  loadedUrls: string[] = [];
  constructor(public options: Record<string, unknown>) {
    super();
    shared.windows.push(this);
  }
  loadURL(url: string) {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }
  show() {}
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
  destroyed = false;
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
  }
}

export const recorded = shared.recorded;

const appEmitter = shared.appEmitter;
export const app = {
  isPackaged: false,
  requestSingleInstanceLock: () => recorded.singleInstanceLock,
  quit: () => {
    recorded.quitCalls += 1;
  },
  exit: (code: number) => {
    recorded.exitCodes.push(code);
  },
  whenReady: () => Promise.resolve(),
  getPath: (_name: string) => process.env.KIOSK_TEST_USER_DATA ?? '/tmp/kiosk-electron-mock',
  on: (event: string, listener: Listener) => appEmitter.on(event, listener),
  emit: (event: string, ...args: unknown[]) => appEmitter.emit(event, ...args),
};

export const protocol = {
  registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.privilegedSchemes.push(...schemes),
  handle: (scheme: string, handler: Listener) => recorded.protocolHandlers.set(scheme, handler),
};

export const ipcMain = {
  handle: (channel: string, handler: Listener) => recorded.ipcHandlers.set(channel, handler),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (h: Listener) => (recorded.permissionRequestHandler = h),
    setPermissionCheckHandler: (h: Listener) => (recorded.permissionCheckHandler = h),
    setDevicePermissionHandler: (h: Listener) => (recorded.devicePermissionHandler = h),
  },
};

/** A stand-in secret store: "encrypts" by reversing and tagging, so tests can tell wrapped from plain. */
export const safeStorage = {
  backend: 'gnome_libsecret' as string,
  available: true,
  isEncryptionAvailable: () => safeStorage.available,
  getSelectedStorageBackend: () => safeStorage.backend,
  encryptString: (text: string) => Buffer.concat([Buffer.from('SS1:'), Buffer.from(text).reverse()]),
  decryptString: (data: Buffer) => {
    if (!data.subarray(0, 4).equals(Buffer.from('SS1:'))) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(data.subarray(4)).reverse().toString();
  },
};

export const contextBridge = {
  exposeInMainWorld: (key: string, api: unknown) => recorded.exposed.set(key, api),
};

const rendererEmitter = shared.rendererEmitter;
export const ipcRenderer = {
  get invocations() {
    return shared.invocations;
  },
  invoke: (...args: unknown[]) => {
    shared.invocations.push(args);
    return Promise.resolve({ result: 'ok' });
  },
  on: (channel: string, listener: Listener) => rendererEmitter.on(channel, listener),
  removeListener: (channel: string, listener: Listener) => rendererEmitter.removeListener(channel, listener),
  emit: (channel: string, ...args: unknown[]) => rendererEmitter.emit(channel, ...args),
};

export function resetElectronMock(): void {
  shared.windows.length = 0;
  recorded.privilegedSchemes = [];
  recorded.protocolHandlers.clear();
  recorded.ipcHandlers.clear();
  recorded.permissionRequestHandler = null;
  recorded.permissionCheckHandler = null;
  recorded.devicePermissionHandler = null;
  recorded.exposed.clear();
  recorded.quitCalls = 0;
  recorded.exitCodes = [];
  recorded.singleInstanceLock = true;
  safeStorage.backend = 'gnome_libsecret';
  safeStorage.available = true;
  appEmitter.removeAllListeners();
  rendererEmitter.removeAllListeners();
  shared.invocations.length = 0;
}
