// pino-roll ships no types; the one call we make.
declare module 'pino-roll' {
  import type { DestinationStream } from 'pino';
  export default function build(options: Record<string, unknown>): Promise<DestinationStream>;
}
