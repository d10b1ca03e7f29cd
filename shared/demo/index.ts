// The demo data set in one call: the files a newcomer imports with "Load demo network", who "me" is, and the labelled truth.
import { DEFAULT_RULES, type AuditRules } from '../domain/audit';
import { writeCallsText } from './callsCsv';
import { writeIcsText } from './ics';
import { writeLinkedInConnectionsText, writeLinkedInMessagesText, type ConnectionsEra } from './linkedinCsv';
import { writeMboxText } from './mbox';
import type { DemoDifficulty, GeneratedNetwork, Me } from './model';
import { generateNetwork } from './network';
import type { Population } from './people';
import { truthByProfileUrl, type TruthEntry } from './truth';

export interface DemoBundleOptions {
  seed: number;
  connections?: number;
  /** The audit date the truth holds for, `YYYY-MM-DD`. */
  asOf: string;
  difficulty?: DemoDifficulty;
  me?: Me;
  rules?: AuditRules;
  population?: Population;
  /** `2021`: Connections.csv without its URL column (older exports, or the column stripped before sharing). */
  connectionsEra?: ConnectionsEra;
}

export interface DemoFile {
  name: string;
  /** What the file is, for importers that pick a parser by kind rather than by sniffing. */
  kind: 'linkedin-connections' | 'linkedin-messages' | 'mbox' | 'ics' | 'calls';
  text: string;
}

export interface DemoBundle {
  files: DemoFile[];
  me: Me;
  asOf: string;
  /** Per person, keyed by profile URL `https://www.linkedin.com/in/<slug>` with the slug as raw Unicode. */
  truth: Record<string, TruthEntry>;
  network: GeneratedNetwork;
}

export function generateDemoBundle(opts: DemoBundleOptions): DemoBundle {
  const network = generateNetwork({ seed: opts.seed, connections: opts.connections ?? 1500, asOf: opts.asOf, difficulty: opts.difficulty, me: opts.me, population: opts.population });
  return {
    files: [
      { name: 'Connections.csv', kind: 'linkedin-connections', text: writeLinkedInConnectionsText(network, { era: opts.connectionsEra }) },
      { name: 'messages.csv', kind: 'linkedin-messages', text: writeLinkedInMessagesText(network) },
      { name: 'All mail Including Spam and Trash.mbox', kind: 'mbox', text: writeMboxText(network) },
      { name: `${network.me.email}.ics`, kind: 'ics', text: writeIcsText(network) },
      { name: 'calls.csv', kind: 'calls', text: writeCallsText(network) },
    ],
    me: network.me,
    asOf: network.asOf,
    truth: truthByProfileUrl(network, opts.rules ?? DEFAULT_RULES),
    network,
  };
}

export type { DemoDifficulty, Difficulty, GeneratedNetwork, GeneratedPerson, Me, Trap } from './model';
export { generateNetwork, DEFAULT_ME, DEFAULT_MIX, type NetworkOptions } from './network';
export type { Population } from './people';
export { NAMESAKE_CULTURES } from './namesakeNames';
export { computeTruth, countTiers, truthByProfileUrl, type TruthEntry } from './truth';
export { writeLinkedInConnectionsCsv, writeLinkedInConnectionsText, writeLinkedInMessagesCsv, writeLinkedInMessagesText } from './linkedinCsv';
export { writeMbox, writeMboxText, type MboxOptions } from './mbox';
export { writeIcs, writeIcsText, type IcsOptions } from './ics';
export { writeCallsCsv, writeCallsText } from './callsCsv';
export { writeGenericPeopleCsv } from './genericCsv';
