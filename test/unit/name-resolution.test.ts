/**
 * Person-name keys against a table of pairs written by the team (invented people, or generic name forms): the pairs
 * one person is written as (expected to share a key) and the pairs of different people with similar names (expected
 * not to). Precision and recall of "same key" are printed and held to 100% and at least 95%. A pair the rules miss
 * stays in the table as a miss: the table measures the rules, the rules are not fitted to the table.
 * No database: names.ts only.
 */
import { personKey } from '../../src/ingest/names';

type Expected = 'merge' | 'apart';
type Pattern = 'South Asian' | 'Central Asian' | 'Slavic' | 'Arabic' | 'African' | 'Spanish';

const PAIRS: Array<[Pattern, Expected, string, string]> = [
  // South Asian: honorifics that are names (and their spellings), Urdu vowels, -ul-/-ud-din/-ullah compounds
  ['South Asian', 'merge', 'Sheikh Farzana Akter', 'Shaikh Farzana Akter'],
  ['South Asian', 'merge', 'Sheikh Farzana', 'Shaikh Farzana'],
  ['South Asian', 'merge', 'Khawaja Tariq Mehmood', 'Khwaja Tariq Mahmood'],
  ['South Asian', 'merge', 'Chaudhry Nadeem Aslam', 'Chaudhary Nadeem Aslam'],
  ['South Asian', 'merge', 'Sardar Ayaz Khosa', 'Sirdar Ayaz Khosa'],
  ['South Asian', 'merge', 'Shahzad Rehman', 'Shehzad Rahman'],
  ['South Asian', 'merge', 'Zia-ul-Rehman Baloch', 'Ziaul Rahman Baloch'],
  ['South Asian', 'merge', 'Habib-ur-Rehman Qureshi', 'Habibur Rahman Qureshi'],
  ['South Asian', 'merge', 'Sana Ullah Khattak', 'Sanaullah Khattak'],
  ['South Asian', 'merge', 'Syed Kamran Bukhari', 'Sayyid Kamran Bukhari'],
  ['South Asian', 'merge', 'Md. Rafiqul Islam Chowdhury', 'Mohammad Rafiqul Islam Choudhury'],
  ['South Asian', 'merge', 'Malik Waseem Ahmed', 'Malik Wasim Ahmad'],
  ['South Asian', 'merge', 'Jam Fareed Lasi', 'Mr. Jam Farid Lasi'],
  ['South Asian', 'merge', 'Mian Imran Masood', 'Mian Imran Masud'],
  ['South Asian', 'merge', 'Nasir Uddin Ahmed', 'Nasiruddin Ahmed'],
  ['South Asian', 'merge', 'Rana Tanveer Hussain', 'Rana Tanvir Husain'],
  ['South Asian', 'merge', 'Ayesha Siddiqa Noon', 'Aisha Siddiqa Noon'],
  ['South Asian', 'apart', 'Sheikh Rashid Ahmed', 'Rashid Ahmed'],
  ['South Asian', 'apart', 'Jam Fareed Lasi', 'Fareed Lasi'],
  ['South Asian', 'apart', 'Sardar Ali Khosa', 'Ali Khosa'],
  ['South Asian', 'apart', 'Chaudhry Nadeem Aslam', 'Nadeem Aslam'],
  ['South Asian', 'apart', 'Malik Asad Khan', 'Asad Khan'],
  ['South Asian', 'apart', 'Muhammad Asif Khan', 'Asif Khan'],
  ['South Asian', 'apart', 'Rahim A. Qureshi', 'Rahim M. Qureshi'],
  ['South Asian', 'apart', 'Rahim A. Qureshi', 'Rahim Qureshi'],
  ['South Asian', 'apart', 'Abdullah Rahimi', 'Abdul Rahimi'],
  ['South Asian', 'apart', 'Sheikh', 'Shaikh'],
  ['South Asian', 'apart', 'Khawaja', 'Khwaja'],

  // Central Asian: y dropped or doubled, zh/j/dzh, kh/h, -ov/-ev, surname first (comma or capitals)
  ['Central Asian', 'merge', 'Farhod Mirzoyev', 'Farhod Mirzoev'],
  ['Central Asian', 'merge', 'Dilshod Aliyev', 'Dilshod Aliev'],
  ['Central Asian', 'merge', 'Yerlan Zhaksybekov', 'Erlan Jaksybekov'],
  ['Central Asian', 'merge', 'Kasym-Zhomart Abenov', 'Kassym-Jomart Abenov'],
  ['Central Asian', 'merge', 'Mukhammadali Rakhimov', 'Muhammadali Rahimov'],
  ['Central Asian', 'merge', 'Nurlan Abdykalykov', 'Nurlan Abdikalikov'],
  ['Central Asian', 'merge', 'Mirzoyev, Farhod', 'Farhod Mirzoyev'],
  ['Central Asian', 'merge', 'ABDULLAEV Rustam', 'Rustam Abdullayev'],
  ['Central Asian', 'merge', 'Kairat Sultanbekov', 'Kayrat Sultanbekov'],
  ['Central Asian', 'merge', 'Gulnora Yusupova', 'Gulnora Jusupova'],
  ['Central Asian', 'merge', 'Temir Dzhumabaev', 'Temir Jumabayev'],
  ['Central Asian', 'merge', 'Temir Zhumabaev', 'Temir Dzhumabayev'],
  ['Central Asian', 'merge', 'Bakhtiyor Kholmatov', 'Bakhtiyor Holmatov'],
  ['Central Asian', 'apart', 'Farhod Mirzoyev', 'Farhod Mirzoyeva'],
  ['Central Asian', 'apart', 'Rustam Aliyev', 'Rustam Alimov'],
  ['Central Asian', 'apart', 'Dilshod Rakhimov', 'Dilshod Rakhmonov'],
  ['Central Asian', 'apart', 'Timur Karimov', 'Karim Timurov'],
  ['Central Asian', 'apart', 'Mirzoyev', 'Farhod Mirzoyev'],
  ['Central Asian', 'apart', 'President Mirzoyev', 'Farhod Mirzoyev'],

  // Slavic: -iy/-y, y/i/j, Alexander/Aleksandr/Alyaksandr, -enka/-enko, yo/e, ks/x, dz
  ['Slavic', 'merge', 'Dmitriy Sokolenko', 'Dmitry Sokolenko'],
  ['Slavic', 'merge', 'Dzmitry Sokalenka', 'Dmitry Sokolenko'],
  ['Slavic', 'merge', 'Yuriy Bondarenko', 'Jurij Bondarenko'],
  ['Slavic', 'merge', 'Iouri Bondarenko', 'Yuri Bondarenko'],
  ['Slavic', 'merge', 'Alexander Kovalchuk', 'Aleksandr Kovalchuk'],
  ['Slavic', 'merge', 'Alyaksandr Marchenka', 'Aleksandr Marchenko'],
  ['Slavic', 'merge', 'Yevgeny Morozov', 'Evgeniy Morozov'],
  ['Slavic', 'merge', 'Yelena Sorokina', 'Elena Sorokina'],
  ['Slavic', 'merge', 'Natalya Belova', 'Natalia Belova'],
  ['Slavic', 'merge', 'Pyotr Semyonov', 'Petr Semenov'],
  ['Slavic', 'merge', 'Aleksey Gorbunov', 'Alexei Gorbunov'],
  ['Slavic', 'merge', 'Sergey Vasilyev', 'Sergei Vasiliev'],
  ['Slavic', 'merge', 'Andrei Gorbachyov', 'Andrei Gorbachev'],
  ['Slavic', 'merge', 'Viktor Rybakov', 'Victor Rybakov'],
  ['Slavic', 'merge', 'Oleg Vyshnevskyy', 'Oleg Vishnevsky'],
  ['Slavic', 'merge', 'Aleksandr Grigoryevich Petrenko', 'Alexander Grigorievich Petrenko'],
  ['Slavic', 'merge', 'Siarhei Martsinovich', 'Sergei Martsinovich'],
  ['Slavic', 'apart', 'Pavel Kozin', 'Pavel Kuzin'],
  ['Slavic', 'apart', 'Viktor Khrenov', 'Viktor Khrenin'],
  ['Slavic', 'apart', 'Aleksandr Ivanov', 'Aleksandra Ivanova'],
  ['Slavic', 'apart', 'Yelena Sokolova', 'Alyona Sokolova'],
  ['Slavic', 'apart', 'Sergei Petrovich Orlov', 'Sergei Orlov'],
  ['Slavic', 'apart', 'Ivan Petrovich Sidorenko', 'Pyotr Ivanovich Sidorenko'],
  ['Slavic', 'apart', 'Igor Lebedev', 'Igor Lebedinsky'],
  ['Slavic', 'apart', 'Olga Kovalenko', 'Olga Kovalchuk'],

  // Arabic: al-/el-, bin/ibn, Abu/Abou, Abdel/Abdul/Abd al-, Mohammed/Muhammad, vowels, Gulf styling
  ['Arabic', 'merge', 'Faisal bin Nasser Al Harthi', 'Faysal ibn Nasser al-Harthi'],
  ['Arabic', 'merge', 'Sheikh Hamad bin Saif Al Mazrouei', 'Hamad bin Saif Al-Mazrouei'],
  ['Arabic', 'merge', 'Abdel Fattah el-Masri', 'Abdelfattah Al Masri'],
  ['Arabic', 'merge', 'Abdulaziz Al-Dosari', 'Abd al-Aziz al-Dosari'],
  ['Arabic', 'merge', 'Abdullah Al Harbi', 'Abdallah el-Harbi'],
  ['Arabic', 'merge', 'Abu Bakr Al Tamimi', 'Abou Bakr al-Tamimi'],
  ['Arabic', 'merge', 'Khaled Hamdan', 'Khalid Hamdan'],
  ['Arabic', 'merge', 'Youssef Nassar', 'Yusuf Nasar'],
  ['Arabic', 'merge', 'Omar Haddad', 'Umar Haddad'],
  ['Arabic', 'merge', 'Hussein Al Obeidi', 'Husain al-Obaidi'],
  ['Arabic', 'merge', 'Ahmed Saleh Jaber', 'Ahmad Salih Jaber'],
  ['Arabic', 'merge', 'Mohamed Abdelrahman', 'Muhammad Abdul Rahman'],
  ['Arabic', 'merge', 'Fatima bint Khalid Al Suwaidi', 'Fatimah bint Khaled Al-Suwaidi'],
  ['Arabic', 'merge', 'Tarek Mansour', 'Tariq Mansour'],
  ['Arabic', 'merge', 'Salah ad-Din Yassin', 'Salahuddin Yasin'],
  ['Arabic', 'merge', 'Nasrallah Haidar', 'Nasrullah Haidar'],
  ['Arabic', 'merge', 'Mostafa El-Sayed Ragab', 'Mustafa Al Sayed Ragab'],
  ['Arabic', 'merge', 'Ibrahim Al-Khatib', 'Ebrahim Alkhatib'],
  ['Arabic', 'merge', 'Walid Al-Shamsi', 'Waleed Alshamsi'],
  ['Arabic', 'merge', 'Zainab Al-Hakim', 'Zeinab El Hakim'],
  ['Arabic', 'merge', 'Layla Mansour', 'Leila Mansour'],
  ['Arabic', 'merge', 'Abdulla Al Marzouqi', 'Abdullah Al-Marzooqi'],
  ['Arabic', 'merge', "Sa'id Qasim", 'Said Kasim'],
  ['Arabic', 'merge', 'Majed Al Ghamdi', 'Majid Al-Ghamdi'],
  ['Arabic', 'apart', 'Faisal bin Nasser', 'Nasser bin Faisal'],
  ['Arabic', 'apart', 'Faisal bin Nasser bin Saud', 'Faisal bin Saud bin Nasser'],
  ['Arabic', 'apart', 'Hamad bin Khalifa Al Nuaimi', 'Khalifa bin Hamad Al Nuaimi'],
  ['Arabic', 'apart', 'Khalid bin Ahmed Al Harthi', 'Khalid Al Harthi'],
  ['Arabic', 'apart', 'Abu Ali Hamdan', 'Ali Hamdan'],
  ['Arabic', 'apart', 'Abdul Aziz Karimi', 'Aziz Karimi'],
  ['Arabic', 'apart', 'Samer Khoury', 'Samir Khoury'],
  ['Arabic', 'apart', 'Hassan Jaber', 'Hussein Jaber'],
  ['Arabic', 'apart', 'Jamal Fares', 'Jamil Fares'],
  ['Arabic', 'apart', 'Amal Haddad', 'Jamal Haddad'],
  ['Arabic', 'apart', 'Salem Nasser', 'Salim Nasser'],
  ['Arabic', 'apart', 'Saleh Mansour', 'Salah Mansour'],
  ['Arabic', 'apart', 'Hamad Al Marri', 'Hamid Al Marri'],
  ['Arabic', 'apart', 'Al Harthi', 'Al-Harthi'],
  ['Arabic', 'apart', 'Sheikh Al Harthi', 'Shaikh Al-Harthi'],
  ['Arabic', 'apart', 'Said Kasim', 'Syed Kasim'],
  ['Arabic', 'apart', 'Zayed Al Ghamdi', 'Zaid Al Ghamdi'],

  // African: Hausa, Yoruba, Igbo, Francophone West African, Kikuyu, Somali, Ethiopian
  ['African', 'merge', 'Alhaji Musa Danladi', 'Musa Danladi'],
  ['African', 'merge', 'Muhammadu Lawal Garba', 'Mohammed Lawal Garba'],
  ['African', 'merge', 'Chief Olusegun Adeyemi', 'Olusegun Adeyemi'],
  ['African', 'merge', 'Ngozi Okafor-Eze', 'Ngozi Okafor Eze'],
  ['African', 'merge', 'Cheikh Tidiane Ndiaye', "Sheikh Tidiane N'Diaye"],
  ['African', 'merge', 'Youssouf Traoré', 'Yusuf Traore'],
  ['African', 'merge', "Wanjiru Ng'ang'a", 'Wanjiru Nganga'],
  ['African', 'merge', 'Abubakar Sadiq Bello', 'Abu Bakar Sadiq Bello'],
  ['African', 'merge', 'Ousmane Kone', 'Usman Kone'],
  ['African', 'merge', 'Haile Mariam Desta', 'Hailemariam Desta'],
  ['African', 'apart', 'Abdi Hassan Farah', 'Hassan Abdi Farah'],
  ['African', 'apart', 'Mohamed Abdi Warsame', 'Mohamud Abdi Warsame'],
  ['African', 'apart', 'Tesfaye Bekele', 'Bekele Tesfaye'],
  ['African', 'apart', 'Olusegun Adeyemi', 'Oluwaseun Adeyemi'],
  ['African', 'apart', 'Amadou Diallo', 'Mamadou Diallo'],
  ['African', 'apart', 'Chief Adeyemi', 'Adeyemi'],
  ['African', 'apart', 'Musa Danladi Jr.', 'Musa Danladi Sr.'],

  // Spanish: accents, hyphens, "y" between surnames, particles, surname first; two surnames in order
  ['Spanish', 'merge', 'José Luis Fernández Ortiz', 'Jose Luis Fernandez Ortiz'],
  ['Spanish', 'merge', 'María José Ortega y Gasset', 'Maria Jose Ortega Gasset'],
  ['Spanish', 'merge', 'Juan Carlos Pérez-Rubio', 'Juan Carlos Perez Rubio'],
  ['Spanish', 'merge', 'Ximena Núñez de la Vega', 'XIMENA NUÑEZ DE LA VEGA'],
  ['Spanish', 'merge', 'Núñez de la Vega, Ximena', 'Ximena Núñez de la Vega'],
  ['Spanish', 'merge', 'Luis Ángel Ibáñez', 'Luis Angel Ibanez'],
  ['Spanish', 'merge', 'María del Carmen Ruiz', 'Maria del Carmen Ruíz'],
  ['Spanish', 'merge', 'GARCÍA PÉREZ Juan', 'Juan García Pérez'],
  ['Spanish', 'apart', 'Juan Pérez García', 'Juan García Pérez'],
  ['Spanish', 'apart', 'Juan Pérez García', 'Juan Pérez'],
  ['Spanish', 'apart', 'José Ramírez Ortiz', 'Josefa Ramírez Ortiz'],
  ['Spanish', 'apart', 'Mario Santos Ruiz', 'María Santos Ruiz'],
  ['Spanish', 'apart', 'Ana María López', 'Ana López'],
  ['Spanish', 'apart', 'Luis Fernández de la Vega', 'Luis de la Vega'],
];

const sameKey = (a: string, b: string) => {
  const key = personKey(a);
  return key !== undefined && key === personKey(b);
};

describe('person-name keys on a table of pairs', () => {
  const results = PAIRS.map(([pattern, expected, a, b]) => ({ pattern, expected, a, b, same: sameKey(a, b) }));
  const count = (test: (row: (typeof results)[number]) => boolean) => results.filter(test).length;
  const truePositives = count((row) => row.expected === 'merge' && row.same);
  const falsePositives = count((row) => row.expected === 'apart' && row.same);
  const falseNegatives = count((row) => row.expected === 'merge' && !row.same);
  const precision = truePositives / (truePositives + falsePositives);
  const recall = truePositives / (truePositives + falseNegatives);

  beforeAll(() => {
    const patterns = [...new Set(PAIRS.map(([pattern]) => pattern))];
    const line = (label: string, rows: typeof results) =>
      `${label.padEnd(14)} ${String(rows.filter((r) => r.expected === 'merge').length).padStart(5)} ` +
      `${String(rows.filter((r) => r.expected === 'merge' && r.same).length).padStart(6)} ` +
      `${String(rows.filter((r) => r.expected === 'apart').length).padStart(5)} ` +
      `${String(rows.filter((r) => r.expected === 'apart' && !r.same).length).padStart(5)}`;
    const misses = results.filter((row) => row.same !== (row.expected === 'merge'));
    console.log(
      [
        `name resolution on ${results.length} pairs: precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}%`,
        `${'pattern'.padEnd(14)} merge merged apart apart`,
        ...patterns.map((pattern) => line(pattern, results.filter((row) => row.pattern === pattern))),
        line('all', results),
        ...misses.map((row) => `${row.expected === 'merge' ? 'missed' : 'WRONGLY MERGED'}: '${row.a}' / '${row.b}' (${personKey(row.a)} | ${personKey(row.b)})`),
      ].join('\n'),
    );
  });

  it('has at least 60 pairs across every naming pattern, both kinds in each', () => {
    expect(PAIRS.length).toBeGreaterThanOrEqual(60);
    for (const pattern of ['South Asian', 'Central Asian', 'Slavic', 'Arabic', 'African', 'Spanish']) {
      for (const expected of ['merge', 'apart']) {
        expect(PAIRS.filter((pair) => pair[0] === pattern && pair[1] === expected).length).toBeGreaterThanOrEqual(5);
      }
    }
  });

  it('never gives two different people one key (precision 100%)', () => {
    expect(results.filter((row) => row.expected === 'apart' && row.same)).toEqual([]);
    expect(precision).toBe(1);
  });

  it('gives one key to at least 95% of the pairs that are one person (recall)', () => {
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('never identifies anyone by a surname or a title alone', () => {
    for (const name of ['Mirzoyev', 'President Mirzoyev', 'Sheikh', 'the Foreign Minister', 'Al-Harthi', 'Mr. Garcia', 'Chief Adeyemi']) {
      expect(personKey(name)).toBeUndefined();
    }
  });
});
