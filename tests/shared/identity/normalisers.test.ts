// E-mail, profile URL, phone and company normalisers against the quirks real exports carry (FORMATS.md).
import { describe, expect, it } from 'vitest';
import { companyKey, domainFitsCompany } from '../../../shared/identity/company';
import { domainBaseLabel, emailDomain, isWebmailDomain, normaliseEmail } from '../../../shared/identity/email';
import { normalisePhone } from '../../../shared/identity/phone';
import { normaliseProfileUrl } from '../../../shared/identity/profileUrl';

describe('normaliseEmail', () => {
  it('trims, lower-cases and strips mailto: and angle brackets', () => {
    expect(normaliseEmail('  Bill.Turner@Contoso.COM ')).toBe('bill.turner@contoso.com');
    expect(normaliseEmail('MAILTO:bill@contoso.com')).toBe('bill@contoso.com');
    expect(normaliseEmail('<bill@contoso.com>')).toBe('bill@contoso.com');
    expect(normaliseEmail('Bill Turner <Bill@Contoso.com>')).toBe('bill@contoso.com');
    expect(normaliseEmail('<mailto:bill@contoso.com>')).toBe('bill@contoso.com');
  });

  it('drops dots and +tags for Gmail and maps googlemail.com to gmail.com', () => {
    expect(normaliseEmail('Jane.Q.Doe+linkedin@gmail.com')).toBe('janeqdoe@gmail.com');
    expect(normaliseEmail('jane.q.doe@googlemail.com')).toBe('janeqdoe@gmail.com');
    expect(normaliseEmail('janeqdoe@gmail.com')).toBe('janeqdoe@gmail.com');
    // Other providers keep dots and tags: they may mean different mailboxes.
    expect(normaliseEmail('jane.doe+x@contoso.com')).toBe('jane.doe+x@contoso.com');
  });

  it('returns null for what is not an address', () => {
    for (const junk of ['', '   ', 'NA', 'urn:li:member:664293716', 'Bill Turner', '@contoso.com', 'bill@', 'bill@localhost', '+4420 7946 0958', 'a@b@c', '.+x@gmail.com']) {
      expect(normaliseEmail(junk), junk).toBeNull();
    }
  });

  it('tells the domain and whether it is webmail', () => {
    expect(emailDomain('bill@Mail.Contoso.com')).toBe('mail.contoso.com');
    expect(emailDomain('nobody')).toBeNull();
    for (const d of ['gmail.com', 'googlemail.com', 'yahoo.co.uk', 'yahoo.com', 'hotmail.fr', 'outlook.com', 'live.co.uk', 'msn.com', 'aol.com', 'icloud.com', 'me.com', 'mac.com', 'protonmail.com', 'proton.me', 'gmx.de', 'gmx.net', 'web.de', 'yandex.ru', 'mail.ru', 'qq.com', '163.com', 'zoho.com']) {
      expect(isWebmailDomain(d), d).toBe(true);
    }
    for (const d of ['contoso.com', 'fabrikam.io', 'blueyonder.co.uk', 'livenation.com', 'university.edu']) expect(isWebmailDomain(d), d).toBe(false);
    expect(domainBaseLabel('mail.contoso.co.uk')).toBe('contoso');
    expect(domainBaseLabel('contoso.com.au')).toBe('contoso');
    expect(domainBaseLabel('fabrikam.io')).toBe('fabrikam');
  });
});

describe('normaliseProfileUrl', () => {
  it('reduces LinkedIn URLs to linkedin.com/in/<slug> whatever the scheme, subdomain, query, fragment, slash or case', () => {
    const same = [
      'https://www.linkedin.com/in/bill-turner-1a2b3c',
      'http://linkedin.com/in/Bill-Turner-1a2b3c/',
      'www.linkedin.com/in/bill-turner-1a2b3c?trk=people',
      'linkedin.com/in/bill-turner-1a2b3c#about',
      'https://de.linkedin.com/in/bill-turner-1a2b3c',
      'https://m.linkedin.com/in/BILL-TURNER-1A2B3C/details/experience/',
      ' HTTPS://WWW.LINKEDIN.COM/IN/bill-turner-1a2b3c ',
    ];
    for (const url of same) expect(normaliseProfileUrl(url), url).toBe('linkedin.com/in/bill-turner-1a2b3c');
  });

  it('compares percent-encoded slugs (Connections.csv) with raw Unicode slugs (messages.csv)', () => {
    const encoded = normaliseProfileUrl('https://www.linkedin.com/in/j%C3%BCrgen-x');
    expect(encoded).toBe('linkedin.com/in/jürgen-x');
    expect(normaliseProfileUrl('https://www.linkedin.com/in/jürgen-x')).toBe(encoded);
    expect(normaliseProfileUrl('https://www.linkedin.com/in/J%C3%9Crgen-X/')).toBe(encoded);
    // NFD (decomposed ü) and NFC spellings compare equal.
    expect(normaliseProfileUrl('https://www.linkedin.com/in/ju\u0308rgen-x')).toBe(encoded);
    expect(normaliseProfileUrl('linkedin.com/in/fábio-sato-123')).toBe(normaliseProfileUrl('https://www.linkedin.com/in/f%C3%A1bio-sato-123'));
  });

  it('rejects LinkedIn URLs without a profile slug (truncated Invitations.csv) and non-profile pages', () => {
    expect(normaliseProfileUrl('https://www.linkedin.com/in')).toBeNull();
    expect(normaliseProfileUrl('https://www.linkedin.com/in/')).toBeNull();
    expect(normaliseProfileUrl('https://www.linkedin.com/feed/')).toBeNull();
    expect(normaliseProfileUrl('https://www.linkedin.com/company/contoso')).toBeNull();
  });

  it('keeps host and path of other networks, without www, scheme, query, fragment or trailing slash', () => {
    expect(normaliseProfileUrl('https://www.facebook.com/Jane.Doe/?ref=bookmarks')).toBe('facebook.com/jane.doe');
    expect(normaliseProfileUrl('https://m.facebook.com/jane.doe')).toBe('facebook.com/jane.doe');
    expect(normaliseProfileUrl('https://www.facebook.com/profile.php?id=100004')).toBe('facebook.com/profile.php?id=100004');
    expect(normaliseProfileUrl('https://twitter.com/JaneDoe')).toBe('x.com/janedoe');
    expect(normaliseProfileUrl('https://x.com/janedoe/')).toBe('x.com/janedoe');
    expect(normaliseProfileUrl('http://Example.COM/People/Jane/')).toBe('example.com/People/Jane');
  });

  it('returns null for what is not a URL', () => {
    for (const junk of ['', 'NA', 'Jane Doe', 'urn:li:member:123', 'jane@contoso.com', 'ftp://example.com/x', 'https://']) {
      expect(normaliseProfileUrl(junk), junk).toBeNull();
    }
  });
});

describe('normalisePhone', () => {
  it('writes numbers in many forms as E.164', () => {
    expect(normalisePhone('+44 20 7946 0958')).toBe('+442079460958');
    expect(normalisePhone('+44 (0)20 7946 0958')).toBe('+442079460958');
    expect(normalisePhone('0044 20 7946 0958')).toBe('+442079460958');
    expect(normalisePhone('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(normalisePhone('+1 (415) 555-0132')).toBe('+14155550132');
    expect(normalisePhone('415.555.0132', 'US')).toBe('+14155550132');
    expect(normalisePhone('tel:+1-415-555-0132')).toBe('+14155550132');
    expect(normalisePhone('06 12 34 56 78', 'FR')).toBe('+33612345678');
    expect(normalisePhone('+31 6 1234 5678 ext. 12')).toBe('+31612345678');
  });

  it('returns null for junk, placeholders and numbers too short', () => {
    for (const junk of ['', 'null', '(Unknown)', 'Private number', '12345', '112', '+1 23', 'abc', '0612345678']) {
      expect(normalisePhone(junk), junk).toBeNull();
    }
  });
});

describe('company', () => {
  it('strips legal forms and punctuation from company names', () => {
    expect(companyKey('Contoso Ltd.')).toBe('contoso');
    expect(companyKey('Fabrikam, Inc.')).toBe('fabrikam');
    expect(companyKey('Müller GmbH & Co. KG')).toBe('muller');
    expect(companyKey('Northwind Traders Holdings plc')).toBe('northwind traders');
    expect(companyKey('Blue Yonder Group, Inc.')).toBe('blue yonder');
    expect(companyKey('Contoso Corporation')).toBe(companyKey('CONTOSO CORP'));
  });

  it('fits a domain to its company', () => {
    expect(domainFitsCompany('contoso.com', 'Contoso Ltd')).toBe(true);
    expect(domainFitsCompany('contoso.co.uk', 'Contoso Ltd')).toBe(true);
    expect(domainFitsCompany('mail.contoso.com', 'Contoso Ltd')).toBe(true);
    expect(domainFitsCompany('fabrikam.io', 'Fabrikam Inc')).toBe(true);
    expect(domainFitsCompany('blueyonder.com', 'Blue Yonder')).toBe(true);
    expect(domainFitsCompany('blue-yonder.com', 'Blue Yonder')).toBe(true);
    expect(domainFitsCompany('att.com', 'AT&T')).toBe(true);
  });

  it('does not fit other companies, generic words or webmail', () => {
    expect(domainFitsCompany('fabrikam.com', 'Contoso Ltd')).toBe(false);
    expect(domainFitsCompany('blue.com', 'Blue Yonder')).toBe(false);
    expect(domainFitsCompany('general.com', 'General Electric')).toBe(false);
    expect(domainFitsCompany('gmail.com', 'Gmail')).toBe(false);
    expect(domainFitsCompany('outlook.com', 'Outlook Ltd')).toBe(false);
    expect(domainFitsCompany('contoso.com', '')).toBe(false);
  });
});
