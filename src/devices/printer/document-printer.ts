import type { DeviceDriver } from '../core/driver';

/** How a PDF reaches an operating-system print queue (lp on Linux, Electron's print on Windows): the host's part. */
export interface PdfSpooler {
  printPdf(pdf: Uint8Array, options: { printerName: string; title: string }): Promise<void>;
}

/** The A4 document printer, whichever queue is behind it (CUPS through the host, or the simulated queue). */
export interface DocumentPrinterDevice extends DeviceDriver {
  readonly kind: 'documentPrinter';
  /** For the print record and the technician: the queue name, or `simulated:<id>`. */
  readonly destination: string;
  /** Hands a finished PDF to the queue; a KioskError (device_offline, device_not_configured) when it cannot. */
  printPdf(pdf: Uint8Array, title: string): Promise<void>;
}
