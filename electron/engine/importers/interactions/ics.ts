// Reader of iCalendar (.ics) files: one in_person or video record per event occurrence, recurrences expanded.
import ICAL from 'ical.js';
import { createHash } from 'node:crypto';
import type { InteractionRecord, ParticipantRecord } from '../../../../shared/domain/records';
import { ImportError } from '../importError';
import { readTextFile } from '../text';
import type { ByteSource } from '../text/byteSource';
import { splitIcsBlocks, type IcsBlock } from './icsBlocks';
import { RecordBatcher, type BatchSink, type InteractionFileInfo, type InteractionParseOptions, type ProgressSink } from './interactionFile';
import { classifyLocation } from './meetingPlace';

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;
type Event = InstanceType<typeof ICAL.Event>;

/**
 * Recurring events keep at most this many occurrences: the latest ones up to `until`, since recent
 * contact decides tiers. Expansion walks at most MAX_STEPS occurrences from DTSTART per event.
 */
export const MAX_OCCURRENCES = 500;
export const MAX_STEPS = 20_000;
/** Expansion steps for the whole file, so thousands of minutely rules cannot stall an import. */
export const FILE_STEPS = 2_000_000;
const DAY_MS = 86_400_000;

/** Google's calendar ids (shared, resource, imported calendars) appear as organizers but are not people. */
const NOT_A_PERSON = /@(?:group|resource|import)\.calendar\.google\.com$|^unknownorganizer@calendar\.google\.com$/i;

interface Parsed {
  comp: Component;
  line: number;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(zone)) {
    let f: Intl.DateTimeFormat | null = null;
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
        hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      f = null;
    }
    formatters.set(zone, f);
  }
  return formatters.get(zone)!;
}

/** Wall-clock time in an IANA zone that the file names but does not define → epoch ms. */
function zonedWallToUtc(t: Time, zone: string): number | null {
  const f = formatterFor(zone);
  if (!f) return null;
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  const offsetAt = (ms: number): number => {
    const p: Record<string, number> = {};
    for (const part of f.formatToParts(ms)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - ms;
  };
  const first = wall - offsetAt(wall);
  return wall - offsetAt(first);
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

class IcsReader {
  private readonly untilMs: number;
  private readonly undefinedZones = new Set<string>();
  private stepsLeft = FILE_STEPS;

  constructor(
    private readonly batcher: RecordBatcher,
    until: string | undefined,
  ) {
    const day = until && /^\d{4}-\d{2}-\d{2}$/.test(until) ? Date.parse(`${until}T00:00:00Z`) : NaN;
    const today = Date.parse(new Date().toISOString().slice(0, 10) + 'T00:00:00Z');
    this.untilMs = (Number.isNaN(day) ? today : day) + DAY_MS;
  }

  /** Epoch ms of an ICAL time: all-day at 00:00 UTC, floating or undefined zones as UTC unless Intl knows the zone. */
  timeMs(t: Time, tzid: string | null): number {
    if (t.isDate) return Date.UTC(t.year, t.month - 1, t.day);
    const zone = t.zone;
    const floating = !zone || zone === ICAL.Timezone.localTimezone || zone.tzid === 'floating';
    if (floating && tzid) {
      const ms = zonedWallToUtc(t, tzid);
      if (ms !== null) return ms;
      if (!this.undefinedZones.has(tzid)) {
        this.undefinedZones.add(tzid);
        this.batcher.warn(`time zone "${tzid}" is neither defined in the file nor known: its times were taken as UTC`);
      }
    }
    return t.toUnixTime() * 1000;
  }

  readGroup(master: Parsed | undefined, exceptions: Parsed[]): void {
    if (!master) {
      for (const e of exceptions) this.readSingle(new ICAL.Event(e.comp, { exceptions: [] }), e.line);
      return;
    }
    // Exceptions are related by hand: without the option ical.js scans every VEVENT of the calendar per event.
    const event = new ICAL.Event(master.comp, { exceptions: [] });
    if (isCancelled(master.comp)) {
      this.batcher.skip(master.line, 'cancelled event');
      return;
    }
    if (!event.startDate) {
      this.batcher.skip(master.line, 'event without DTSTART');
      return;
    }
    if (!event.isRecurring()) {
      this.readSingle(event, master.line);
      return;
    }
    const lines = new Map<Component, number>([[master.comp, master.line]]);
    for (const e of exceptions) {
      event.relateException(e.comp);
      lines.set(e.comp, e.line);
    }
    this.expand(event, master.line, lines);
  }

  private readSingle(event: Event, line: number): void {
    if (isCancelled(event.component)) return this.batcher.skip(line, 'cancelled event');
    if (!event.startDate) return this.batcher.skip(line, 'event without DTSTART');
    const tzid = tzidOf(event.component);
    const start = this.timeMs(event.startDate, tzid);
    const end = event.endDate ? this.timeMs(event.endDate, tzidOf(event.component, 'dtend') ?? tzid) : start;
    this.emit(event, line, start, end, start);
  }

  private expand(event: Event, line: number, lines: Map<Component, number>): void {
    const tzid = tzidOf(event.component);
    const kept: Time[] = [];
    const it = event.iterator();
    let steps = 0;
    let dropped = 0;
    for (let t = it.next(); t; t = it.next()) {
      if (--this.stepsLeft < 0) {
        this.batcher.warn(`recurring events were expanded for ${FILE_STEPS} occurrences in all; later rules were cut short`);
        break;
      }
      if (++steps > MAX_STEPS) {
        this.batcher.warn(`line ${line}: a recurring event was expanded for its first ${MAX_STEPS} occurrences only`);
        break;
      }
      if (this.timeMs(t, tzid) >= this.untilMs) break;
      kept.push(t);
      if (kept.length >= MAX_OCCURRENCES * 2) {
        dropped += kept.length - MAX_OCCURRENCES;
        kept.splice(0, kept.length - MAX_OCCURRENCES);
      }
    }
    if (kept.length > MAX_OCCURRENCES) {
      dropped += kept.length - MAX_OCCURRENCES;
      kept.splice(0, kept.length - MAX_OCCURRENCES);
    }
    if (dropped > 0) {
      this.batcher.warn(`line ${line}: a recurring event has more than ${MAX_OCCURRENCES} occurrences; the ${dropped} earliest were left out`);
    }
    for (const t of kept) {
      const details = event.getOccurrenceDetails(t);
      const item = details.item;
      const itemLine = lines.get(item.component) ?? line;
      if (isCancelled(item.component)) {
        this.batcher.skip(itemLine, 'cancelled occurrence');
        continue;
      }
      const itemTz = tzidOf(item.component) ?? tzid;
      const start = this.timeMs(details.startDate, itemTz);
      const end = details.endDate ? this.timeMs(details.endDate, tzidOf(item.component, 'dtend') ?? itemTz) : start;
      this.emit(item, itemLine, start, end, this.timeMs(details.recurrenceId, tzid));
    }
  }

  private emit(event: Event, line: number, start: number, end: number, recurrence: number): void {
    const comp = event.component;
    const location = text(comp, 'location');
    const conference = text(comp, 'x-google-conference') ?? text(comp, 'conference');
    const participants = participantsOf(comp);
    const uid = text(comp, 'uid') ?? createHash('sha1').update(`${text(comp, 'summary') ?? ''}|${start}`).digest('hex').slice(0, 20);
    const record: InteractionRecord = {
      line,
      sourceKey: `ics:${uid}:${iso(recurrence)}`,
      kind: classifyLocation(location),
      occurredAt: iso(start),
      connected: true,
      othersCount: participants.filter((p) => !p.declined).length,
      participants,
    };
    const summary = text(comp, 'summary');
    if (summary) record.subject = summary;
    if (location ?? conference) record.location = location ?? conference;
    if (end > start) record.durationSec = Math.round((end - start) / 1000);
    this.batcher.push(record);
  }
}

function text(comp: Component, name: string): string | undefined {
  const v = comp.getFirstPropertyValue(name);
  if (v === null || v === undefined) return undefined;
  const s = String(v).trim();
  return s || undefined;
}

function tzidOf(comp: Component, prop = 'dtstart'): string | null {
  const tz = comp.getFirstProperty(prop)?.getParameter('tzid');
  return typeof tz === 'string' && tz ? tz : null;
}

function isCancelled(comp: Component): boolean {
  return String(comp.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';
}

function addressOf(value: unknown): string | undefined {
  const s = String(value ?? '').trim().replace(/^mailto:/i, '').trim();
  return s.includes('@') && !/\s/.test(s) ? s : undefined;
}

function nameOf(cn: unknown, email: string | undefined): string | undefined {
  const name = (Array.isArray(cn) ? cn.join(',') : String(cn ?? '')).replace(/^"|"$/g, '').trim();
  return name && name.toLowerCase() !== email?.toLowerCase() ? name : undefined;
}

/** Organizer first (the sender), then attendees; rooms, resources and Google calendar ids left out. */
function participantsOf(comp: Component): ParticipantRecord[] {
  const out: ParticipantRecord[] = [];
  const byKey = new Map<string, ParticipantRecord>();
  const add = (prop: InstanceType<typeof ICAL.Property>, role: 'organizer' | 'attendee'): void => {
    const cutype = String(prop.getParameter('cutype') ?? '').toUpperCase();
    if (cutype === 'ROOM' || cutype === 'RESOURCE') return;
    const email = addressOf(prop.getFirstValue());
    if (email && NOT_A_PERSON.test(email)) return;
    const name = nameOf(prop.getParameter('cn'), email);
    if (!email && !name) return;
    const declined = String(prop.getParameter('partstat') ?? '').toUpperCase() === 'DECLINED';
    const key = email ? email.toLowerCase() : `name:${name!.toLowerCase()}`;
    const known = byKey.get(key);
    if (known) {
      if (declined) known.declined = true;
      if (!known.name && name) known.name = name;
      return;
    }
    const p: ParticipantRecord = { role, isSender: role === 'organizer' };
    if (name) p.name = name;
    if (email) p.email = email;
    if (declined) p.declined = true;
    byKey.set(key, p);
    out.push(p);
  };
  const organizer = comp.getFirstProperty('organizer');
  if (organizer) add(organizer, 'organizer');
  for (const a of comp.getAllProperties('attendee')) add(a, 'attendee');
  return out;
}

function parseBlock(block: IcsBlock): Component | null {
  const cal = new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${block.text}\r\nEND:VCALENDAR`) as unknown[]);
  return cal.getFirstSubcomponent('vevent') ?? cal.getFirstSubcomponent('vtimezone');
}

function reason(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 120);
}

/**
 * Reads an .ics file. `othersCount` is every distinct non-declined person named (organizer
 * included, the owner too when listed): the engine subtracts the owner, whom a parser cannot know.
 */
export async function streamIcs(
  source: ByteSource,
  opts: InteractionParseOptions,
  onBatch: BatchSink,
  onProgress?: ProgressSink,
): Promise<InteractionFileInfo> {
  const path = source.name;
  const { text: content, totalBytes } = await readTextFile(source);
  const blocks = splitIcsBlocks(content, path);
  const batcher = new RecordBatcher(onBatch);
  if (blocks.events.length === 0) {
    batcher.warn('the calendar holds no events (no VEVENT)');
    return batcher.finish('ics');
  }
  const root = new ICAL.Component('vcalendar');
  for (const tz of blocks.timezones) {
    try {
      const comp = parseBlock(tz);
      if (comp) root.addSubcomponent(comp);
    } catch (error) {
      batcher.warn(`line ${tz.line}: time zone definition could not be read (${reason(error)})`);
    }
  }
  const groups = new Map<string, { master?: Parsed; exceptions: Parsed[] }>();
  for (const block of blocks.events) {
    let comp: Component | null;
    try {
      comp = parseBlock(block);
    } catch (error) {
      batcher.skip(block.line, `unreadable event (${reason(error)})`);
      continue;
    }
    if (!comp) continue;
    root.addSubcomponent(comp);
    const uid = text(comp, 'uid') ?? `line:${block.line}`;
    const group = groups.get(uid) ?? { exceptions: [] };
    groups.set(uid, group);
    if (comp.hasProperty('recurrence-id')) group.exceptions.push({ comp, line: block.line });
    else if (!group.master) group.master = { comp, line: block.line };
    else batcher.skip(block.line, 'second event with the same UID');
  }
  const reader = new IcsReader(batcher, opts.until);
  let done = 0;
  for (const group of groups.values()) {
    opts.signal?.throwIfAborted();
    const line = group.master?.line ?? group.exceptions[0]?.line ?? 0;
    try {
      reader.readGroup(group.master, group.exceptions);
    } catch (error) {
      if (error instanceof ImportError) throw error;
      batcher.skip(line, `unreadable event (${reason(error)})`);
    }
    if (++done % 1000 === 0) onProgress?.(Math.round((totalBytes * done) / groups.size), totalBytes, batcher.count);
  }
  onProgress?.(totalBytes, totalBytes, batcher.count);
  return batcher.finish('ics');
}
