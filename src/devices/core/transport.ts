/**
 * The one small interface every byte transport implements (serial, HID, in-process simulator pair, later PC/SC).
 * Drivers and codecs never know which one they are on.
 */
export interface ByteTransport {
  /** For technicians and logs: "serial /dev/ttyUSB0 @115200", "hid 0483:5750", "simulated". */
  readonly description: string;
  readonly isOpen: boolean;
  open(): Promise<void>;
  close(): Promise<void>;
  /** Resolves when the bytes were handed to the OS (serial: drained). */
  write(data: Uint8Array): Promise<void>;
  /** Bytes as they arrive, in whatever chunks the OS delivers. */
  onData(listener: (chunk: Buffer) => void): () => void;
  /** The port went away (unplugged, closed by the OS); error says why when known. */
  onClose(listener: (error?: Error) => void): () => void;
}
