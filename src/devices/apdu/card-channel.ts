import { KioskError } from '../../shared/contract/errors';
import { apdu, encodeApdu, parseResponseApdu, type CommandApdu, type ResponseApdu } from './apdu';
import { describeSw } from './status-words';

/**
 * Whatever carries APDUs to the card: the kiosk's serial reader framing today (social-security-card/reader-frame.ts),
 * a PC/SC reader later. Errors are KioskErrors (device_offline, device_timeout, card_absent...).
 */
export interface ApduTransport {
  transmit(command: Uint8Array, signal?: AbortSignal): Promise<Uint8Array>;
}

/**
 * ISO 7816-4 exchanges on top of an ApduTransport: collects 61xx answers with GET RESPONSE and resends with the
 * right Le after 6Cxx, so callers see one complete response per command.
 */
export class CardChannel {
  constructor(private readonly transport: ApduTransport) {}

  async send(command: CommandApdu, signal?: AbortSignal): Promise<ResponseApdu> {
    let response = await this.once(command, signal);
    const wrongLe = describeSw(response.sw);
    if (wrongLe.outcome === 'wrongLe') response = await this.once({ ...command, le: wrongLe.value! }, signal);
    let data = response.data;
    // Chained GET RESPONSE; bounded so a misbehaving card cannot keep us here.
    for (let i = 0; i < 16; i += 1) {
      const more = describeSw(response.sw);
      if (more.outcome !== 'moreData') break;
      response = await this.once(apdu.getResponse(more.value!), signal);
      data = Buffer.concat([data, response.data]);
    }
    return { ...response, data };
  }

  /** Sends and insists on 9000; anything else is a KioskError carrying the outcome. */
  async expectOk(command: CommandApdu, signal?: AbortSignal): Promise<Buffer> {
    const response = await this.send(command, signal);
    const meaning = describeSw(response.sw);
    if (meaning.error !== null || meaning.outcome !== 'ok') {
      throw new KioskError(meaning.error ?? 'card_unreadable', {
        details: { sw: response.sw.toString(16).padStart(4, '0'), outcome: meaning.outcome, messageKey: meaning.messageKey, ...(meaning.value === undefined ? {} : { value: meaning.value }) },
      });
    }
    return response.data;
  }

  private async once(command: CommandApdu, signal?: AbortSignal): Promise<ResponseApdu> {
    const raw = await this.transport.transmit(encodeApdu(command), signal);
    const response = parseResponseApdu(raw);
    if (!response) throw new KioskError('card_unreadable', { details: { problem: 'shortResponse' } });
    return response;
  }
}
