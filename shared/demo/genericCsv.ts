// A Friendster-style "any CSV of people" (`Display Name,E-mail,Employer,Job Title,Friends Since`) of any size, streamed.
import { csvRow } from './encoding';
import { CULTURES, POSITIONS, WEBMAIL, asciiWord, companyPool } from './names';
import { Random, dayString } from './random';

/** `rows` people, 2,000 rows per chunk; about one in twenty has no e-mail, dates 2002–2011 as `2008-03-14`. */
export function* writeGenericPeopleCsv(opts: { rows: number; seed: number }): Iterable<string> {
  const rng = new Random(opts.seed);
  const companies = companyPool();
  const cultures = CULTURES.map((c) => [c, c.weight] as const);
  const from = Math.floor(Date.UTC(2002, 2, 1) / 86_400_000);
  const to = Math.floor(Date.UTC(2011, 5, 30) / 86_400_000);
  let chunk = 'Display Name,E-mail,Employer,Job Title,Friends Since\n';
  for (let i = 0; i < opts.rows; i++) {
    const culture = rng.weighted(cultures);
    const first = rng.pick(culture.first);
    const last = rng.pick(culture.last);
    const company = rng.pick(companies);
    const latin = culture.latin ? culture.latin(`${first} ${last}`).split(' ') : [first, last];
    const local = `${asciiWord(latin[0].split(' ')[0])}.${asciiWord(latin[latin.length - 1])}${i}`;
    const email = rng.bool(0.05) ? '' : `${local}@${rng.bool(0.7) ? rng.pick(WEBMAIL) : company.domain}`;
    chunk += csvRow([`${first} ${last}`, email, rng.bool(0.8) ? company.name : '', rng.bool(0.7) ? rng.pick(POSITIONS) : '', dayString(rng.int(from, to))]) + '\n';
    if ((i + 1) % 2000 === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}
