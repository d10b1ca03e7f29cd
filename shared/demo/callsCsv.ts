// A phone's call log as CSV (`Name,Number,Type,Date,Duration`) for a generated network, newest first.
import type { GeneratedNetwork } from './model';
import { csvRow } from './encoding';
import { Random, dayNumber } from './random';

const TYPE: Record<string, string> = { incoming: 'Incoming', outgoing: 'Outgoing', missed: 'Missed', rejected: 'Rejected' };

/**
 * Incoming / Outgoing / Missed / Rejected calls with durations in seconds (0 for calls that did not connect, and a
 * few outgoing ones nobody answered), dates `2024-03-05 14:22:10` without a zone (UTC), plus unknown numbers.
 */
export function* writeCallsCsv(net: GeneratedNetwork): Iterable<string> {
  const rng = new Random(net.seed ^ 0xca11);
  const rows: { at: string; cells: string[] }[] = net.calls.map((c) => ({
    at: c.at, cells: [c.party.name, c.party.phone ?? '', TYPE[c.direction], '', String(c.durationSec)],
  }));
  const asOfDay = dayNumber(net.asOf);
  for (let k = Math.max(2, Math.floor(net.calls.length / 10)); k > 0; k--) {
    const at = rng.instantOn(rng.dayBetween(asOfDay - 3 * 365, asOfDay), 7, 20);
    const missed = rng.bool(0.6);
    rows.push({ at, cells: ['', `+49 30 ${rng.digits(8)}`, missed ? 'Missed' : 'Incoming', '', missed ? '0' : String(rng.int(5, 300))] });
  }
  rows.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  let chunk = 'Name,Number,Type,Date,Duration\n';
  for (const row of rows) {
    row.cells[3] = `${row.at.slice(0, 10)} ${row.at.slice(11, 19)}`;
    chunk += csvRow(row.cells) + '\n';
    if (chunk.length > 65_536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

export function writeCallsText(net: GeneratedNetwork): string {
  return [...writeCallsCsv(net)].join('');
}
