/** Starts a private PostgreSQL cluster in DIR (owned by user postgres) and returns its postgres:// URL. */
export function startCluster(dir: string, options?: { durable?: boolean }): Promise<string>;
export function stopCluster(dir: string): void;
