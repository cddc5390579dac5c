import http from 'node:http';
import https from 'node:https';

export interface RawResponse {
  status: number;
  header(name: string): string | undefined;
  body: Buffer;
}

/** A failure before a whole answer arrived: refused, reset, timed out, TLS refused. `code` says which. */
export class TransportError extends Error {
  constructor(readonly code: string) {
    super(`county transport: ${code}`);
    this.name = 'TransportError';
  }
}

export interface TransportOptions {
  /** PEM of the county's CA: when set, only certificates from it are trusted (pinning), not the system store. */
  ca?: string | Buffer;
  timeoutMs: number;
  /** Largest answer accepted; a county (or a man in the middle) sending more is cut off. */
  maxResponseBytes?: number;
}

/**
 * One HTTP(S) request with node:http(s) and keep-alive agents: node:https takes a pinned CA per agent, which
 * Node's built-in fetch cannot without an extra dependency. The whole answer is read before it is returned, so a
 * connection cut mid-body is a TransportError, never half a JSON document.
 */
export class HttpTransport {
  private readonly httpAgent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  private readonly httpsAgent: https.Agent;

  constructor(private readonly options: TransportOptions) {
    this.httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 4, ...(options.ca ? { ca: options.ca } : {}) });
  }

  send(url: URL, method: string, headers: Record<string, string>, body: Buffer | undefined): Promise<RawResponse> {
    const limit = this.options.maxResponseBytes ?? 32 * 1024 * 1024;
    const secure = url.protocol === 'https:';
    const request = secure ? https.request : http.request;
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method,
          agent: secure ? this.httpsAgent : this.httpAgent,
          headers: { ...headers, ...(body ? { 'content-length': String(body.length) } : {}) },
          timeout: this.options.timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > limit) {
              // Refused at once: the chunk that crosses the limit may be the last one, its 'end' already on its way.
              // The request is destroyed without an error: its socket may be back in the agent's pool by now, where
              // an error has no listener and would be thrown from the process.
              reject(new TransportError('answer_too_large'));
              req.destroy();
              return;
            }
            chunks.push(chunk);
          });
          res.on('end', () => {
            if (!res.complete) return reject(new TransportError('aborted'));
            resolve({ status: res.statusCode ?? 0, header: (name) => firstHeader(res.headers[name.toLowerCase()]), body: Buffer.concat(chunks) });
          });
          res.on('aborted', () => reject(new TransportError('aborted')));
          res.on('error', (error) => reject(asTransportError(error)));
        },
      );
      // The whole exchange must finish in time, not only each socket read.
      const deadline = setTimeout(() => req.destroy(new TransportError('timeout')), this.options.timeoutMs);
      req.on('timeout', () => req.destroy(new TransportError('timeout')));
      req.on('error', (error) => reject(asTransportError(error)));
      req.on('close', () => clearTimeout(deadline));
      req.end(body);
    });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function asTransportError(error: unknown): TransportError {
  if (error instanceof TransportError) return error;
  const code = (error as { code?: string }).code ?? (error as Error).name ?? 'network';
  return new TransportError(String(code).slice(0, 40));
}
