// Facebook's received_friend_requests.json: both list keys, byte-per-escape UTF-8 repaired, deleted
// accounts skipped by line, found by content; and never taken as friends by a connections import.
import { afterAll, describe, expect, it } from 'vitest';
import { FixtureDir, parseFile } from '../../../../fixtures/interactions/interactionFixtures';
import { writeFacebookRequestsText } from '../../../../../shared/demo/invitations';
import { streamConnectionFile } from '../../../../../electron/engine/importers/connections';

const dir = new FixtureDir();
afterAll(() => dir.remove());

describe('Facebook received friend requests', () => {
  it('reads the 2024 list as incoming invitations, names repaired, found by content', async () => {
    const text = writeFacebookRequestsText([
      { name: 'Đinh Ngọc', sentAt: '2026-05-01T08:00:00Z' },
      { name: 'Zoë Hart', sentAt: '2026-05-30T18:00:00Z' },
    ]);
    expect(text).toContain('"\\u00c4\\u0090inh Ng\\u00e1\\u00bb\\u008dc"');
    const { records, info } = await parseFile(dir.write('received_friend_requests.json', text));
    expect(info.format).toBe('facebook-requests');
    expect(records).toEqual([]);
    expect(info.invitations).toEqual([
      { name: 'Đinh Ngọc', direction: 'incoming', sentAt: '2026-05-01T08:00:00Z', network: 'facebook' },
      { name: 'Zoë Hart', direction: 'incoming', sentAt: '2026-05-30T18:00:00Z', network: 'facebook' },
    ]);
  });

  it('reads the older key, and skips a deleted account by its line', async () => {
    const text = writeFacebookRequestsText([{ name: 'Ann Bell', sentAt: '2019-02-01T08:00:00Z' }, { name: '', sentAt: '2019-02-02T08:00:00Z' }], { older: true });
    const { info } = await parseFile(dir.write('requests-2019.json', text));
    expect(info.invitations?.map((i) => i.name)).toEqual(['Ann Bell']);
    expect(info.skipped).toEqual([{ line: 8, reason: 'no name (a deleted account)' }]);
  });

  it('refuses a JSON file without the list, naming it', async () => {
    await expect(parseFile(dir.write('other.json', '{"received_requests_v2": 3}'), { format: 'facebook-requests' })).rejects.toThrow(
      /other\.json.*no "received_requests_v2" list/,
    );
  });

  it('is not a friends list: a connections import says where it belongs', async () => {
    const path = dir.write('received_friend_requests.json', writeFacebookRequestsText([{ name: 'Ann Bell', sentAt: '2019-02-01T08:00:00Z' }]));
    await expect(streamConnectionFile(path, { format: 'facebook' }, () => {})).rejects.toThrow(/friend requests are invitations, not friends/);
  });
});
