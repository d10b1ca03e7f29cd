// A heavy-user variant of a generated network for sections 6–8: its mail and LinkedIn threads repeated (new ids, earlier dates) until the records reach a target size.
import type { GeneratedNetwork, LinkedInThread, MailThread, Message } from '../../shared/demo/model';

const DAY_MS = 86_400_000;

function participantsOf(threads: readonly { messages: readonly Message[] }[]): number {
  let n = 0;
  for (const t of threads) for (const m of t.messages) n += 1 + m.to.length + m.cc.length;
  return n;
}

function shifted(messages: readonly Message[], copy: number): Message[] {
  const back = copy * 3 * DAY_MS;
  return messages.map((m) => ({ ...m, id: `${m.id}${copy}`, at: new Date(Date.parse(m.at) - back).toISOString().replace('.000Z', 'Z') }));
}

export interface HeavyNetwork {
  net: GeneratedNetwork;
  copies: number;
  /** Participants the written records name (sender, To and Cc of every message, you included). */
  participants: number;
  messages: number;
}

/**
 * Repeats the network's mail and LinkedIn threads `copies` times so that they name about `targetParticipants` participants;
 * copy k has new thread and conversation ids and is dated k×3 days earlier. Persons, meetings and calls are unchanged.
 */
export function heavyNetwork(net: GeneratedNetwork, targetParticipants: number): HeavyNetwork {
  const once = participantsOf(net.mail) + participantsOf(net.linkedin);
  const copies = Math.max(1, Math.round(targetParticipants / Math.max(once, 1)));
  const mail: MailThread[] = [];
  const linkedin: LinkedInThread[] = [];
  for (let k = 0; k < copies; k++) {
    for (const t of net.mail) mail.push(k === 0 ? t : { ...t, threadId: `${t.threadId}${String(k).padStart(3, '0')}`, messages: shifted(t.messages, k) });
    for (const t of net.linkedin) linkedin.push(k === 0 ? t : { ...t, conversationId: `${t.conversationId}-r${k}`, messages: shifted(t.messages, k) });
  }
  const messages = [...mail, ...linkedin].reduce((n, t) => n + t.messages.length, 0);
  return { net: { ...net, mail, linkedin }, copies, participants: once * copies, messages };
}
