/**
 * The listener bookkeeping every ByteTransport shares: subscribe, unsubscribe, and tell each listener. Listeners are
 * told from a copy of the set, so one may unsubscribe (or subscribe another) while being told.
 */
export abstract class TransportListeners {
  private readonly dataListeners = new Set<(chunk: Buffer) => void>();
  private readonly closeListeners = new Set<(error?: Error) => void>();

  onData(listener: (chunk: Buffer) => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  protected emitData(chunk: Buffer): void {
    for (const listener of [...this.dataListeners]) listener(chunk);
  }

  protected emitClose(error?: Error): void {
    for (const listener of [...this.closeListeners]) listener(error);
  }
}
