// Splitting iCalendar text into its VTIMEZONE and VEVENT blocks, each with the line it starts on.
import { ImportError } from '../importError';

export interface IcsBlock {
  /** 1-based line of `BEGIN:…`. */
  line: number;
  text: string;
}

export interface IcsBlocks {
  timezones: IcsBlock[];
  events: IcsBlock[];
  /** 0 when the text has no VCALENDAR at all. */
  calendars: number;
}

const LINE = /\r\n|\n|\r/;

/**
 * Finds the blocks by their BEGIN/END lines (never folded, since they are short). Refuses text that
 * does not start with BEGIN:VCALENDAR, and a block or calendar that never ends (a truncated file).
 */
export function splitIcsBlocks(text: string, file: string): IcsBlocks {
  const lines = text.split(LINE);
  const out: IcsBlocks = { timezones: [], events: [], calendars: 0 };
  let open: { kind: 'VEVENT' | 'VTIMEZONE'; line: number; from: number } | null = null;
  let inCalendar = false;
  let calendarLine = 0;
  let seenContent = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (raw === '' || raw[0] === ' ' || raw[0] === '\t') continue;
    const upper = raw.trimEnd().toUpperCase();
    if (!seenContent) {
      seenContent = true;
      if (upper !== 'BEGIN:VCALENDAR') {
        throw new ImportError(file, i + 1, 'not an iCalendar file: it does not start with BEGIN:VCALENDAR');
      }
    }
    if (upper === 'BEGIN:VCALENDAR') {
      if (inCalendar) throw new ImportError(file, i + 1, `the calendar that starts at line ${calendarLine} never ends`);
      inCalendar = true;
      calendarLine = i + 1;
      out.calendars++;
    } else if (upper === 'END:VCALENDAR') {
      if (open) throw new ImportError(file, open.line, `the ${open.kind} that starts here never ends`);
      inCalendar = false;
    } else if (upper === 'BEGIN:VEVENT' || upper === 'BEGIN:VTIMEZONE') {
      if (open) throw new ImportError(file, open.line, `the ${open.kind} that starts here never ends`);
      if (!inCalendar) throw new ImportError(file, i + 1, `${upper.slice(6)} outside a VCALENDAR`);
      open = { kind: upper.slice(6) as 'VEVENT' | 'VTIMEZONE', line: i + 1, from: i };
    } else if (open && upper === `END:${open.kind}`) {
      const block = { line: open.line, text: lines.slice(open.from, i + 1).join('\r\n') };
      (open.kind === 'VEVENT' ? out.events : out.timezones).push(block);
      open = null;
    }
  }
  if (open) throw new ImportError(file, open.line, `the ${open.kind} that starts here never ends (truncated file?)`);
  if (!seenContent) throw new ImportError(file, null, 'the file is empty');
  if (inCalendar) throw new ImportError(file, lines.length, `the file ends before END:VCALENDAR (truncated file?)`);
  return out;
}
