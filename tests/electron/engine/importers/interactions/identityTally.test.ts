import { describe, expect, it } from 'vitest';
import { IdentityTally } from '../../../../../electron/engine/importers/interactions/interactionFile';

describe('IdentityTally', () => {
  it('names the most frequent identity, case-insensitively, keeping its first spelling', () => {
    const tally = new IdentityTally();
    for (const v of ['Me@x.com', 'a@x.com', 'me@x.com', 'ME@X.COM', 'b@x.com']) tally.add(v);
    tally.add(undefined);
    expect(tally.top()).toEqual({ value: 'Me@x.com', n: 3 });
  });

  it('past its limit counts only identities it already holds', () => {
    const tally = new IdentityTally(2);
    for (const v of ['owner@x.com', 'a@x.com', 'b@x.com', 'c@x.com', 'owner@x.com', 'c@x.com', 'c@x.com', 'c@x.com']) tally.add(v);
    expect(tally.top()).toEqual({ value: 'owner@x.com', n: 2 });
  });
});
