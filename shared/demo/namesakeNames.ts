// A namesake-dense population for the generator: common Indian, Brazilian, Chinese and Arabic names drawn with Zipf-like frequencies.
import type { Culture } from './names';

const words = (s: string): string[] => s.trim().split(/\s+/);

/**
 * Each list is in the order of how common the name is where it is common (most common first; from
 * public surname and given-name frequency tables: Kumar, Singh, Sharma…; da Silva, dos Santos,
 * Oliveira…; Wang, Li, Zhang…). A name of rank r is drawn with weight 1/r^s (Zipf), so a few
 * names cover much of the population as they do in life: "Amit Kumar", "Maria da Silva", "Wei
 * Zhang" and "Mohammed Ali" come by the dozen in a network of a few thousand.
 */
export const NAMESAKE_CULTURES: readonly Culture[] = [
  {
    id: 'indian', weight: 35, phone: { prefix: '+91', digits: 10 },
    first: words(`Amit Rahul Priya Sanjay Rajesh Sunil Anil Vijay Deepak Ravi Suresh Manoj Pooja Neha Ramesh Ajay
      Vikas Arun Ashok Sunita Anita Rakesh Ankit Sachin Nikhil Gaurav Kavita Divya Arjun Aditya Karthik Shreya Varun
      Lakshmi Harish Meera`),
    last: words(`Kumar Singh Sharma Patel Gupta Verma Yadav Reddy Shah Jain Mishra Das Rao Nair Iyer Joshi Mehta
      Pandey Agarwal Chopra Kapoor Menon Pillai Desai Kulkarni Banerjee Chatterjee Ghosh Srinivasan Krishnan`),
  },
  {
    id: 'brazilian', weight: 25, phone: { prefix: '+55', digits: 11 },
    first: words(`Maria José Ana João Francisco Antônio Carlos Paulo Pedro Lucas Luiz Marcos Gabriel Rafael Daniel
      Marcelo Bruno Eduardo Felipe Rodrigo Juliana Fernanda Patrícia Aline Camila Amanda Bruna Jéssica Letícia Thiago`),
    last: [
      'da Silva', 'dos Santos', 'Oliveira', 'Souza', 'Pereira', 'Rodrigues', 'Ferreira', 'Alves', 'Lima', 'Gomes',
      'Ribeiro da Silva', 'Santos da Silva', 'Carvalho', 'Almeida', 'Costa', 'Ribeiro', 'Martins', 'Rocha', 'Barbosa',
      'Araújo', 'Nascimento', 'Moreira', 'Cardoso', 'Mendes', 'de Souza', 'Freitas', 'Teixeira', 'Correia',
    ],
  },
  {
    id: 'chinese', weight: 25, phone: { prefix: '+86', digits: 11 }, westernAlias: true,
    first: words(`Wei Fang Na Min Jing Li Qiang Lei Jun Yang Yong Yan Jie Tao Ming Chao Hui Ping Gang Xin Hao Yu
      Xiaoming Jianhua Lihua Haiyan`),
    last: words('Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng Liang'),
  },
  {
    id: 'arabic-latin', weight: 15, phone: { prefix: '+971', digits: 9 },
    first: words(`Mohammed Ahmed Ali Omar Abdullah Hassan Khalid Youssef Fatima Aisha Mariam Sara Nour Layla Ibrahim
      Mustafa Hussein Mahmoud Tariq Zainab`),
    last: words(`Ali Hassan Hussein Ahmed Abdullah Ibrahim Khalil Saleh Nasser Al-Farsi Haddad Mansour Khoury Aziz
      Hamdan Said Qasim Darwish El-Amin Al-Rashid`),
  },
];

/** The Zipf exponent of NAMESAKE_CULTURES: with a third of the people drawn from these lists (people.ts), about a quarter of a 5,000-person network shares a full name with someone. */
export const NAMESAKE_ZIPF = 1;

const zipfTables = new Map<readonly string[], (readonly [string, number])[]>();

/** The names of a list with Zipf weights 1/rank^s, computed once per list. */
export function zipfWeighted(names: readonly string[], s = NAMESAKE_ZIPF): readonly (readonly [string, number])[] {
  let table = zipfTables.get(names);
  if (!table) {
    table = names.map((name, i) => [name, 1 / Math.pow(i + 1, s)] as const);
    zipfTables.set(names, table);
  }
  return table;
}
