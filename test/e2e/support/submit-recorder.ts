import type { Page } from '@playwright/test';

/** An applications.submit call as the screen sent it over its WebSocket to the core. */
export interface SentSubmit {
  itemCode: string;
  form: Record<string, string | number | boolean | null>;
  attachments: Array<{ materialCode: string; mime: string; dataBase64: string }>;
  face?: { imageBase64: string; livenessScore: number; qualityScore: number };
}

const sent = new WeakMap<Page, SentSubmit[]>();

/**
 * Records every applications.submit the page sends (call before the page opens its socket): what the screen
 * submitted, byte for byte, to compare with what the county stored.
 */
export function recordSubmits(page: Page): void {
  if (sent.has(page)) return;
  const calls: SentSubmit[] = [];
  sent.set(page, calls);
  page.on('websocket', (socket) => {
    socket.on('framesent', ({ payload }) => {
      if (typeof payload !== 'string' || !payload.includes('"applications.submit"')) return;
      const message = JSON.parse(payload) as { method?: string; params?: SentSubmit };
      if (message.method === 'applications.submit' && message.params) calls.push(message.params);
    });
  });
}

/** The submissions this page has sent so far, oldest first. */
export function sentSubmits(page: Page): SentSubmit[] {
  const calls = sent.get(page);
  if (!calls) throw new Error('the page was opened without recordSubmits (startVisit calls it): what it submits cannot be compared');
  return calls;
}
