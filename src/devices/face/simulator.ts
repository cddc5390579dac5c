import type { ParseResult } from '../core/length-frame-parser';
import { FrameReader } from '../core/frame-reader';
import { createFaceFrameParser, toFaceFrame } from './frame-parser';
import { Command, decodeCommand, encodeReply, type HostCommand, type ModuleReply, type ProgressStep } from './protocol';
import { SAMPLE_FACE_JPEG_BASE64 } from './sample-image';

/** What the next capture session does: a live person, a photo held up (spoof), nobody there, or a dead module. */
export type SimulatedFaceOutcome = 'pass' | 'spoof' | 'noFace' | 'silent';

export interface FaceSimulatorOptions {
  /** Time between progress steps. */
  stepMs?: number;
  image?: Uint8Array;
}

/**
 * The face module's side of the reference protocol, in software: answers START with progress steps and a result,
 * serves the captured JPEG in chunks, honours CANCEL and STATUS. The developer panel and tests choose what the next
 * session does; after one session it goes back to 'pass' (except 'silent', which lasts until changed).
 */
export class FaceModuleSimulator {
  private readonly reader = new FrameReader(createFaceFrameParser(), (results) => this.onResults(results));
  private readonly listeners = new Set<(bytes: Uint8Array) => void>();
  private readonly image: Uint8Array;
  private stepMs: number;
  private next: SimulatedFaceOutcome = 'pass';
  private timers: NodeJS.Timeout[] = [];
  private state: 'idle' | 'capturing' | 'resultReady' = 'idle';
  private seq = 0;
  private lastImageSize = 0;
  /** Sessions started, for tests and the panel. */
  sessions = 0;

  constructor(options: FaceSimulatorOptions = {}) {
    this.stepMs = options.stepMs ?? 300;
    this.image = options.image ?? new Uint8Array(Buffer.from(SAMPLE_FACE_JPEG_BASE64, 'base64'));
  }

  setNextOutcome(outcome: SimulatedFaceOutcome): void {
    this.next = outcome;
  }

  nextOutcome(): SimulatedFaceOutcome {
    return this.next;
  }

  setStepMs(ms: number): void {
    this.stepMs = Math.max(0, ms);
  }

  onOutput(listener: (bytes: Uint8Array) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  receive(chunk: Uint8Array): void {
    this.reader.push(chunk);
  }

  private onResults(results: ParseResult[]): void {
    for (const item of results) {
      if (item.type === 'badChecksum' || item.type === 'badLength') {
        if (this.next !== 'silent') this.send({ type: 'error', code: item.type === 'badChecksum' ? 'crc' : 'length' });
        continue;
      }
      if (item.type !== 'frame') continue;
      const decoded = decodeCommand(toFaceFrame(item.frame));
      if (!decoded.ok) {
        if (this.next !== 'silent') this.send({ type: 'error', code: 'unknownCommand' });
        continue;
      }
      this.handle(decoded.value);
    }
  }

  close(): void {
    this.reader.dispose();
    this.clearTimers();
  }

  private handle(command: HostCommand): void {
    // A dead module answers nothing at all until the panel picks another outcome.
    if (this.next === 'silent') return;
    switch (command.type) {
      case 'status':
        this.send({ type: 'status', state: this.state, faultCode: 0, firmware: 'SIM-FACE 1.0' });
        return;
      case 'cancel':
        this.send({ type: 'ack', command: Command.cancel, result: 'ok' });
        if (this.state === 'capturing') {
          this.clearTimers();
          this.state = 'idle';
          this.send({ type: 'result', outcome: 'cancelled', liveness: 0, quality: 0, imageSize: 0 });
        }
        return;
      case 'getImage': {
        if (this.state !== 'resultReady' || this.lastImageSize === 0) {
          this.send({ type: 'ack', command: Command.getImage, result: 'noImage' });
          return;
        }
        const end = Math.min(this.image.length, command.offset + Math.min(command.length, 4000));
        this.send({ type: 'image', offset: command.offset, data: this.image.subarray(command.offset, end) });
        return;
      }
      case 'start': {
        if (this.state === 'capturing') {
          this.send({ type: 'ack', command: Command.start, result: 'busy' });
          return;
        }
        this.sessions += 1;
        const outcome = this.next;
        this.next = 'pass';
        this.state = 'capturing';
        this.send({ type: 'ack', command: Command.start, result: 'ok' });
        const steps: ProgressStep[] =
          outcome === 'noFace'
            ? ['noFace', 'noFace', 'noFace']
            : ['faceFound', 'tooFar', 'holdStill', ...(command.actions.blink ? (['blink'] as const) : []), ...(command.actions.turnLeft ? (['turnLeft'] as const) : []), 'capturing'];
        steps.forEach((step, i) => this.later((i + 1) * this.stepMs, () => this.send({ type: 'progress', step })));
        this.later((steps.length + 1) * this.stepMs, () => {
          this.state = 'resultReady';
          if (outcome === 'pass') {
            this.lastImageSize = this.image.length;
            this.send({ type: 'result', outcome: 'pass', liveness: 0.973, quality: 0.881, imageSize: this.image.length });
          } else if (outcome === 'spoof') {
            this.lastImageSize = 0;
            this.send({ type: 'result', outcome: 'spoof', liveness: 0.082, quality: 0.79, imageSize: 0 });
          } else {
            this.lastImageSize = 0;
            this.send({ type: 'result', outcome: 'noFace', liveness: 0, quality: 0, imageSize: 0 });
          }
        });
        return;
      }
    }
  }

  private later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers = this.timers.filter((x) => x !== t);
      fn();
    }, ms);
    this.timers.push(t);
  }

  private clearTimers(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers = [];
  }

  private send(reply: ModuleReply): void {
    const bytes = encodeReply(reply, this.seq++ & 0xff);
    for (const l of this.listeners) l(bytes);
  }
}
