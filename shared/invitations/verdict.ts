// The verdict on an invitation (SPEC §9 `invites`): the tier rules' bar applied at the gate, and the
// plain sentence that says it in the product's voice.
import type { AuditRules, Evidence } from '../domain/audit';
import { meetsBar } from '../audit/classify';

export const INVITATION_VERDICTS = ['met', 'talked', 'contact', 'never'] as const;
export type InvitationVerdict = (typeof INVITATION_VERDICTS)[number];

/**
 * `met` and `talked` are the two ways over the audit's bar (in person, or enough conversations);
 * `contact` is any record below it; `never` is no record at all. Recency plays no part: the
 * question is whether you know them, not whether the link is fresh.
 */
export function invitationVerdict(e: Evidence, rules: AuditRules): InvitationVerdict {
  if (meetsBar(e, rules)) return e.inPerson > 0 ? 'met' : 'talked';
  return e.interactions > 0 ? 'contact' : 'never';
}

/** Given name for the sentence: the first word of a display name, or the whole when it is one word. */
function firstName(name: string): string {
  const word = name.trim().split(/\s+/)[0] ?? '';
  return word || 'this sender';
}

function times(n: number, one: string, many: string): string {
  return n === 1 ? one : `${n} ${many}`;
}

/** One plain sentence: what the records say, then what your own rule makes of it. */
export function invitationSentence(name: string, verdict: InvitationVerdict, e: Pick<Evidence, 'inPerson' | 'conversations' | 'oneWay'>, rules: AuditRules): string {
  const who = firstName(name);
  switch (verdict) {
    case 'met':
      return `You have met ${who} in person ${times(e.inPerson, 'once', 'times')}. By your own rule, this one passes.`;
    case 'talked':
      return `You have had ${e.conversations} conversations with ${who}, though never in person. By your own rule, this one passes.`;
    case 'contact':
      return e.conversations > 0
        ? `You have had ${times(e.conversations, 'one conversation', 'conversations')} with ${who}, short of the ${rules.minConversations} your rule asks. By your own rule, this one waits.`
        : `Your only contact with ${who} was one-way: no conversation yet. By your own rule, this one waits.`;
    default:
      return `You have never written to or met ${who}. By your own rule, this one waits.`;
  }
}
