// The fold.ts the engine shipped before its fast paths and memos, kept to check them against. Was: Text folding shared by name keys and company keys: NFKD without diacritics, case-folded, special letters spelled out.

/** Letters that NFKD does not decompose, spelled the way an ASCII-only writer would spell them. */
const SPECIAL_LETTERS: Record<string, string> = {
  ø: 'o', ł: 'l', đ: 'd', ð: 'd', æ: 'ae', œ: 'oe', ß: 'ss', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't',
  ŋ: 'n', ĸ: 'k', ƒ: 'f', ɨ: 'i', ə: 'e', ɛ: 'e', ɔ: 'o', ƙ: 'k', ɗ: 'd', ɓ: 'b', ƴ: 'y', ȸ: 'db',
  ȹ: 'qp', ŀ: 'l', ʒ: 'z', ſ: 's', ς: 'σ',
};
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'gu');

// Diacritics are dropped only after Latin, Greek and Cyrillic letters: in Devanagari, Thai or
// Arabic the combining marks are part of the spelling, and dropping them would merge names.
const LATIN_MARKS_RE = /([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu;
// Arabic harakat and Hebrew niqqud are optional in everyday writing, so a name may come with or without them.
const OPTIONAL_VOWEL_MARKS_RE = /[\u0591-\u05C7\u064B-\u065F\u0670]/gu;

/**
 * Fold text for comparison: lower-case (Unicode-aware), NFKD, diacritics removed from Latin,
 * Greek and Cyrillic letters, and ø/ł/đ/æ/œ/ß/þ/ı… spelled out. Punctuation is left alone.
 */
export function foldText(raw: string): string {
  // Lower-casing first lets the special-letter table hold only lower-case forms (ẞ → ß, Ø → ø).
  const lower = raw.toLowerCase().replace(SPECIAL_RE, (ch) => SPECIAL_LETTERS[ch] ?? ch);
  const stripped = lower.normalize('NFKD').replace(LATIN_MARKS_RE, '$1').replace(OPTIONAL_VOWEL_MARKS_RE, '');
  // NFKD may have produced new upper-case letters (e.g. from compatibility forms); fold once more.
  return stripped.toLowerCase().replace(SPECIAL_RE, (ch) => SPECIAL_LETTERS[ch] ?? ch);
}
