// The text of `tiecheck --help`.
export const HELP = `tiecheck — which of your online connections are real relationships, and which are dilution?

Usage: npm run -s tiecheck -- <command> [options]

Commands:
  import  [--format auto|linkedin|google|outlook|facebook|vcard|csv] [--network NAME]
          [--map field=Column]... [--removals] [--json] FILE...
          Import connection exports (LinkedIn Connections.csv, Google/Outlook contacts, Facebook
          friends JSON, vCard, any CSV of people).
  import  [--me ID]... [--json] ARCHIVE|DIR...
          Import a whole export as it comes (LinkedIn .zip, Google Takeout .zip/.tgz and its parts,
          Facebook .zip, or the folder you unzipped): connections first, then records, each file
          its own batch. Files Tiecheck does not read are listed as not used.
  log     [--me ID]... [--format auto|linkedin-messages|mbox|ics|calls|csv] [--map field=Column]...
          [--json] FILE...
          Import your interaction records (LinkedIn messages.csv, mbox, .ics, call logs), and
          invitations waiting (LinkedIn Invitations.csv, Facebook received_friend_requests.json).
          Given an ARCHIVE or DIR, reads only its record files.
  meet    --with NAME|EMAIL|URL --kind in_person|call|video|email|message --date YYYY-MM-DD [--note TEXT]
          Log a meeting by hand.
  audit   [--as-of YYYY-MM-DD] [--json]
          Decide, person by person, whether each link is real, fading, an acquaintance or dilution.
  invites [--as-of YYYY-MM-DD] [--json]
          Judge the invitations waiting from people who are not connections yet (LinkedIn
          Invitations.csv, Facebook received_friend_requests.json, imported with log): met,
          talked, contact or never, by the same evidence and rules as the audit.
  tag     (--add TAG | --remove TAG) --where FILTER
          Tag every connection a filter matches, e.g. --where "tier=dilution and connectedOn<2020-01-01".
  export  --tag TAG --out FILE.csv
          Write the connections carrying TAG as a CSV you can work through on the network.
  report  [--as-of YYYY-MM-DD] --out FILE.html|FILE.pdf
          Write the audit report (self-contained HTML, or PDF where Chromium is installed).
  backup  --out FILE
          Write a consistent copy of the whole database to FILE.
  restore FILE
          Replace the whole database with a backup (the current contents are kept beside it first).
  wipe    --yes
          Delete all your data: every person, record, tag and setting, and the backups beside it.
  serve   [--port N]
          Show the app in your browser at http://127.0.0.1 (with a session token).

Every command takes --db FILE (or the TIECHECK_DB environment variable) to choose the database;
the default is the desktop app's own file.

  tiecheck --help | --version
`;
