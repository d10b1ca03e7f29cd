// The gate's verdict and sentence (SPEC §9 `invites`) and the invitations CSV, as pure functions.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../shared/domain/audit';
import { emptyEvidence } from '../../shared/audit/evidence';
import { invitationSentence, invitationVerdict } from '../../shared/invitations/verdict';
import { writeInvitationsCsv, type InvitationRow } from '../../shared/invitations/invitationRow';

const ev = (over: Partial<ReturnType<typeof emptyEvidence>>) => ({ ...emptyEvidence(), ...over });

describe('invitation verdicts', () => {
  it('uses the audit bar: met in person, talked over the bar, contact below it, never without records', () => {
    expect(invitationVerdict(ev({}), DEFAULT_RULES)).toBe('never');
    expect(invitationVerdict(ev({ oneWay: 1, interactions: 1 }), DEFAULT_RULES)).toBe('contact');
    expect(invitationVerdict(ev({ conversations: 1, twoWayThreads: 1, interactions: 1 }), DEFAULT_RULES)).toBe('contact');
    expect(invitationVerdict(ev({ conversations: 2, twoWayThreads: 2, interactions: 2 }), DEFAULT_RULES)).toBe('talked');
    expect(invitationVerdict(ev({ inPerson: 1, conversations: 1, interactions: 1 }), DEFAULT_RULES)).toBe('met');
    expect(invitationVerdict(ev({ inPerson: 1, conversations: 3, interactions: 3 }), DEFAULT_RULES)).toBe('met');
    // The bar is the user's setting.
    expect(invitationVerdict(ev({ conversations: 2, interactions: 2 }), { ...DEFAULT_RULES, minConversations: 3 })).toBe('contact');
  });

  it('says it plainly, by first name', () => {
    expect(invitationSentence('Philippa Strand', 'never', ev({}), DEFAULT_RULES)).toBe('You have never written to or met Philippa. By your own rule, this one waits.');
    expect(invitationSentence('Tom Okafor', 'talked', ev({ conversations: 2 }), DEFAULT_RULES)).toBe(
      'You have had 2 conversations with Tom, though never in person. By your own rule, this one passes.',
    );
    expect(invitationSentence('Ivan Petrov', 'contact', ev({ oneWay: 1 }), DEFAULT_RULES)).toBe('Your only contact with Ivan was one-way: no conversation yet. By your own rule, this one waits.');
    expect(invitationSentence('', 'never', ev({}), DEFAULT_RULES)).toBe('You have never written to or met this sender. By your own rule, this one waits.');
  });
});

describe('the invitations CSV', () => {
  it('neutralises formula-like cells with the prune list rule, and quotes as RFC 4180', () => {
    const row: InvitationRow = {
      key: 'url:linkedin.com/in/x', from: '@evil', profileUrl: null, network: 'linkedin', sentAt: '2026-06-01', message: '=HYPERLINK("http://x"), hi',
      verdict: 'never', inPerson: 0, conversations: 0, oneWay: 0, lastContact: null, tags: ['decline'], sentence: '',
    };
    const csv = writeInvitationsCsv([row]);
    expect(csv.split('\r\n')[1]).toBe(`"'@evil",,linkedin,2026-06-01,never,0,0,0,,decline,"'=HYPERLINK(""http://x""), hi"`);
  });
});
