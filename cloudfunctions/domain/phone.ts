/**
 * Masks a phone number for display: enough to recognise it, not enough to harvest it.
 * Mobile `13805371037` → `138****1037`; landline `0537-5212345` → `0537-***2345`.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '****';
  const dash = phone.indexOf('-');
  if (dash > 0) {
    const area = phone.slice(0, dash);
    const local = phone.slice(dash + 1).replace(/\D/g, '');
    return `${area}-${'*'.repeat(Math.max(local.length - 4, 3))}${local.slice(-4)}`;
  }
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}
