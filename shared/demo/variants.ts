// How records write a person's name (nicknames, accents dropped, credentials, "Last, First"), and strangers who are nobody's connection.
import type { Party } from './model';
import { CREDENTIALS, EMOJI, WEIGHTED_LATIN_CULTURES, HONORIFICS, NICKNAMES, PRONOUNS, WEBMAIL, WESTERN_ALIASES, asciiWord, coarseNameKey, foldName, type Company } from './names';
import type { Random } from './random';

const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Folds diacritics but keeps case: "Jürgen Müller" → "Jurgen Muller". */
function withoutAccents(text: string): string {
  return text.split(/(\s+|-)/).map((w) => {
    const f = foldName(w);
    return w === w.toUpperCase() ? f.toUpperCase() : upperFirst(f);
  }).join('');
}

/**
 * One way a record may write the name. Every variant keeps the SPEC §5 name key: the same given and family name
 * once diacritics, credentials, honorifics, pronouns, emoji, bracketed text and middle initials are removed,
 * "Last, First" is reordered and a nickname is mapped to its formal name.
 */
export function nameVariant(rng: Random, first: string, last: string, cultureId: string): string {
  const nick = NICKNAMES[first];
  const choices: [() => string, number][] = [
    [() => `${first} ${last}`, 30],
    [() => withoutAccents(`${first} ${last}`), /[^\x00-\x7f]/.test(first + last) ? 15 : 0],
    [() => `${nick ? rng.pick(nick) : first} ${last}`, nick ? 25 : 0],
    [() => `${last}, ${first}`, 10],
    [() => `${first} ${last}${rng.pick(CREDENTIALS)}`, 6],
    [() => `${rng.pick(HONORIFICS)} ${first} ${last}`, 4],
    [() => `${first} ${last} ${rng.pick(PRONOUNS)}`, 4],
    [() => `${first} ${String.fromCharCode(65 + rng.int(0, 25))}. ${last}`, 5],
    [() => `${first} ${last} ${rng.pick(EMOJI)}`, 2],
    [() => `${first} (${rng.pick(WESTERN_ALIASES)}) ${last}`, cultureId === 'chinese' ? 15 : 0],
  ];
  return rng.weighted(choices)();
}

/** Makes people who are not connections: colleagues in meetings, event crowds, senders of filler mail. */
export class StrangerMaker {
  constructor(
    private readonly rng: Random,
    private readonly connectionKeys: ReadonlySet<string>,
    private readonly companies: readonly Company[],
  ) {}

  make(): Party {
    const rng = this.rng;
    for (;;) {
      const culture = rng.weighted(WEIGHTED_LATIN_CULTURES);
      const first = rng.pick(culture.first);
      const last = rng.pick(culture.last);
      if (this.connectionKeys.has(coarseNameKey(first, last))) continue;
      const domain = rng.bool(0.6) ? rng.pick(this.companies).domain : rng.pick(WEBMAIL);
      const local = `${asciiWord(first.split(' ')[0])}.${asciiWord(last)}`;
      return { who: 'stranger', name: `${first} ${last}`, email: `${local}@${domain}` };
    }
  }
}
