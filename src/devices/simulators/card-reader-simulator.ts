import type { DeviceLog } from '../core/device-log';
import { silentLog } from '../core/device-log';
import type { LengthFrameParser } from '../core/length-frame-parser';
import type { ByteTransport } from '../core/transport';
import { sendPaced } from './wire-pacer';

/** The line faults both card-reader simulators can play, besides their own (a card leaving mid-read, a mute card). */
export type LineFault =
  | 'wrongChecksum' // every answer's checksum is off by one
  | 'garbage' // random bytes before every answer
  | 'silence' // no answers at all
  | 'slow'; // answers after slowMs

export interface CardReaderSimulatorOptions {
  /** Pace answers like a serial line at this baud rate (0 = instant). */
  baudRate?: number;
  log?: DeviceLog;
}

/** How a reader's framing shows on the line: its parser, where its checksum byte sits, its "bad checksum" answer. */
export interface SimulatedFraming {
  parser: LengthFrameParser;
  /** Bytes from the frame's end to its checksum (1: last byte; 2: before an ETX). */
  checksumFromEnd: number;
  /** The longest run of garbage put before an answer. */
  garbageMaxBytes: number;
  checksumError(): Buffer;
}

/**
 * The reader's side of a card reader on a serial line: takes the host's frames in, answers each, and plays the line
 * faults a test or the developer panel switches on. Each card reader's simulator adds its card and its commands.
 */
export abstract class CardReaderSimulator<Fault extends string> {
  protected fault: Fault | LineFault | null = null;
  private slowMs = 1500;
  private readonly baudRate: number;
  private readonly log: DeviceLog;

  protected constructor(
    private readonly port: ByteTransport,
    options: CardReaderSimulatorOptions,
    private readonly framing: SimulatedFraming,
  ) {
    this.baudRate = options.baudRate ?? 0;
    this.log = options.log ?? silentLog;
    port.onData((chunk) => this.onData(chunk));
  }

  setFault(fault: Fault | LineFault | null, slowMs?: number): void {
    this.fault = fault;
    if (slowMs !== undefined) this.slowMs = slowMs;
  }

  /** The answer to one well-framed command, or null for none (the 'silence' fault). */
  protected abstract answer(frame: Buffer): Buffer | null;

  private onData(chunk: Buffer): void {
    for (const r of this.framing.parser.push(chunk)) {
      if (r.type === 'frame') {
        const reply = this.answer(r.frame);
        if (reply) void this.send(reply);
      } else if (r.type === 'badChecksum') void this.send(this.framing.checksumError());
    }
  }

  private async send(reply: Buffer): Promise<void> {
    let bytes = reply;
    if (this.fault === 'wrongChecksum') {
      bytes = Buffer.from(reply);
      const at = bytes.length - this.framing.checksumFromEnd;
      bytes[at] = (bytes[at]! + 1) & 0xff;
    }
    if (this.fault === 'garbage') {
      const length = 1 + Math.floor(Math.random() * this.framing.garbageMaxBytes);
      bytes = Buffer.concat([Buffer.from(Array.from({ length }, () => Math.floor(Math.random() * 256))), bytes]);
    }
    if (this.fault === 'slow') await new Promise((r) => setTimeout(r, this.slowMs));
    if (!this.port.isOpen) return;
    try {
      await sendPaced(this.port, bytes, this.baudRate);
    } catch (error) {
      this.log.debug({ err: error }, 'simulator could not answer');
    }
  }
}
