import type { BackOfficeRelay } from './back-office/relay';
import type { ClerkDesk } from './back-office/port';
import type { CountyQuery } from './db/connection';

/** What every route group of the gateway works with: handed to each group's plugin as its options. */
export interface CountyContext {
  /** The one query path over SQLite or PostgreSQL. */
  readonly query: CountyQuery;
  readonly dataDir: string;
  readonly attachmentsDir: string;
  readonly now: () => Date;
  /** Where the public reaches this gateway (printed on certificates: {publicUrl}/verify/{code}). */
  readonly publicUrl: () => string;
  /** Hands stored items to the back office; outcomes come back through its sink. */
  readonly relay: BackOfficeRelay;
  /** The county clerk's desk when the back office has one (the reference back office); null for a provincial adapter. */
  readonly clerkDesk: ClerkDesk | null;
}
