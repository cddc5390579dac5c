import type { Field } from '../../shared/catalog/schema';
import type { KeyboardMode } from '../keyboard/layouts';

/** Which on-screen keyboard a field opens; null for fields answered by buttons (choices, confirmations). */
export function keyboardFor(field: Field): KeyboardMode | null {
  switch (field.kind) {
    case 'text':
      return field.keyboard;
    case 'personName':
      return 'chinese';
    case 'idNumber':
      return 'idNumber';
    case 'phone':
      return 'phone';
    case 'date':
      return 'date';
    case 'amount':
      return 'amount';
    case 'integer':
    case 'bankAccount':
    case 'divisionCode':
      return 'digits';
    case 'choice':
    case 'confirm':
      return null;
  }
}

/** Dates are typed as digits; the dashes of YYYY-MM-DD are put in for the resident. */
export function formatDateDigits(typed: string): string {
  const digits = typed.replace(/\D/g, '').slice(0, 8);
  if (digits.length <= 4) return digits;
  if (digits.length <= 6) return `${digits.slice(0, 4)}-${digits.slice(4)}`;
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6)}`;
}

export function maxLengthFor(field: Field): number {
  switch (field.kind) {
    case 'text':
      return field.maxLength;
    case 'idNumber':
      return 18;
    case 'phone':
      return 13;
    case 'date':
      return 10;
    case 'bankAccount':
      return 19;
    case 'divisionCode':
      return 12;
    case 'amount':
      return 15;
    case 'integer':
      return 12;
    default:
      return 60;
  }
}
