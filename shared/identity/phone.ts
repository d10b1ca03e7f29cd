// Phone number normalisation to E.164, the only phone spelling the matcher compares.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

export type { CountryCode };

// Call logs and address books write "(Unknown)", "null", "Private number" where no number is known.
const HAS_DIGITS_RE = /\d/;

/**
 * Normalise a phone number to E.164 (`+442079460958`), or null for junk, placeholders and numbers
 * too short to be a subscriber's. Without a country code the number needs `defaultCountry`.
 * Extensions are dropped: E.164 has none, and an extension still reaches the same switchboard.
 */
export function normalisePhone(raw: string, defaultCountry?: CountryCode): string | null {
  let s = raw.trim().replace(/^tel:/i, '');
  if (!HAS_DIGITS_RE.test(s) || s.length > 64) return null;
  // "00" is the international prefix in most of the world; without a default country it is the
  // only hint that a number is international.
  if (!defaultCountry) s = s.replace(/^\s*00(?=[1-9])/, '+');
  const parsed = parsePhoneNumberFromString(s, defaultCountry ? { defaultCountry } : undefined);
  if (!parsed || !parsed.isPossible()) return null;
  return parsed.number;
}
