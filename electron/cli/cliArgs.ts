// Command-line parsing for `tiecheck`: one command word, then flags (repeatable ones collected), then files.

export class UsageError extends Error {}

export interface ParsedArgs {
  command: string | null;
  flags: Map<string, string[]>;
  files: string[];
  /** Flags given last with no value after them: reported once the command has vetted its options. */
  valueless: Set<string>;
}

/** Flags that take no value. Every other flag takes the next word (or `--flag=value`). */
const SWITCHES = new Set(['json', 'removals', 'help', 'version', 'save', 'no-open', 'yes']);

export function parseArgs(argv: string[]): ParsedArgs {
  const flags = new Map<string, string[]>();
  const files: string[] = [];
  const valueless = new Set<string>();
  let command: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      files.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq === -1 ? undefined : eq);
      let value: string;
      if (SWITCHES.has(name)) value = 'true';
      else if (eq !== -1) value = arg.slice(eq + 1);
      else {
        if (i + 1 >= argv.length) {
          valueless.add(name);
          value = '';
        } else value = argv[++i];
      }
      flags.set(name, [...(flags.get(name) ?? []), value]);
    } else if (command === null) command = arg;
    else files.push(arg);
  }
  return { command, flags, files, valueless };
}

export function flag(args: ParsedArgs, name: string): string | undefined {
  const values = args.flags.get(name);
  return values ? values[values.length - 1] : undefined;
}

export function requireFlag(args: ParsedArgs, name: string): string {
  const value = flag(args, name);
  if (value === undefined) throw new UsageError(`${args.command} needs --${name}`);
  return value;
}

export function allowOnly(args: ParsedArgs, allowed: string[]): void {
  for (const name of args.flags.keys()) {
    if (!allowed.includes(name)) throw new UsageError(`unknown option --${name} for "${args.command}" (see tiecheck --help)`);
  }
  for (const name of args.valueless) throw new UsageError(`--${name} needs a value`);
}

/** `--map field=Column` pairs, repeatable. */
export function mapFlags(args: ParsedArgs): Record<string, string> | undefined {
  const pairs = args.flags.get('map');
  if (!pairs) return undefined;
  const map: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--map takes field=Column, got "${pair}"`);
    map[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return map;
}
