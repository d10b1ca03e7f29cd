// What every email and message thread holds, per contact in it, read once while the records stay
// unchanged: the audit cache keeps it across changes that only move contacts between persons (links,
// decisions, merge/split, your identities), rules and tags, so that the audit after such a change
// counts thread evidence from ~1 row per (thread, contact) in JS instead of sorting every participant
// row in SQLite. Read for one audit date (records after it are left out, as the aggregate leaves them).
import type { Db } from '../db/openDatabase';
import type { Evidence } from '../../../shared/domain/audit';

// One row per (thread, contact): the thread's key as the aggregate groups it, and over the thread's
// records that list the contact: the latest day, any automated, any manual, whether the contact wrote.
const PAIRS_SQL = `SELECT coalesce(i.thread_key, '#' || i.id) AS t, p.contact_id, max(i.day),
       max(i.automated != 0) | (max(i.manual != 0) << 1) | (max(p.is_sender != 0) << 2)
  FROM interactions i CROSS JOIN participants p ON p.interaction_id = i.id
 WHERE i.kind IN ('email', 'message') AND +i.day <= ?
 GROUP BY t, p.contact_id ORDER BY t`;

// The flag bits the query packs (parenthesised: SQLite gives | and << the same precedence).
const AUTOMATED = 1;
const MANUAL = 2;
const WROTE = 4;

type PairRow = [string, number, string, number];

export class ThreadSummary {
  private constructor(
    readonly asOf: string,
    /** Pairs of thread k are threadStart[k] … threadStart[k + 1] - 1. */
    private readonly threadStart: Int32Array,
    private readonly contact: Int32Array,
    /** Index into `days` (sorted), so that the latest day is the largest number. */
    private readonly day: Int32Array,
    private readonly flags: Uint8Array,
    private readonly days: string[],
  ) {}

  /** Reads every email and message record up to asOf once (one GROUP BY over the participant rows). */
  static read(db: Db, asOf: string): ThreadSummary {
    const starts: number[] = [];
    const contacts: number[] = [];
    const dayOf: number[] = [];
    const flags: number[] = [];
    const dayIds = new Map<string, number>();
    let thread: string | null = null;
    for (const [t, c, d, f] of db.prepare(PAIRS_SQL).raw(true).iterate(asOf) as Iterable<PairRow>) {
      if (t !== thread) {
        starts.push(contacts.length);
        thread = t;
      }
      let id = dayIds.get(d);
      if (id === undefined) dayIds.set(d, (id = dayIds.size));
      contacts.push(c);
      dayOf.push(id);
      flags.push(f);
    }
    starts.push(contacts.length);
    // Days were numbered as met; renumber them in calendar order.
    const days = [...dayIds.keys()].sort();
    const rank = new Int32Array(dayIds.size);
    days.forEach((d, r) => (rank[dayIds.get(d)!] = r));
    return new ThreadSummary(asOf, Int32Array.from(starts), Int32Array.from(contacts), Int32Array.from(dayOf, (id) => rank[id]), Uint8Array.from(flags), days);
  }

  /**
   * Thread evidence of every person as of this summary's date, as the SQL aggregate counts it: a thread
   * counts the records that list a person or you, once per linked person in it.
   */
  evidence(db: Db): Map<string, Evidence> {
    // Contacts as they are linked now: person index (-1 none) and whether the contact is you.
    const maxId = (db.prepare('SELECT coalesce(max(id), 0) FROM contacts').pluck().get() as number) + 1;
    const personOf = new Int32Array(maxId).fill(-1);
    const own = new Uint8Array(maxId);
    const personIds: string[] = [];
    const personIndex = new Map<string, number>();
    for (const [id, pid, isOwn] of db.prepare(`SELECT id, person_id, status = 'own' FROM contacts`).raw(true).iterate() as Iterable<[number, string | null, number]>) {
      own[id] = isOwn;
      if (pid === null) continue;
      let k = personIndex.get(pid);
      if (k === undefined) personIndex.set(pid, (k = personIds.push(pid) - 1));
      personOf[id] = k;
    }
    const n = personIds.length;
    const conversations = new Int32Array(n);
    const threads = new Int32Array(n);
    const lastContact = new Int32Array(n).fill(-1);
    const lastInteraction = new Int32Array(n).fill(-1);
    // The linked persons of the current thread and whether each wrote in it (few per thread).
    const inThread: number[] = [];
    const wrote: boolean[] = [];
    const { threadStart, contact, day, flags } = this;
    for (let t = 0; t + 1 < threadStart.length; t++) {
      let latest = -1;
      let anyFlags = 0;
      let youWrote = false;
      inThread.length = 0;
      wrote.length = 0;
      for (let k = threadStart[t]; k < threadStart[t + 1]; k++) {
        const c = contact[k];
        // Contacts deleted since the summary was read cannot be listed: a deletion changes the records.
        const person = c < maxId ? personOf[c] : -1;
        const isOwn = c < maxId && own[c] === 1;
        if (person < 0 && !isOwn) continue;
        if (day[k] > latest) latest = day[k];
        anyFlags |= flags[k];
        const w = (flags[k] & WROTE) !== 0;
        if (isOwn && w) youWrote = true;
        if (person < 0) continue;
        const at = inThread.indexOf(person);
        if (at < 0) {
          inThread.push(person);
          wrote.push(w);
        } else if (w) wrote[at] = true;
      }
      for (let j = 0; j < inThread.length; j++) {
        const p = inThread[j];
        const conv = (anyFlags & AUTOMATED) === 0 && ((anyFlags & MANUAL) !== 0 || (youWrote && wrote[j]));
        threads[p]++;
        if (latest > lastInteraction[p]) lastInteraction[p] = latest;
        if (conv) {
          conversations[p]++;
          if (latest > lastContact[p]) lastContact[p] = latest;
        }
      }
    }
    const evidence = new Map<string, Evidence>();
    for (let p = 0; p < n; p++) {
      if (threads[p] === 0) continue;
      evidence.set(personIds[p], {
        inPerson: 0,
        calls: 0,
        twoWayThreads: conversations[p],
        conversations: conversations[p],
        oneWay: threads[p] - conversations[p],
        interactions: threads[p],
        lastContact: lastContact[p] < 0 ? null : this.days[lastContact[p]],
        lastInteraction: this.days[lastInteraction[p]],
      });
    }
    return evidence;
  }
}
