// The one error every importer throws: which file, which line (when known), and what is wrong with it.

/** The last path segment, for either separator, so messages name the file and not the folder. */
export function fileBaseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1] || file;
}

const REASON_MAX = 1000;

/**
 * Messages quote the file's own text (column names, values) and name uploads as the browser named
 * them; a hostile file must not turn the one-line error every door prints into many lines or megabytes.
 */
function oneLine(text: string, max: number): string {
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export class ImportError extends Error {
  override readonly name = 'ImportError';
  /** The file's base name as it appears in the message. */
  readonly file: string;
  /** 1-based line where the problem starts, or null when the problem is the file as a whole. */
  readonly line: number | null;
  /** The problem without the file and line prefix. */
  readonly reason: string;

  constructor(file: string, line: number | null, message: string) {
    const base = oneLine(fileBaseName(file), 200);
    const reason = oneLine(message, REASON_MAX);
    super(line === null ? `${base}: ${reason}` : `${base}, line ${line}: ${reason}`);
    this.file = base;
    this.line = line;
    this.reason = reason;
  }

  /** Passes an ImportError through and turns anything else into one, so callers see only this class. */
  static wrap(file: string, error: unknown, line: number | null = null): ImportError {
    if (error instanceof ImportError) return error;
    const detail = error instanceof Error ? error.message : String(error);
    if (error instanceof RangeError && /string length|allocation|memory/i.test(detail)) {
      return new ImportError(file, line, 'the file is too large to read');
    }
    return new ImportError(file, line, `could not be read (${detail || 'unknown error'})`);
  }
}
