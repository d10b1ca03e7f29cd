import { describe, expect, it } from 'vitest';
import { parseAddressList } from '../../../../../electron/engine/importers/interactions/mailAddresses';
import { isRobotAddress } from '../../../../../electron/engine/importers/interactions/mailMessage';
import { normaliseSubject, parseMessageIds } from '../../../../../electron/engine/importers/interactions/mailThreads';
import { decodeEncodedWords } from '../../../../../electron/engine/importers/interactions/rfc2047';

describe('decodeEncodedWords', () => {
  it.each([
    ['=?UTF-8?B?UmV5ZXMsIE3Ds25pY2E=?=', 'Reyes, Mónica'],
    ['=?ISO-8859-1?Q?Andr=E9_M=FCller?=', 'André Müller'],
    ['=?windows-1252?Q?=93quoted=94?=', '“quoted”'],
    ['=?iso-8859-1?q?caf=E9?= =?utf-8?q?_ol=C3=A9?=', 'café olé'],
    ['=?UTF-8?B?w6k=?=  \t =?UTF-8?B?w6k=?=', 'éé'],
    ['=?UTF-8?Q?=C3?= =?UTF-8?Q?=A9t=C3=A9?=', 'été'],
    ['=?UTF-8*en?Q?hi?=', 'hi'],
    ['plain =?UTF-8?Q?x?= text', 'plain x text'],
    ['=?x-unknown-charset?Q?abc?=', '=?x-unknown-charset?Q?abc?='],
    ['=?UTF-8?B?broken', '=?UTF-8?B?broken'],
  ])('%s → %s', (raw, text) => expect(decodeEncodedWords(raw)).toBe(text));
});

describe('parseAddressList', () => {
  it('splits outside quotes, angles and comments, then decodes', () => {
    expect(parseAddressList('"Doe, John" <john@x.org>, =?UTF-8?B?UmV5ZXMsIE3Ds25pY2E=?= <m@x.com>, bare@x.net, c@x.io (Carl, Sr.)')).toEqual([
      { name: 'Doe, John', email: 'john@x.org' },
      { name: 'Reyes, Mónica', email: 'm@x.com' },
      { name: undefined, email: 'bare@x.net' },
      { name: 'Carl, Sr.', email: 'c@x.io' },
    ]);
  });

  it('drops group names and empty groups', () => {
    expect(parseAddressList('undisclosed-recipients:;')).toEqual([]);
    expect(parseAddressList('Team: a@x.com, b@x.com;, c@x.com').map((a) => a.email)).toEqual(['a@x.com', 'b@x.com', 'c@x.com']);
  });

  it('drops a name that repeats the address and keeps a name without one', () => {
    expect(parseAddressList('"a@x.com" <a@x.com>')).toEqual([{ name: undefined, email: 'a@x.com' }]);
    expect(parseAddressList('Just A Name')).toEqual([{ name: 'Just A Name', email: undefined }]);
  });
});

describe('thread clues', () => {
  it('normalises subjects across languages', () => {
    expect(normaliseSubject('Re: AW: Fwd:  Lunch   Plans')).toBe('lunch plans');
    expect(normaliseSubject('SV: TR: RE[2]: Lunch plans')).toBe('lunch plans');
  });

  it('reads message ids in order', () => {
    expect(parseMessageIds('<a@x> <b@y>\r\n <c@z>')).toEqual(['a@x', 'b@y', 'c@z']);
    expect(parseMessageIds('bare@id')).toEqual(['bare@id']);
  });

  it.each([
    ['noreply@x.com', true], ['no-reply@x.com', true], ['do-not-reply@x.com', true], ['donotreply@x.com', true],
    ['notifications@github.com', true], ['MAILER-DAEMON@x.com', true], ['bounces+123@x.com', true], ['bounce-abc@x.com', true],
    ['jane@x.com', false], ['noreen@x.com', false],
  ])('%s robot: %s', (email, robot) => expect(isRobotAddress(email)).toBe(robot));
});
