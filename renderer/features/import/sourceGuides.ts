// "Where do I get this file?": short, current steps for every source, for someone who has never exported anything. The README quotes these.

export type SourceKind = 'connections' | 'interactions';

export interface SourceGuide {
  id: string;
  /** The source as people call it, e.g. "LinkedIn connections". */
  title: string;
  kind: SourceKind;
  /** The file to look for once the download arrives. */
  file: string;
  steps: string[];
  /** What to expect: delays, sizes, pitfalls. */
  note?: string;
}

export const SOURCE_GUIDES: SourceGuide[] = [
  {
    id: 'linkedin-connections',
    title: 'LinkedIn connections',
    kind: 'connections',
    file: 'Connections.csv',
    steps: [
      'On linkedin.com, click your photo ("Me") at the top, then Settings & Privacy.',
      'Open Data privacy, then "Get a copy of your data".',
      'Choose "Want something in particular?", tick Connections (tick Messages too while you are there), and click Request archive.',
      'LinkedIn emails you when the archive is ready (usually within 10 minutes, sometimes a day). Download the ZIP from the same page.',
      'Drop the ZIP here as it is: Tiecheck reads Connections.csv (and messages.csv, Invitations.csv) inside it. Connections.csv alone works too.',
    ],
    note: 'The file starts with a few "Notes:" lines; that is normal. Email addresses are only there for people who allow it, so many rows have none.',
  },
  {
    id: 'linkedin-messages',
    title: 'LinkedIn messages',
    kind: 'interactions',
    file: 'messages.csv',
    steps: [
      'Request your LinkedIn data as above (Settings & Privacy → Data privacy → Get a copy of your data) with Messages ticked.',
      'Drop the ZIP here as it is (messages.csv is read after the connections), or import messages.csv alone.',
    ],
    note: 'Import Connections.csv first, so the messages find their people.',
  },
  {
    id: 'facebook-friends',
    title: 'Facebook friends',
    kind: 'connections',
    file: 'your_friends.json',
    steps: [
      'On Facebook, open the menu → Settings & privacy → Settings, then Accounts Centre.',
      'Open "Your information and permissions" → "Download your information" → Download or transfer information.',
      'Pick your Facebook profile, choose "Specific types of information", and tick Friends (under Connections).',
      'Choose "Download to device", set Format to JSON (not HTML), date range "All time", and create the file.',
      'When Facebook says it is ready (minutes to hours), download the ZIP and drop it here as it is (or import connections/friends/your_friends.json from it).',
    ],
    note: 'HTML format will not work: Tiecheck needs JSON.',
  },
  {
    id: 'google-contacts',
    title: 'Google Contacts',
    kind: 'connections',
    file: 'contacts.csv',
    steps: [
      'Go to contacts.google.com and sign in.',
      'Click Export (in the left column, or under the ⋮ menu above the list).',
      'Choose "All contacts" (or a label) and "Google CSV", then Export.',
      'Import the downloaded contacts.csv.',
    ],
  },
  {
    id: 'outlook-contacts',
    title: 'Outlook contacts',
    kind: 'connections',
    file: 'contacts.csv',
    steps: [
      'In Outlook on the web (outlook.com or Microsoft 365), open People.',
      'Choose Manage contacts (or the ⋯ menu) → Export contacts.',
      'Pick All contacts, choose CSV, and click Export.',
      'Import the downloaded contacts.csv.',
    ],
    note: 'Desktop Outlook: File → Open & Export → Import/Export → Export to a file → Comma Separated Values → Contacts.',
  },
  {
    id: 'vcard',
    title: 'Phone or Mac address book (vCard)',
    kind: 'connections',
    file: '*.vcf',
    steps: [
      'Mac Contacts: select all contacts (⌘A), then File → Export → Export vCard.',
      'iPhone: use iCloud.com → Contacts → select all → ⋯ → Export vCard.',
      'Android: Contacts app → Fix & manage (or Settings) → Export to file (.vcf).',
      'Import the .vcf file.',
    ],
  },
  {
    id: 'gmail',
    title: 'Gmail (mail archive)',
    kind: 'interactions',
    file: 'All mail Including Spam and Trash.mbox',
    steps: [
      'Go to takeout.google.com and sign in.',
      'Click "Deselect all", then tick only Mail (you can untick labels you do not need under "All Mail data included").',
      'Click Next step, choose "Send download link via email", .zip, and Create export.',
      'Google emails you when it is ready (hours to days for big mailboxes). Drop the download here as it is, all its parts together (or import the .mbox file from Takeout/Mail).',
    ],
    note: 'Only the headers are read (who wrote to whom, and when); message bodies are never stored. Add your own address in Settings → My identities so Tiecheck can tell your messages from theirs.',
  },
  {
    id: 'google-calendar',
    title: 'Google Calendar',
    kind: 'interactions',
    file: '*.ics',
    steps: [
      'Go to takeout.google.com, click "Deselect all", and tick only Calendar.',
      'Create the export and download the ZIP when it arrives.',
      'Drop the ZIP here as it is, or import the .ics file of your main calendar (it is named after your email address) from Takeout/Calendar.',
    ],
    note: 'Meetings with a room or an address count as in person; video links count as video; big gatherings count as events, not conversations.',
  },
  {
    id: 'outlook-calendar',
    title: 'Outlook calendar',
    kind: 'interactions',
    file: '*.ics',
    steps: [
      'In Outlook on the web: Settings → Calendar → Shared calendars → Publish a calendar, choose "Can view all details", and download the ICS link.',
      'Desktop Outlook: open the calendar, then File → Save Calendar, choose "Whole calendar" under More Options, and save the .ics.',
      'Import the .ics file.',
    ],
  },
  {
    id: 'apple-mail',
    title: 'Apple Mail',
    kind: 'interactions',
    file: '*.mbox (folder)',
    steps: [
      'In Mail on the Mac, select a mailbox in the sidebar (Sent is the most useful, then Inbox).',
      'Choose Mailbox → Export Mailbox… and pick a folder.',
      'Mail saves a folder ending in .mbox; import the file named "mbox" inside it.',
    ],
  },
  {
    id: 'thunderbird',
    title: 'Thunderbird',
    kind: 'interactions',
    file: '*.mbox',
    steps: [
      'In Thunderbird, open Tools → Add-ons and Themes, search for "ImportExportTools NG", and install it.',
      'Right-click a folder (Sent, Inbox) → ImportExportTools NG → Export folder → as mbox file.',
      'Import the saved file.',
    ],
  },
  {
    id: 'android-calls',
    title: 'Android call log',
    kind: 'interactions',
    file: 'calls-*.xml',
    steps: [
      'Install "SMS Backup & Restore" (by SyncTech) from the Play Store.',
      'Open it, tap "Set up a backup", switch on Phone calls (messages are optional), and choose where to save (local storage or a cloud drive).',
      'Tap Back up now, then copy the calls-….xml file to this computer.',
      'Import the calls XML file.',
    ],
    note: 'Missed, rejected and zero-length calls are kept but do not count as conversations.',
  },
  {
    id: 'any-csv',
    title: 'Any other CSV (a spreadsheet, an old network, a CRM)',
    kind: 'connections',
    file: '*.csv',
    steps: [
      'Save the sheet as CSV (File → Save as / Download → CSV) with a header row.',
      'Import it and check the column mapping in the preview: pick which column holds the name, email, profile URL, company and date.',
      'Give the network a name (for example "friendster"), so later exports of the same network update it.',
    ],
  },
];
