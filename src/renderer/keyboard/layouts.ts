/** The on-screen keyboard's layouts, in simple-keyboard's notation ({bksp} etc. are function keys). */
export type KeyboardMode = 'chinese' | 'latin' | 'digits' | 'idNumber' | 'amount' | 'date' | 'phone' | 'address';

const LETTERS = ['1 2 3 4 5 6 7 8 9 0', 'q w e r t y u i o p', 'a s d f g h j k l', 'z x c v b n m'];

export const LAYOUTS: Record<KeyboardMode, string[]> = {
  chinese: [...LETTERS, '{lang} {shift} {space} {bksp} {clear}'],
  latin: [...LETTERS.slice(0, 3), 'z x c v b n m - .', '{shift} {space} {bksp} {clear}'],
  digits: ['1 2 3', '4 5 6', '7 8 9', '{clear} 0 {bksp}'],
  phone: ['1 2 3', '4 5 6', '7 8 9', '- 0 {bksp}'],
  // The 18th character of a resident ID number may be X (GB 11643), so the ID pad has an X key.
  idNumber: ['1 2 3', '4 5 6', '7 8 9', 'X 0 {bksp}'],
  amount: ['1 2 3', '4 5 6', '7 8 9', '. 0 {bksp}'],
  date: ['1 2 3', '4 5 6', '7 8 9', '- 0 {bksp}'],
  // A LAN address with its port (192.168.1.20:7420), as the kiosk shows it for pairing.
  address: ['1 2 3', '4 5 6', '7 8 9', '. 0 :', '{clear} {bksp}'],
};

/** The same rows with capital letters, for codes such as the unified social credit code. */
export function shifted(rows: readonly string[]): string[] {
  return rows.map((row) => row.split(' ').map((key) => (/^[a-z]$/.test(key) ? key.toUpperCase() : key)).join(' '));
}

/** Which characters a mode lets into a value (physical keyboards of technicians go through the same gate). */
export const ALLOWED: Record<Exclude<KeyboardMode, 'chinese' | 'latin'>, RegExp> = {
  digits: /^[0-9]$/,
  phone: /^[0-9-]$/,
  idNumber: /^[0-9X]$/,
  amount: /^[0-9.]$/,
  date: /^[0-9-]$/,
  address: /^[0-9.:]$/,
};
