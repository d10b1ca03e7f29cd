// A Google Calendar .ics export of a generated network's meetings (plus optional filler events), folded at 75 octets.
import type { Attendance, GeneratedNetwork, Meeting, Party } from './model';
import { foldIcsLine, icsText } from './encoding';
import { Random } from './random';

export interface IcsOptions {
  /** Personal events with nobody else (focus time, dentist…) added for size; they link to no one. */
  fillerEvents?: number;
}

const VTIMEZONE = [
  'BEGIN:VTIMEZONE', 'TZID:Europe/Berlin', 'X-LIC-LOCATION:Europe/Berlin',
  'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'TZNAME:CEST', 'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT',
  'BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'TZNAME:CET', 'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD', 'END:VTIMEZONE',
];
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const FILLER_TITLES = ['Focus time', 'Dentist', 'Gym', 'Pick up kids', 'Flight to Lisbon', 'Block: deep work', 'Steuererklärung'];

/** Last Sunday of a month at 01:00 UTC, in ms. */
function lastSundayOneUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0, 1));
  return last.getTime() - last.getUTCDay() * 86_400_000;
}

/** Europe/Berlin's offset from UTC in minutes at an instant (EU rules since 1996). */
export function berlinOffset(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  return ms >= lastSundayOneUtc(year, 2) && ms < lastSundayOneUtc(year, 9) ? 120 : 60;
}

/** `20241004T181500` of an instant shifted by minutes. */
function stamp(ms: number, offsetMin = 0): string {
  return new Date(ms + offsetMin * 60_000).toISOString().replace(/[-:]/g, '').slice(0, 15);
}

function cn(name: string): string {
  return /[,;:"]/.test(name) ? `"${name.replace(/"/g, "'")}"` : name;
}

function mailto(party: Party, upper: boolean): string {
  return `${upper ? 'MAILTO' : 'mailto'}:${party.email ?? ''}`;
}

function timeLines(m: Meeting): string[] {
  const start = Date.parse(m.start);
  const end = start + m.durationMin * 60_000;
  if (m.allDay) return [`DTSTART;VALUE=DATE:${stamp(start).slice(0, 8)}`, `DTEND;VALUE=DATE:${stamp(end).slice(0, 8)}`];
  if (m.tzid) {
    return [`DTSTART;TZID=${m.tzid}:${stamp(start, berlinOffset(start))}`, `DTEND;TZID=${m.tzid}:${stamp(end, berlinOffset(end))}`];
  }
  return [`DTSTART:${stamp(start)}Z`, `DTEND:${stamp(end)}Z`];
}

function attendeeLine(a: Attendance, upper: boolean): string {
  return `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=${a.status};RSVP=TRUE;CN=${cn(a.party.name)};X-NUM-GUESTS=0:${mailto(a.party, upper)}`;
}

function eventLines(m: Meeting, rng: Random, dtstamp: string): string[] {
  const upper = rng.bool(0.05);
  const lines = ['BEGIN:VEVENT', ...timeLines(m)];
  if (m.weeklyCount > 1) {
    const local = Date.parse(m.start) + (m.tzid ? berlinOffset(Date.parse(m.start)) : 0) * 60_000;
    lines.push(`RRULE:FREQ=WEEKLY;WKST=MO;COUNT=${m.weeklyCount};BYDAY=${WEEKDAYS[new Date(local).getUTCDay()]}`);
  }
  lines.push(`DTSTAMP:${dtstamp}`, `ORGANIZER;CN=${cn(m.organizer.name)}:${mailto(m.organizer, upper)}`, `UID:${m.uid}`);
  for (const a of m.attendees) lines.push(attendeeLine(a, upper));
  if (!m.physical && m.location === null) lines.push(`X-GOOGLE-CONFERENCE:${m.description.replace(/^.*?(https:\S+).*$/, '$1')}`);
  const created = stamp(Date.parse(m.start) - rng.int(1, 30) * 86_400_000) + 'Z';
  lines.push(`CREATED:${created}`, `DESCRIPTION:${icsText(m.description)}`, `LAST-MODIFIED:${created}`);
  lines.push(`LOCATION:${icsText(m.location ?? '')}`, 'SEQUENCE:0', `STATUS:${m.cancelled ? 'CANCELLED' : 'CONFIRMED'}`);
  lines.push(`SUMMARY:${icsText(m.summary)}`, 'TRANSP:OPAQUE', 'END:VEVENT');
  return lines;
}

function fillerEvent(rng: Random, net: GeneratedNetwork, k: number): Meeting {
  const end = Date.parse(net.asOf + 'T00:00:00Z') / 86_400_000;
  const day = end - rng.int(0, 6 * 365);
  const me: Party = { who: 'me', name: net.me.name, email: net.me.email };
  return {
    type: 'meeting', uid: `filler${k}${rng.hex(16)}@google.com`, summary: rng.pick(FILLER_TITLES),
    start: new Date((day * 86_400 + rng.int(14, 34) * 1800) * 1000).toISOString().replace('.000Z', 'Z'),
    durationMin: rng.pick([30, 60, 120]), allDay: false, tzid: rng.bool(0.5) ? 'Europe/Berlin' : null, location: null,
    physical: true, description: '', organizer: me, attendees: [], cancelled: false, weeklyCount: 1,
  };
}

/**
 * Google Calendar export: VCALENDAR header, a VTIMEZONE, VEVENTs with UTC / TZID / all-day times, weekly RRULEs,
 * ORGANIZER and ATTENDEE lines (PARTSTAT ACCEPTED or DECLINED, quoted CN when needed, sometimes MAILTO:),
 * physical or video LOCATIONs, STATUS:CANCELLED, CRLF and lines folded at 75 octets.
 */
export function* writeIcs(net: GeneratedNetwork, opts: IcsOptions = {}): Iterable<string> {
  const rng = new Random(net.seed ^ 0x1c5);
  const dtstamp = net.asOf.replace(/-/g, '') + 'T120000Z';
  const head = ['BEGIN:VCALENDAR', 'PRODID:-//Google Inc//Google Calendar 70.9054//EN', 'VERSION:2.0', 'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH', `X-WR-CALNAME:${net.me.email}`, 'X-WR-TIMEZONE:Europe/Berlin', ...VTIMEZONE];
  let chunk = head.map(foldIcsLine).join('');
  const meetings = [...net.meetings];
  const fillerRng = new Random(net.seed ^ 0xf11);
  for (let k = 0; k < (opts.fillerEvents ?? 0); k++) meetings.push(fillerEvent(fillerRng, net, k));
  for (const m of meetings) {
    chunk += eventLines(m, rng, dtstamp).map(foldIcsLine).join('');
    if (chunk.length >= 65_536) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk + foldIcsLine('END:VCALENDAR');
}

export function writeIcsText(net: GeneratedNetwork, opts: IcsOptions = {}): string {
  return [...writeIcs(net, opts)].join('');
}
