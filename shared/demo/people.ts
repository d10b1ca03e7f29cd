// The persons of a generated network: names across cultures, companies, addresses, profile slugs and connection dates.
import type { DemoDifficulty, GeneratedPerson } from './model';
import {
  CREDENTIALS, CULTURES, EMOJI, WEIGHTED_CULTURES, HEADLINES, POSITIONS, WEBMAIL, asciiWord, coarseNameKey, companyPool,
  type Company, type Culture,
} from './names';
import { NAMESAKE_CULTURES, zipfWeighted } from './namesakeNames';
import { Random, dayNumber, dayString } from './random';

const SELF_EMPLOYED = ['Self-employed', 'Freelance', ''];

/** `global`: names across cultures, namesakes rare and deliberate; `namesakeDense`: common names drawn by frequency (see namesakeNames.ts). */
export type Population = 'global' | 'namesakeDense';

export interface PeopleOptions {
  connections: number;
  asOf: string;
  difficulty: DemoDifficulty;
  population?: Population;
}

const WEIGHTED_NAMESAKE_CULTURES = NAMESAKE_CULTURES.map((c) => [c, c.weight] as const);
/** In a namesake-dense network, the share of people with a common name of NAMESAKE_CULTURES; the others as in `global`. */
const NAMESAKE_POPULATION_SHARE = 0.33;

/** Connected On dates: growing by year from 2004, one "conference spree" year with three times the usual links. */
function connectionYears(asOf: string, spreeYear: number): [number, number][] {
  const years: [number, number][] = [];
  for (let y = 2004; y <= Number(asOf.slice(0, 4)); y++) years.push([y, (y === spreeYear ? 3 : 1) * Math.min(12, 1 + (y - 2004) * 0.9)]);
  return years;
}

function connectionDay(rng: Random, asOf: string, years: readonly [number, number][]): string {
  const year = rng.weighted(years);
  const from = dayNumber(`${year}-01-01`);
  const to = Math.min(dayNumber(`${year}-12-31`), dayNumber(asOf));
  return dayString(rng.dayBetween(from, to));
}

function latinOf(culture: Culture, name: string): string {
  return culture.latin ? culture.latin(name) : name;
}

function emailLocal(rng: Random, first: string, last: string): string {
  const f = asciiWord(first.split(' ')[0]) || 'x';
  const l = asciiWord(last) || 'y';
  return rng.weighted<string>([
    [`${f}.${l}`, 5], [`${f[0]}${l}`, 2], [f, 1], [`${f}_${l}`, 1], [`${f}${l[0]}`, 1],
  ]);
}

function phoneNumber(rng: Random, culture: Culture): string {
  const digits = rng.digits(culture.phone.digits);
  if (culture.phone.prefix === '+1') return `+1 (${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
  return rng.bool(0.6) ? `${culture.phone.prefix} ${digits.slice(0, 3)} ${digits.slice(3)}` : `0${digits}`;
}

/** How the Connections.csv row writes the name: mostly as is, sometimes with the quirks of real exports. */
function rowName(rng: Random, first: string, last: string): [string, string] {
  const r = rng.next();
  if (r < 0.03) return [first + ' ', last];
  if (r < 0.05) return [first, last + ' '];
  if (r < 0.07) return [first, `${last} ${rng.pick(EMOJI)}`];
  if (r < 0.10) return [first, last + rng.pick(CREDENTIALS)];
  if (r < 0.11) return [first, `${last} (IoT)${rng.pick(CREDENTIALS)}`];
  return [first, last];
}

export function generatePersons(rng: Random, opts: PeopleOptions): GeneratedPerson[] {
  const companies = companyPool();
  const takenKeys = new Map<string, number[]>();
  const takenSlugs = new Set<string>();
  const takenEmails = new Set<string>();
  const persons: GeneratedPerson[] = [];
  const years = connectionYears(opts.asOf, rng.int(2011, 2019));
  // Deliberate twins in a global network; a namesake-dense one needs none (its names repeat by themselves).
  const twinRate = opts.difficulty === 'easy' ? 0 : opts.difficulty === 'hard' ? 0.08 : 0.03;

  for (let index = 0; index < opts.connections; index++) {
    let culture = rng.weighted(WEIGHTED_CULTURES);
    let first = '';
    let last = '';
    let company: Company | null = null;
    const dense = opts.population === 'namesakeDense' && rng.bool(NAMESAKE_POPULATION_SHARE);
    const twinOf = !dense && persons.length > 10 && rng.bool(twinRate) ? persons[rng.int(0, persons.length - 1)] : null;
    if (dense) {
      // Names as common as they are in life: namesakes come by themselves, never avoided.
      culture = rng.weighted(WEIGHTED_NAMESAKE_CULTURES);
      first = rng.weighted(zipfWeighted(culture.first));
      last = rng.weighted(zipfWeighted(culture.last));
    } else if (twinOf && twinOf.domain) {
      culture = CULTURES.find((c) => c.id === twinOf.culture) ?? culture;
      first = twinOf.firstName;
      last = twinOf.lastName;
    } else {
      for (let attempt = 0; attempt < 40; attempt++) {
        // A crowded culture gives way to another rather than repeating a name.
        if (attempt >= 8) culture = rng.weighted(WEIGHTED_CULTURES);
        first = rng.pick(culture.first);
        last = rng.pick(culture.last);
        if (!takenKeys.has(coarseNameKey(first, last))) break;
      }
    }
    const key = coarseNameKey(first, last);
    const namesakes = takenKeys.get(key) ?? [];
    // Namesakes among connections always work at different companies with their own domains.
    if (namesakes.length > 0 || !rng.bool(0.05)) {
      const used = new Set(namesakes.map((i) => persons[i].domain));
      do company = rng.pick(companies);
      while (used.has(company.domain));
    }
    namesakes.push(index);
    takenKeys.set(key, namesakes);

    const latinFirst = latinOf(culture, first);
    const latinLast = latinOf(culture, last);
    const local = emailLocal(rng, latinFirst, latinLast);
    const unicodeSlug = culture.latin === undefined && /[^\x00-\x7f]/.test(first + last) && rng.bool(0.25);
    const base = unicodeSlug
      ? `${first.split(' ')[0]}-${last}`.toLowerCase().replace(/\s+/g, '-')
      : `${asciiWord(latinFirst.split(' ')[0])}-${asciiWord(latinLast)}`;
    let slug = rng.bool(0.15) ? base : `${base}-${rng.hex(rng.pick([6, 8, 9]))}`;
    while (takenSlugs.has(slug)) slug = `${base}-${rng.hex(8)}`;
    takenSlugs.add(slug);

    const [rowFirst, rowLast] = rowName(rng, first, last);
    const personalDomain = rng.weighted(WEBMAIL.map((d, i) => [d, i === 0 ? 8 : 1] as const));
    const unique = (address: string): string => {
      let out = address;
      while (takenEmails.has(out)) out = out.replace('@', String(rng.int(0, 9)) + '@');
      takenEmails.add(out);
      return out;
    };
    persons.push({
      index,
      firstName: first,
      lastName: last,
      rowFirstName: rowFirst,
      rowLastName: rowLast,
      culture: culture.id,
      company: company ? company.name : rng.pick(SELF_EMPLOYED),
      domain: company ? company.domain : null,
      position: rng.pick(POSITIONS) + (rng.bool(0.003) ? '\x10' : ''),
      workEmail: company ? unique(`${local}@${company.domain}`) : null,
      personalEmail: unique(`${local}${rng.bool(0.5) ? rng.int(1, 99) : ''}@${personalDomain}`),
      listedEmail: '',
      slug,
      profileUrl: `https://www.linkedin.com/in/${slug}`,
      phone: phoneNumber(rng, culture),
      connectedOn: connectionDay(rng, opts.asOf, years),
      nameKey: key,
      planned: 'dilution',
      difficulty: 'none',
      traps: [],
    });
  }
  return persons;
}

/** Whole name in First Name and a headline in Last Name: only for persons whose records never rely on the name. */
export function applyHeadlineQuirk(rng: Random, person: GeneratedPerson): void {
  person.rowFirstName = `${person.firstName} ${person.lastName}`;
  person.rowLastName = rng.pick(HEADLINES);
}
