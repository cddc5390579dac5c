/**
 * Writes docs/api.md from the contract itself: every method with who may call it, every event, every error code with
 * its message in both languages. `node --import tsx scripts/api-doc.ts` regenerates it; a test fails when it is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ERROR_CODES, events, methods } from '../src/shared/contract';
import zhErrors from '../src/shared/locales/zh-CN/errors.json';
import enErrors from '../src/shared/locales/en/errors.json';

export function renderApiDoc(): string {
  const lines: string[] = [
    '# The kiosk API (generated from src/shared/contract; do not edit by hand)',
    '',
    'One contract, two carriers: Electron IPC (`window.kiosk.invoke`) and the browser host\'s WebSocket at `/api`',
    '(`{"id","method","params"}` -> `{"id","result"}` or `{"id","error"}`; events as `{"event","data"}`).',
    'Every input and output is a zod schema in `src/shared/contract/methods/`; the dispatcher checks both.',
    '',
    '## Methods',
    '',
    '| method | who may call | what it does |',
    '| --- | --- | --- |',
  ];
  for (const [name, spec] of Object.entries(methods).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`| \`${name}\` | ${spec.access.join(', ')} | ${spec.summary.replace(/\|/g, '\\|')} |`);
  }
  lines.push('', '## Events', '', '| event | what it says |', '| --- | --- |');
  for (const [name, spec] of Object.entries(events).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`| \`${name}\` | ${spec.summary.replace(/\|/g, '\\|')} |`);
  }
  lines.push(
    '',
    '## Errors',
    '',
    'Every failure is `{ code, messageKey, retryable, details? }`; `messageKey` is `errors:<code>` with a `title` and an',
    '`action` in every language. Carrier-level refusals: no or wrong launch token -> HTTP 401 on the socket upgrade;',
    'wrong or missing Origin -> HTTP 403; an IPC call from another frame -> `unauthenticated`.',
    '',
    '| code | zh-CN | en |',
    '| --- | --- | --- |',
  );
  const zh = zhErrors as Record<string, { title: string; action: string }>;
  const en = enErrors as Record<string, { title: string; action: string }>;
  for (const code of ERROR_CODES) lines.push(`| \`${code}\` | ${zh[code]?.title ?? ''} ${zh[code]?.action ?? ''} | ${en[code]?.title ?? ''} ${en[code]?.action ?? ''} |`);
  return `${lines.join('\n')}\n`;
}

export const API_DOC_PATH = path.resolve(__dirname, '..', 'docs', 'api.md');

if (require.main === module) {
  fs.writeFileSync(API_DOC_PATH, renderApiDoc());
  console.log(`wrote ${API_DOC_PATH}`);
}
