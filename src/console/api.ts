import type { z } from 'zod';
import { CONSOLE_API, CSRF_HEADER, ConsoleErrorBodySchema } from '../shared/console/api';

/** A refused or failed console call: `code` names the words to show (console:errors.<code>). */
export class ConsoleApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly retryAt?: string,
    /** With invalid_body: the first field the gateway refused (e.g. catalog.items.3.name.en). */
    readonly field?: string,
  ) {
    super(code);
  }
}

/** The words to show for anything a console call threw: its code, or 'internal' for what is not a refusal. */
export function errorCode(thrown: unknown): string {
  return thrown instanceof ConsoleApiError ? thrown.code : 'internal';
}

let csrfToken = '';
let onSignedOut: (code: string) => void = () => undefined;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Called when the gateway says the session is gone (expired, logged out elsewhere, account disabled). */
export function onSessionEnded(listener: (code: string) => void): void {
  onSignedOut = listener;
}

/** One call to the console API: the answer is parsed with its schema; errors become ConsoleApiError. */
export async function consoleCall<T extends z.ZodType>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, schema: T, body?: unknown): Promise<z.output<T>> {
  let res: Response;
  try {
    res = await fetch(`${CONSOLE_API}${path}`, {
      method,
      credentials: 'same-origin',
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(method === 'GET' ? {} : { [CSRF_HEADER]: csrfToken }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ConsoleApiError('network', 0);
  }
  const json: unknown = await res.json().catch(() => ({}));
  if (!res.ok) {
    const parsed = ConsoleErrorBodySchema.safeParse(json);
    const code = parsed.success ? parsed.data.error : 'internal';
    if (res.status === 401 && path !== '/login') onSignedOut(code);
    throw new ConsoleApiError(code, res.status, parsed.success ? parsed.data.retryAt : undefined, parsed.success ? parsed.data.field : undefined);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ConsoleApiError('bad_answer', res.status);
  return parsed.data;
}

/** A file answer (xlsx export): fetched with the session and handed to the browser as a download. */
export async function consoleDownload(path: string, filename: string): Promise<void> {
  const res = await fetch(`${CONSOLE_API}${path}`, { credentials: 'same-origin' });
  if (!res.ok) throw new ConsoleApiError('internal', res.status);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}
