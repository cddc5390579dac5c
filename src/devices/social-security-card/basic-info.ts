/** What the card says about itself and its holder: the fields of the national reader API's basic-information call. */
export interface SocialSecurityCardInfo {
  /** First 6 digits of the card identification code. */
  regionCode: string;
  socialSecurityNumber: string;
  cardNumber: string;
  /** 32 hex digits. */
  cardIdentificationCode: string;
  name: string;
  sex: 'male' | 'female' | 'unknown';
  nationCode: string | undefined;
  /** YYYY-MM-DD when the card carries it. */
  birthDate: string | undefined;
  /** Hex of the ATR's historical bytes. */
  atrHistorical: string;
  specVersion: string;
  /** YYYY-MM-DD */
  issueDate: string;
  expiryDate: string;
  cardType: string;
}

export interface TerminalIds {
  terminalNumber: string;
  terminalDeviceNumber: string;
}

/**
 * The reader API's basic-information string: 11 fields joined by `|` with a trailing `|` (DEVICES.md §2):
 * region | 社会保障号码 | 卡号 | 卡识别码 | 姓名 | ATR historical | 规范版本 | 发卡日期 | 卡有效期 | terminal | device |
 * Dates are YYYYMMDD as the API gives them.
 */
export function basicInfoString(info: SocialSecurityCardInfo, terminal: TerminalIds): string {
  const compact = (d: string) => d.replaceAll('-', '');
  const fields = [
    info.regionCode,
    info.socialSecurityNumber,
    info.cardNumber,
    info.cardIdentificationCode,
    info.name,
    info.atrHistorical,
    info.specVersion,
    compact(info.issueDate),
    compact(info.expiryDate),
    terminal.terminalNumber,
    terminal.terminalDeviceNumber,
  ];
  return `${fields.map((f) => f.replaceAll('|', '')).join('|')}|`;
}
