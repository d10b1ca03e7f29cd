// The demo's Invitations.csv: a few people who asked to connect and are not connections, drawn from
// the generated network's records (people you met, people copied on your mail) and from nowhere
// (strangers), plus one you sent and one from a connection, so every verdict has an example.
import type { GeneratedNetwork, Party } from './model';
import { WEBMAIL, coarseNameKey } from './names';
import { writeLinkedInInvitationsText, type DemoInvitation } from './invitations';
import { Random, dayString, dayNumber } from './random';

/** Names no generated culture uses, so these strangers share no name key with a connection. */
const STRANGERS = ['Philippa Vantongeren', 'Lorcan Abernethy-Quist', 'Ysolde Marchetti-Obi', 'Caspian Thorvaldsen'];
const WEBMAIL_DOMAINS = new Set<string>(WEBMAIL);

function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Strangers at webmail addresses (a company address cannot be tied to someone of unknown company). */
function webmailStranger(p: Party, taken: Set<string>): boolean {
  const domain = p.email?.split('@')[1] ?? '';
  return p.who === 'stranger' && WEBMAIL_DOMAINS.has(domain) && !taken.has(p.name);
}

export function demoInvitations(net: GeneratedNetwork): DemoInvitation[] {
  const rng = new Random(net.seed ^ 0x1f17e);
  const connectionKeys = new Set(net.persons.map((p) => p.nameKey));
  const taken = new Set<string>();
  const senders: Party[] = [];
  const pick = (p: Party) => {
    const parts = p.name.split(' ');
    if (connectionKeys.has(coarseNameKey(parts[0], parts[parts.length - 1]))) return;
    taken.add(p.name);
    senders.push(p);
  };
  // Met: small meetings in a real place.
  for (const m of net.meetings) {
    if (senders.length >= 3) break;
    if (!m.physical || m.cancelled || m.attendees.length > 4) continue;
    const p = m.attendees.map((a) => a.party).find((x) => webmailStranger(x, taken));
    if (p) pick(p);
  }
  // Copied on your mail: one-way contact.
  for (const t of net.mail) {
    if (senders.length >= 5) break;
    if (t.automated) continue;
    const p = t.messages.flatMap((m) => [...m.to, ...m.cc]).find((x) => webmailStranger(x, taken));
    if (p) pick(p);
  }
  const end = dayNumber(net.asOf);
  const sentAt = () => `${dayString(end - rng.int(1, 150))}T${String(rng.int(7, 21)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00Z`;
  const invitation = (name: string, direction: 'incoming' | 'outgoing', message = ''): DemoInvitation => ({
    name,
    profileUrl: `https://www.linkedin.com/in/${slugOf(name)}-${rng.hex(4)}`,
    sentAt: sentAt(),
    direction,
    message,
  });
  const list = [
    ...senders.map((p) => invitation(p.name, 'incoming', rng.bool(0.5) ? `Great to meet you, ${net.me.name.split(' ')[0]}!` : '')),
    ...STRANGERS.map((name) => invitation(name, 'incoming', rng.bool(0.5) ? "I'd like to add you to my professional network." : '')),
    invitation('Marisol Quennell', 'outgoing', "Let's stay in touch"),
  ];
  // A connection who invited you before you accepted: already in the network, so not waiting.
  const connected = net.persons[0];
  if (connected) list.push({ name: `${connected.firstName} ${connected.lastName}`, profileUrl: connected.profileUrl, sentAt: sentAt(), direction: 'incoming' });
  return list.sort((a, b) => (a.sentAt < b.sentAt ? 1 : -1));
}

export function writeDemoInvitationsText(net: GeneratedNetwork): string {
  return writeLinkedInInvitationsText({ name: net.me.name, profileUrl: net.me.profileUrl }, demoInvitations(net), '2023');
}
