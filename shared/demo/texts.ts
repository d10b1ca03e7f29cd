// Words the generated records are made of: subjects, message lines, places, video links and newsletter senders.
import type { Random } from './random';

export const TWO_WAY_SUBJECTS = [
  'Catching up', 'Coffee next week?', 'Re: the proposal', 'Intro: {them} <> {me}', 'Quick question about the API',
  'Slides from Thursday', 'Follow-up on our call', 'Dinner on the 14th', 'Feedback on the draft', 'Hiring for the data team',
  'Lunch?', 'Your talk at the meetup', 'Contract renewal', 'Référence pour Lucía', 'Übergabe Projekt Nordlicht',
];
export const RECRUITER_SUBJECTS = [
  'Exciting opportunity at {company}', 'Are you open to new roles?', 'Senior role – fully remote', 'Quick chat about a position?',
];
export const COLD_SUBJECTS = ['Quick question', 'Would love your advice', 'Following up', 'Congrats on the new role!'];

export const OPENERS = [
  'Hi {first},', 'Hello {first},', 'Hey {first}!', 'Dear {first},', 'Hallo {first},', 'Bonjour {first},', 'Hola {first},',
];
export const LINES = [
  'Great to hear from you.',
  'Thanks for the quick reply, that helps a lot.',
  'Would Tuesday at 10 work for a short call?',
  'I attached the notes from our last meeting.',
  'From what I remember, the numbers were a bit higher last quarter.',
  'Let me know what you think & whether it makes sense.',
  'Sorry for the slow answer, it has been a busy week.',
  'Happy to make an intro if useful.',
  'The café on the corner does great coffee — let’s meet there.',
  'From the team side everything looks fine.',
  'See you at the offsite!',
  'I am reaching out because your profile looks like a great fit.',
];
export const CLOSERS = ['Best,', 'Cheers,', 'Thanks,', 'Viele Grüße,', 'Bien à vous,', 'Saludos,', 'Kind regards,'];

export const LINKEDIN_LINES = [
  'Thanks for connecting!', 'Great meeting you at the conference.', 'Are you around next week for a coffee?',
  'Congrats on the new role 🎉', 'Sure, happy to help &amp; share what I know.', 'I&#39;ll send you the deck tomorrow.',
  'Would love to pick your brain about <b>hiring</b>.', 'Sounds good, talk soon!', 'Hi, I came across your profile and…',
];

export const PLACES = [
  'Café Einstein, Kurfürstenstraße 58, 10785 Berlin, Germany', 'Blue Bottle Coffee, 66 Mint St, San Francisco, CA 94103, USA',
  'Conference Room 4B', 'The Grind, 213 Old St, London EC1V 9NR, UK', 'Café de Flore, 172 Bd Saint-Germain, 75006 Paris, France',
  'Contoso HQ, 1 Microsoft Way, Redmond, WA', 'Lunch at Mercado de San Miguel, Madrid', 'Kawiarnia Wedel, Szpitalna 8, Warszawa',
  'Fotografiska, Stadsgårdshamnen 22, Stockholm', 'WeWork Sony Center, Potsdamer Platz', 'Bánh Mì Cô Ba, Hà Nội',
];
export const GATHERING_PLACES = [
  'Messe Berlin, Messedamm 22, 14055 Berlin', 'Moscone Center, 747 Howard St, San Francisco, CA', 'ExCeL London, Royal Victoria Dock',
  'Station F, 5 Parvis Alan Turing, 75013 Paris', 'IFEMA, Av. del Partenón 5, Madrid',
];
export const GATHERING_TITLES = ['Tech Summit', 'Product Meetup', 'Alumni Reunion', 'Data Conference', 'Startup Night', 'Town Hall'];
export const VIDEO_LOCATIONS = [
  'https://zoom.us/j/{n}?pwd={h}', 'https://us02web.zoom.us/j/{n}', 'https://meet.google.com/{m}', 'Microsoft Teams Meeting',
  'Zoom', 'Google Meet', 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_{h}%40thread.v2/0', '',
];
export const MEETING_TITLES = ['Coffee with {first}', '{first} / {me}', 'Catch-up', 'Lunch', 'Intro call', '1:1', 'Project sync', 'Kaffee ☕'];

export const NEWSLETTERS = [
  { name: 'Contoso Weekly', email: 'noreply@news.contoso.com', list: 'weekly.news.contoso.com' },
  { name: 'Medium Daily Digest', email: 'noreply@medium.com', list: 'digest.medium.com' },
  { name: 'LinkedIn', email: 'messages-noreply@linkedin.com', list: 'notifications.linkedin.com' },
  { name: 'Fabrikam Events', email: 'no-reply@events.fabrikam.com', list: 'events.fabrikam.com' },
  { name: 'Der Newsletter', email: 'newsletter@nordlicht-software.de', list: 'newsletter.nordlicht-software.de' },
];
export const NEWSLETTER_SUBJECTS = ['Your weekly digest', 'New jobs for you', 'This week in data', 'Don’t miss our summit', 'Neuigkeiten im März'];

export function fill(rng: Random, template: string, vars: Record<string, string>): string {
  return template
    .replace(/\{(\w+)\}/g, (whole, k: string) => vars[k] ?? whole)
    .replace(/\{n\}/g, () => rng.digits(11))
    .replace(/\{h\}/g, () => rng.hex(12))
    .replace(/\{m\}/g, () => `${rng.hex(3)}-${rng.hex(4)}-${rng.hex(3)}`);
}
