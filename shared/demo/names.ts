// Name, company and job pools for the demo generator, the nickname pairs, and the coarse name key used to keep namesakes deliberate.

export interface Culture {
  id: string;
  weight: number;
  first: readonly string[];
  last: readonly string[];
  /** Latin spelling for e-mail local parts when the script is not Latin. */
  latin?: (name: string) => string;
  phone: { prefix: string; digits: number };
  /** The given name may be written with an English name in brackets: "Xiaoming (Kevin)". */
  westernAlias?: boolean;
}

const words = (s: string): string[] => s.trim().split(/\s+/);
const cross = (a: string[], b: string[]): string[] => a.flatMap((x) => b.map((y) => x + y));

const ARABIC_LATIN: Record<string, string> = {
  'محمد': 'Mohammed', 'أحمد': 'Ahmed', 'فاطمة': 'Fatima', 'علي': 'Ali', 'ليلى': 'Layla', 'يوسف': 'Youssef',
  'مريم': 'Maryam', 'خالد': 'Khalid', 'نور': 'Nour', 'سلمى': 'Salma', 'عمر': 'Omar', 'هدى': 'Huda',
  'العلي': 'Alali', 'الحسن': 'Alhassan', 'منصور': 'Mansour', 'حداد': 'Haddad', 'الخطيب': 'Alkhatib',
  'سعيد': 'Saeed', 'ناصر': 'Nasser', 'عيسى': 'Issa', 'الراشد': 'Alrashed', 'يوسفي': 'Youssefi',
};

export const CULTURES: readonly Culture[] = [
  {
    id: 'english', weight: 30, phone: { prefix: '+1', digits: 10 },
    first: words(`William Robert Elizabeth Michael Katherine James Richard Thomas Christopher Daniel Joseph Anthony
      Andrew Matthew Benjamin Jonathan Nicholas Alexander Samuel Edward Steven Timothy Patrick Margaret Jennifer
      Rebecca Susan Deborah Victoria Charles Frederick Gregory Jeffrey Kenneth Theodore Abigail Pamela Olivia
      Emily Hannah Grace Chloe Madison Lauren Megan Rachel Sarah Laura Amanda Heather Brianna Tyler Brandon
      Justin Kyle Austin Jordan Connor Evan Logan Dylan Hunter Caleb Gavin Owen Isaac Henry Harriet Imogen Fiona`),
    last: [
      ...words(`Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Moore Jackson Martin Thompson
        White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Green Baker Adams Nelson Hill Campbell
        Mitchell Roberts Carter Phillips Evans Turner Parker Collins Edwards Stewart Morris Murphy Cook Rogers`),
      ...cross(words(`Ash Brad Carl Dun Fair Hart Kings Lang Mor Pem Red Stan Thorn Whit Black Brook Hamp Sed Ald Went
        Bur Cal Cran Els Gold Hay Kel Lock Mid Net Oak Pen Rad Shel Tal Wes`),
        words('ford ley ton wood well field by worth more bridge ham stone ridge wick')),
    ],
  },
  {
    id: 'german', weight: 12, phone: { prefix: '+49', digits: 11 },
    first: words(`Jürgen Lukas Felix Maximilian Tobias Florian Matthias Stefan Andreas Wolfgang Dieter Günter Jörg
      Sören Björn Anna Lena Katharina Sophie Miriam Ursula Jana Franziska Annegret Friederike Sabine Kerstin Heike
      Dörte Gisela Ulrike Carsten Henrik Moritz Johannes Lars Ralf Uwe Bärbel Anke`),
    last: [
      ...words(`Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter
        Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner Krause
        Köhler Weiß Groß Jäger Böhm Kühn Vogt Förster Brandt Günther`),
      ...cross(words('Stein Berg Linden Rosen Eichen Falken Hoch Stern Wald Sonnen Hagen Buch Alt Blum Dorn Fried Lauten Wester'),
        words('mann berger hauser feld meier bach brück huber reiter')),
    ],
  },
  {
    id: 'french', weight: 8, phone: { prefix: '+33', digits: 9 },
    first: words(`Renée Hélène Élodie Françoise Océane Chloé Léa Zoé Mathilde Camille Amélie Juliette Clémence Aurélie
      François Jérôme Stéphane Frédéric Sébastien Étienne Benoît Rémi Théo Noël Gaël Cédric Hervé Loïc Maël Julien`),
    last: [
      ...words(`Dubois Lefèvre Bernard Durand Moreau Laurent Girard Bonnet Rousseau Mercier Fontaine Chevalier Faure
        Gauthier Perrin Lemaire Dupré Bérénger Lacroix Lévêque Marchand Garnier Beaumont Delacroix Thibault`),
      ...cross(words('Du Le La Des Beau Mont Val Bel'), words('pont champ fort chêne rivière mas moulin')),
    ],
  },
  {
    id: 'spanish', weight: 8, phone: { prefix: '+34', digits: 9 },
    first: words(`José María Lucía Sofía Martín Andrés Íñigo Begoña Ramón Inés Raúl Álvaro Jesús Mónica Sebastián
      Valentina Camila Mateo Santiago Ximena Rocío Nuria Adrián Joaquín Verónica Dolores Ángela Óscar Elena`),
    last: [
      ...words(`García López Martínez Rodríguez Fernández González Sánchez Pérez Gómez Díaz Jiménez Ruiz Hernández
        Muñoz Álvarez Romero Navarro Domínguez Gutiérrez Vázquez Ramos Ortega Castillo Núñez Ibáñez Peña`),
      ...cross(words('García Ruiz Peña Vidal Soler Ortega'), words([' Vidal', ' Costa', ' Márquez', ' Serrano', ' Prieto'].join(' ')).map((s) => '-' + s)),
    ],
  },
  {
    id: 'polish', weight: 6, phone: { prefix: '+48', digits: 9 },
    first: words(`Łukasz Paweł Michał Krzysztof Tomasz Grzegorz Wojciech Bartłomiej Jarosław Przemysław Małgorzata
      Katarzyna Agnieszka Joanna Żaneta Dorota Urszula Elżbieta Bożena Jadwiga Zbigniew Mirosław Rafał Kamil`),
    last: [
      ...words(`Wójcik Kowalski Nowak Wiśniewski Wróbel Zieliński Szymański Woźniak Dąbrowski Kozłowski Jankowski
        Mazur Kwiatkowski Krawczyk Piotrowski Grabowski Pawłowski Michalski Król Wieczorek Jabłoński Nowakowski`),
      ...cross(words('Kowal Zaj Bor Lis Mił Sob Dęb Gór'), words('ski czyk ewicz ecki iak')),
    ],
  },
  {
    id: 'nordic', weight: 6, phone: { prefix: '+46', digits: 9 },
    first: words(`Zoë Åsa Björn Søren Ørjan Märta Ingrid Sigrid Astrid Linnéa Göran Håkan Mikael Anders Nils Ebba
      Freja Solveig Torbjörn Åke Stig Maja Elin Jonas Vilhelm Ragnhild Kjell Leif Tove`),
    last: [
      ...words(`Ångström Sjöberg Lindqvist Öberg Nyström Håkansson Jørgensen Sørensen Ødegaard Bjørnstad`),
      ...cross(words('Lind Berg Sand Ek Holm Dahl Fors Nord Sjö Ås Lund Strand'), words('qvist ström gren berg lund dahl')),
      ...cross(words('Anders Eriks Lars Nils Pers Olof Johans Gustafs'), words('son sen')),
    ],
  },
  {
    id: 'vietnamese', weight: 5, phone: { prefix: '+84', digits: 9 },
    first: cross(words('Ngọc Văn Thị Minh Hữu Thanh Quốc Đức').map((m) => m + ' '),
      words('Anh Minh Hùng Lan Linh Phương Tuấn Trang Hải Hương Dũng Thảo Quân Nhung Khoa Vy Đạt Hà Sơn Yến')),
    last: words('Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh'),
  },
  {
    id: 'chinese', weight: 6, phone: { prefix: '+86', digits: 11 }, westernAlias: true,
    first: cross(words('Xiao Jia Zhi Yu Wen Hao Jun Ming Li Yi Chen Hui'), words('ming wei ling hua yu jie ting lin qiang yan')),
    last: words('Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng Liang Song Tang Han'),
  },
  {
    id: 'indian', weight: 10, phone: { prefix: '+91', digits: 10 },
    first: words(`Aarav Vivaan Aditya Arjun Sai Rohan Vikram Rahul Sanjay Anil Suresh Rajesh Priya Ananya Diya Aditi
      Kavya Meera Neha Pooja Sneha Lakshmi Divya Shreya Ishaan Karthik Nikhil Varun Deepika Swati Harish Gaurav`),
    last: words(`Sharma Verma Gupta Patel Reddy Iyer Nair Menon Rao Singh Kumar Agarwal Joshi Mehta Chopra Kapoor Malhotra
      Bhat Desai Kulkarni Pillai Chatterjee Banerjee Mukherjee Srinivasan Krishnan Venkatesh Subramanian Bose Ghosh
      Acharya Bhattacharya Chauhan Dutta Ganguly Hegde Jain Kaur Mishra Naidu Pandey Qureshi Saxena Tiwari Trivedi Yadav`),
  },
  {
    id: 'arabic-latin', weight: 4, phone: { prefix: '+971', digits: 9 },
    first: words('Mohammed Ahmed Fatima Youssef Layla Omar Khalid Nour Salma Hassan Rania Tariq Karim Amira Zainab Samir'),
    last: words('Al-Farsi Haddad Mansour Khoury Nasser Saleh El-Amin Al-Rashid Hamdan Aziz Bakr Qasim Darwish Said'),
  },
  {
    id: 'arabic', weight: 1, phone: { prefix: '+966', digits: 9 },
    first: words('محمد أحمد فاطمة علي ليلى يوسف مريم خالد نور سلمى عمر هدى'),
    last: words('العلي الحسن منصور حداد الخطيب سعيد ناصر عيسى الراشد يوسفي'),
    latin: (name) => name.split(' ').map((p) => ARABIC_LATIN[p] ?? 'x').join(' '),
  },
  {
    id: 'dutch-italian', weight: 4, phone: { prefix: '+31', digits: 9 },
    first: words('Daan Sanne Joost Maartje Pieter Femke Giulia Lorenzo Chiara Niccolò Francesca Matteo Federica Tommaso'),
    last: words('Steenhuis de_Vries van_Dijk Bakker Visser Smits de_Jong Rossi Bianchi Esposito Ricci Ferrari Romano Colombo Bruno').map((w) => w.replace('_', ' ')),
  },
];

/** CULTURES with their weights, for Random.weighted. */
export const WEIGHTED_CULTURES: readonly (readonly [Culture, number])[] = CULTURES.map((c) => [c, c.weight] as const);
export const WEIGHTED_LATIN_CULTURES: readonly (readonly [Culture, number])[] = WEIGHTED_CULTURES.filter(([c]) => !c.latin);

/** Formal name → informal forms. Pool first names are formal only, so a nickname is always a variant. */
export const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  William: ['Bill', 'Will'], Robert: ['Bob', 'Rob'], Elizabeth: ['Liz', 'Beth'], Michael: ['Mike'],
  Katherine: ['Kate', 'Kathy'], James: ['Jim', 'Jimmy'], Richard: ['Rick', 'Rich'], Thomas: ['Tom'],
  Christopher: ['Chris'], Daniel: ['Dan', 'Danny'], Joseph: ['Joe'], Anthony: ['Tony'], Andrew: ['Andy', 'Drew'],
  Matthew: ['Matt'], Benjamin: ['Ben'], Jonathan: ['Jon'], Nicholas: ['Nick'], Alexander: ['Alex'],
  Samuel: ['Sam'], Edward: ['Ed', 'Ted'], Steven: ['Steve'], Timothy: ['Tim'], Patrick: ['Pat'],
  Margaret: ['Maggie', 'Peggy'], Jennifer: ['Jen', 'Jenny'], Rebecca: ['Becky'], Susan: ['Sue'],
  Deborah: ['Debbie'], Victoria: ['Vicky'], Charles: ['Charlie', 'Chuck'], Frederick: ['Fred'],
  Gregory: ['Greg'], Jeffrey: ['Jeff'], Kenneth: ['Ken'], Theodore: ['Teddy'], Abigail: ['Abby'],
  Pamela: ['Pam'], Nathaniel: ['Nate'], Zachary: ['Zach'],
};

const NICKNAME_TO_FORMAL: Record<string, string> = {};
for (const [formal, informal] of Object.entries(NICKNAMES)) {
  for (const n of informal) NICKNAME_TO_FORMAL[n.toLowerCase()] = formal.toLowerCase();
}

/** Strips diacritics and case the way SPEC §5 describes (NFKD, marks removed, case-folded). */
const folded = new Map<string, string>();

export function foldName(text: string): string {
  const known = folded.get(text);
  if (known !== undefined) return known;
  const out = text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L')
    .replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/ø/g, 'o').replace(/Ø/g, 'O').toLowerCase();
  if (folded.size < 100_000) folded.set(text, out);
  return out;
}

/**
 * A deliberately coarse name key: first token of the given name and last token of the family name, folded,
 * nicknames mapped. Coarser than any sensible engine key, so two persons that differ here never collide there.
 */
export function coarseNameKey(first: string, last: string): string {
  const f = foldName(first).split(/[\s-]+/).filter(Boolean)[0] ?? '';
  const l = foldName(last).split(/[\s-]+/).filter(Boolean).pop() ?? '';
  return `${NICKNAME_TO_FORMAL[f] ?? f} ${l}`;
}

/** ASCII for e-mail local parts and profile slugs. */
export function asciiWord(text: string): string {
  return foldName(text).replace(/ß/g, 'ss').replace(/æ/g, 'ae').replace(/œ/g, 'oe').replace(/[^a-z0-9]+/g, '');
}

export interface Company {
  name: string;
  domain: string;
}

export const COMPANIES: readonly Company[] = [
  ['Contoso Ltd', 'contoso.com'], ['Fabrikam, Inc.', 'fabrikam.com'], ['Northwind Traders', 'northwindtraders.com'],
  ['Adventure Works', 'adventure-works.com'], ['Tailspin Toys', 'tailspintoys.com'], ['Wide World Importers', 'wideworldimporters.com'],
  ['Woodgrove Bank', 'woodgrovebank.com'], ['Litware, Inc.', 'litware.com'], ['Proseware, Inc.', 'proseware.com'],
  ['Lucerne Publishing', 'lucernepublishing.com'], ["Margie's Travel", 'margiestravel.com'], ['Coho Winery', 'cohowinery.com'],
  ['Alpine Ski House', 'alpineskihouse.com'], ['Fourth Coffee', 'fourthcoffee.com'], ['Blue Yonder Airlines', 'blueyonderairlines.com'],
  ['Trey Research', 'treyresearch.net'], ['Humongous Insurance', 'humongousinsurance.com'], ['Relecloud', 'relecloud.com'],
  ['A. Datum Corporation', 'adatum.com'], ['Tailwind Traders', 'tailwindtraders.com'], ['Consolidated Messenger', 'consolidatedmessenger.com'],
  ['Southridge Video', 'southridgevideo.com'], ['VanArsdel Ltd', 'vanarsdel.com'], ['Bellows College', 'bellowscollege.edu'],
  ['Graphic Design Institute', 'graphicdesigninstitute.com'], ['Nod Publishers', 'nodpublishers.com'],
  ['Nordlicht Software AG', 'nordlicht-software.de'], ['Brandt & Söhne KG', 'brandt-soehne.de'], ['Lindqvist Data AB', 'lindqvistdata.se'],
  ['Lumière Conseil SA', 'lumiere-conseil.fr'], ['Grupo Solaris S.L.', 'gruposolaris.es'], ['Wisła Systems sp. z o.o.', 'wislasystems.pl'],
  ['Sông Hồng Tech', 'songhongtech.vn'], ['Infovista Solutions Pvt. Ltd.', 'infovista.in'], ['Huaxin Technology Co., Ltd.', 'huaxintech.cn'],
  ['Rijnmond Logistics B.V.', 'rijnmondlogistics.nl'], ['Falcon Gulf Holdings', 'falcongulf.ae'],
].map(([name, domain]) => ({ name, domain }));

const COMPANY_HEADS = words(`Bluefin Cedar Copper Northstar Silverline Redwood Ironbridge Brightpath Clearwater Keystone Lakeside
  Meridian Nimbus Oakridge Pinecrest Quantum Riverbend Summit Tidewater Vantage Westfield Zephyr Granite Harbor Juniper
  Kestrel Lumen Maple Orbit Prairie Quarry Sable Talon Umber Vertex Willow Yarrow Aster Beacon Cobalt`);
const COMPANY_TAILS: readonly (readonly [string, string])[] = [
  ['Analytics', 'analytics.com'], ['Labs', 'labs.io'], ['Consulting', 'consulting.com'], ['Health', 'health.com'],
  ['Capital', 'capital.com'], ['Robotics', 'robotics.ai'], ['Partners', 'partners.com'], ['Systems', 'systems.com'],
];

/** The fixed companies plus generated ones ("Bluefin Analytics" ↔ bluefinanalytics.com), enough for a big network. */
export function companyPool(): Company[] {
  const generated = COMPANY_HEADS.flatMap((head) =>
    COMPANY_TAILS.map(([tail, suffix]) => ({ name: `${head} ${tail}`, domain: asciiWord(head) + suffix })),
  );
  return [...COMPANIES, ...generated];
}

export const WEBMAIL = ['gmail.com', 'outlook.com', 'yahoo.com', 'hotmail.com', 'icloud.com', 'gmx.de', 'web.de'] as const;

export const POSITIONS = words(`Software_Engineer Senior_Software_Engineer Product_Manager Engineering_Manager Data_Scientist
  Head_of_Sales Account_Executive Recruiter Talent_Acquisition_Partner Marketing_Manager UX_Designer CTO CEO Founder
  Co-Founder VP_Engineering Consultant Senior_Consultant Business_Analyst Project_Manager Research_Scientist Professor
  PhD_Student Investor Partner Director_of_Operations Customer_Success_Manager DevOps_Engineer Solutions_Architect
  Financial_Analyst Attorney HR_Business_Partner Student Freelancer Chief_of_Staff Principal_Engineer`).map((p) => p.replace(/_/g, ' '));

export const CREDENTIALS = [', MBA', ', PhD', ', CFA', ' FCIPD', ', PMP', ', CPA', ' MSc', ', P.Eng.'] as const;
export const HONORIFICS = ['Dr.', 'Prof.'] as const;
export const PRONOUNS = ['(she/her)', '(he/him)', '(they/them)'] as const;
export const EMOJI = ['🍀', '🚀', '✨', '🌍', '☕', '📈'] as const;
export const HEADLINES = ['Helping startups scale | Speaker', 'Open to work', 'Building the future of fintech', 'Data nerd & runner'] as const;
export const WESTERN_ALIASES = words('Kevin David Jenny Grace Tony Vivian Eric Lily Jason Amy');
