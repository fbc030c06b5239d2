// Seed: the report of 2025-04-11 on Pakistan's Prime Minister's official visit to Minsk
// (data/articles/000_1cdabd96cc36ddc2.txt). It holds what the text states and nothing more; every fact cites the passages
// that state it (character offsets into the article, and the quote). MERGE on stable ids: running it twice
// changes nothing. Runs after 00-schema.cypher, in one transaction.
//
// Readings of the text worth knowing:
// - The Belarusian Internal Affairs Minister is not named: the office and its holding are recorded, the holder is not.
// - Pairings stay as printed: the Commerce Minister handed over the defence ministries' agreement, the
//   Communications Minister the military-technical roadmap.
// - "PM Shehbaz", "the premier" and "Prime Minister Shehbaz Sharif" are one person, with the forms kept as aliases.
// - The photo captions add no event or person; they cite the meeting's place and the President's title.
// - The five topic accords have signatories (the lead: "Pakistan and Belarus ... signed a series of agreements")
//   but no named person and no stated parties.
// - Pakistani ministers' side: "ministers from both sides exchanged", each paired with a Belarusian minister.

// ---------------------------------------------------------------------------------------------------------
// Evidence: the source and its passages.

MERGE (source:Source {id: 'source:000_1cdabd96cc36ddc2'})
SET source.name = '000_1cdabd96cc36ddc2',
    source.publishedOn = date('2025-04-11'),
    source.published = '2025-04-11',
    source.dateline = 'MINSK',
    source.checksum = '4b836aa78cad48a0d14ce1014e47172305417e9a7de377df323610c1b9543bbf',
    // The article text, which the passages' offsets point into.
    source.text = ' date 2025-04-11 Prime Minister Shehbaz Sharif (left) shakes hand with President of Belarus Aleksandr Lukashenko at Independence Palace in Minsk, Belarus, April 11, 2025. — PID\n\nMINSK: Pakistan and Belarus on Friday signed a series of agreements and memorandums of understanding (MoUs) aimed at enhancing cooperation across multiple sectors, including defense, commerce and environmental protection.\n\nThe accords were signed during Prime Minister Shehbaz Sharif’s official visit to Belarus, following his meeting with President Aleksandr Lukashenko and the delegation-level talks between the two sides encompassing discussions on different areas of cooperation as well as regional and international matters.\n\nThe two leaders witnessed the ceremony as ministers from both sides exchanged the pre-signed documents.\n\nThe governments of Pakistan and Belarus signed a Readmission Agreement as well as an Agreement on Cooperation between the interior ministries of two countries. Deputy Prime Minister and Foreign Minister Senator Ishaq Dar and Belarusian Internal Affairs Minister exchanged documents.\n\nBoth nations also signed an agreement on cooperation between the defence ministries of the two countries and the documents were exchanged by Commerce Minister Jam Kamal Khan and Belarusian Defence Minister Viktor Khrenin.\n\nThe two sides signed a Programme (Roadmap) of the Military-Technical Cooperation between the State Authority for Military Industry of the Republic of Belarus and the Ministry of Defense Production for 2025-2027. Communications Minister Abdul Aleem Khan and Minister of the State Authority for Military Industry of Belarus, Dmitry Pantus exchanged the documents.\n\nDuring the visit, the bilateral accords were also signed for cooperation on environmental protection, postal services, business support, trade development and cooperation between trade bodies.\n\n\'150,000 skilled Pakistani workers\'\n\nIn a joint press stakeout separately, PM Shehbaz said that Belarus had extended a "generous offer" to invite over 150,000 young, highly skilled Pakistani workers to contribute to the nation-building efforts of Belarus.\n\nCalling it a “gift” for the people of Pakistan, the prime minister expressed deep gratitude for the opportunity, highlighting that this initiative will not only benefit the Belarusian economy but also provide meaningful livelihoods to Pakistani youth.\n\nPrime Minister Shehbaz Sharif (left) holds bilateral meeting with President of Belarus Aleksandr Lukashenko at Independence Palace in Minsk, Belarus, April 11, 2025. — PID\n\n“I assure you that the skilled Pakistani workforce, duly certified both by international standards and through national accreditation, will serve as a valuable asset to Belarus,” the premier said while speaking along with Belarus President Lukashenko.\n\nRecalling the visit of Aleksandr Lukashenko to Pakistan in 2015-16, the prime minister said this visit laid the foundation of long journey of friendship and cooperation in areas of mutual interests.\n\nThe premier expressed the government’s interest in benefiting from the experience of Belarus in various areas especially the agriculture.\n\n“Pakistan is an agrarian country and 65% population reside in rural areas. We need your expertise to increase our per acre yield by utilizing the modern methodologies in the sector,” he said adding that Pakistan needed to have joint ventures between Pakistan and Belarus companies. “The companies from both Pakistan and Belarus will have a win-win situation in this regard.”\n\nPM Shehbaz also highlighted the Belarusian expertise in manufacturing equipment of mining sector, saying that Pakistan had mineral deposits worth of trillions of dollars and both countries could become great partners in this sector.\n\nSpeaking on the occasion, Belarus President Lukashenko emphasised the importance his country placed on fostering strong ties with Pakistan.\n\nHe said that Belarus attached great significance to its relations with Pakistan and looked forward to deepening cooperation on multiple fronts.\n\nWelcoming the Pakistani premier, President Lukashenko highlighted the potential for expanding bilateral collaboration in diverse sectors, including trade, industry, agriculture, and technology.\n\nHe expressed confidence that the high-level engagement would pave the way for long-term strategic partnership and mutual growth.\n\nThe president noted that the visit of PM Shehbaz Sharif would serve as a catalyst for opening new avenues of cooperation between the two nations. He stressed the need to explore untapped areas of partnership and to build upon the existing friendly relations.';

UNWIND [
  {start: 17, end: 170, quote: 'Prime Minister Shehbaz Sharif (left) shakes hand with President of Belarus Aleksandr Lukashenko at Independence Palace in Minsk, Belarus, April 11, 2025.'},
  {start: 178, end: 399, quote: 'MINSK: Pakistan and Belarus on Friday signed a series of agreements and memorandums of understanding (MoUs) aimed at enhancing cooperation across multiple sectors, including defense, commerce and environmental protection.'},
  {start: 401, end: 489, quote: 'The accords were signed during Prime Minister Shehbaz Sharif’s official visit to Belarus'},
  {start: 491, end: 548, quote: 'following his meeting with President Aleksandr Lukashenko'},
  {start: 553, end: 706, quote: 'the delegation-level talks between the two sides encompassing discussions on different areas of cooperation as well as regional and international matters'},
  {start: 709, end: 812, quote: 'The two leaders witnessed the ceremony as ministers from both sides exchanged the pre-signed documents.'},
  {start: 814, end: 973, quote: 'The governments of Pakistan and Belarus signed a Readmission Agreement as well as an Agreement on Cooperation between the interior ministries of two countries.'},
  {start: 974, end: 1096, quote: 'Deputy Prime Minister and Foreign Minister Senator Ishaq Dar and Belarusian Internal Affairs Minister exchanged documents.'},
  {start: 974, end: 1034, quote: 'Deputy Prime Minister and Foreign Minister Senator Ishaq Dar'},
  {start: 1039, end: 1075, quote: 'Belarusian Internal Affairs Minister'},
  {start: 1098, end: 1319, quote: 'Both nations also signed an agreement on cooperation between the defence ministries of the two countries and the documents were exchanged by Commerce Minister Jam Kamal Khan and Belarusian Defence Minister Viktor Khrenin.'},
  {start: 1239, end: 1271, quote: 'Commerce Minister Jam Kamal Khan'},
  {start: 1276, end: 1318, quote: 'Belarusian Defence Minister Viktor Khrenin'},
  {start: 1321, end: 1532, quote: 'The two sides signed a Programme (Roadmap) of the Military-Technical Cooperation between the State Authority for Military Industry of the Republic of Belarus and the Ministry of Defense Production for 2025-2027.'},
  {start: 1533, end: 1682, quote: 'Communications Minister Abdul Aleem Khan and Minister of the State Authority for Military Industry of Belarus, Dmitry Pantus exchanged the documents.'},
  {start: 1533, end: 1573, quote: 'Communications Minister Abdul Aleem Khan'},
  {start: 1578, end: 1657, quote: 'Minister of the State Authority for Military Industry of Belarus, Dmitry Pantus'},
  {start: 1684, end: 1876, quote: 'During the visit, the bilateral accords were also signed for cooperation on environmental protection, postal services, business support, trade development and cooperation between trade bodies.'},
  {start: 1915, end: 2133, quote: 'In a joint press stakeout separately, PM Shehbaz said that Belarus had extended a "generous offer" to invite over 150,000 young, highly skilled Pakistani workers to contribute to the nation-building efforts of Belarus.'},
  {start: 2135, end: 2386, quote: 'Calling it a “gift” for the people of Pakistan, the prime minister expressed deep gratitude for the opportunity, highlighting that this initiative will not only benefit the Belarusian economy but also provide meaningful livelihoods to Pakistani youth.'},
  {start: 2388, end: 2553, quote: 'Prime Minister Shehbaz Sharif (left) holds bilateral meeting with President of Belarus Aleksandr Lukashenko at Independence Palace in Minsk, Belarus, April 11, 2025.'},
  {start: 2561, end: 2812, quote: '“I assure you that the skilled Pakistani workforce, duly certified both by international standards and through national accreditation, will serve as a valuable asset to Belarus,” the premier said while speaking along with Belarus President Lukashenko.'},
  {start: 2814, end: 3012, quote: 'Recalling the visit of Aleksandr Lukashenko to Pakistan in 2015-16, the prime minister said this visit laid the foundation of long journey of friendship and cooperation in areas of mutual interests.'},
  {start: 3014, end: 3151, quote: 'The premier expressed the government’s interest in benefiting from the experience of Belarus in various areas especially the agriculture.'},
  {start: 3153, end: 3343, quote: '“Pakistan is an agrarian country and 65% population reside in rural areas. We need your expertise to increase our per acre yield by utilizing the modern methodologies in the sector,” he said'},
  {start: 3344, end: 3527, quote: 'adding that Pakistan needed to have joint ventures between Pakistan and Belarus companies. “The companies from both Pakistan and Belarus will have a win-win situation in this regard.”'},
  {start: 3529, end: 3761, quote: 'PM Shehbaz also highlighted the Belarusian expertise in manufacturing equipment of mining sector, saying that Pakistan had mineral deposits worth of trillions of dollars and both countries could become great partners in this sector.'},
  {start: 3763, end: 3902, quote: 'Speaking on the occasion, Belarus President Lukashenko emphasised the importance his country placed on fostering strong ties with Pakistan.'},
  {start: 3904, end: 4047, quote: 'He said that Belarus attached great significance to its relations with Pakistan and looked forward to deepening cooperation on multiple fronts.'},
  {start: 4049, end: 4242, quote: 'Welcoming the Pakistani premier, President Lukashenko highlighted the potential for expanding bilateral collaboration in diverse sectors, including trade, industry, agriculture, and technology.'},
  {start: 4244, end: 4372, quote: 'He expressed confidence that the high-level engagement would pave the way for long-term strategic partnership and mutual growth.'},
  {start: 4374, end: 4519, quote: 'The president noted that the visit of PM Shehbaz Sharif would serve as a catalyst for opening new avenues of cooperation between the two nations.'},
  {start: 4520, end: 4632, quote: 'He stressed the need to explore untapped areas of partnership and to build upon the existing friendly relations.'}
] AS row
MATCH (source:Source {id: 'source:000_1cdabd96cc36ddc2'})
MERGE (passage:Passage {id: 'passage:000_1cdabd96cc36ddc2:' + row.start + '-' + row.end})
SET passage.start = row.start, passage.end = row.end, passage.quote = row.quote
MERGE (passage)-[:IN_SOURCE]->(source);

// ---------------------------------------------------------------------------------------------------------
// Countries and places.

UNWIND [
  {id: 'country:pk', name: 'Pakistan', isoCode: 'PK', aliases: ['Pakistani']},
  {id: 'country:by', name: 'Belarus', isoCode: 'BY', aliases: ['Belarusian', 'Republic of Belarus']}
] AS row
MERGE (country:Fact {id: row.id})
SET country:Country, country += row;

UNWIND [
  {id: 'place:by:minsk', name: 'Minsk', kind: 'CITY', country: 'country:by', within: null},
  {id: 'place:by:independence-palace', name: 'Independence Palace', kind: 'VENUE', country: 'country:by', within: 'place:by:minsk'}
] AS row
MERGE (place:Fact {id: row.id})
SET place:Place, place.name = row.name, place.kind = row.kind
WITH place, row
MATCH (country:Country {id: row.country})
MERGE (place)-[:IN_COUNTRY]->(country)
WITH place, row
MATCH (outer:Place {id: row.within})
MERGE (place)-[:WITHIN]->(outer);

// ---------------------------------------------------------------------------------------------------------
// Government bodies. Names the text only describes ("the interior ministries of two countries") have
// nameAsReported = false.

UNWIND [
  {id: 'body:pk:government-of-pakistan', name: 'Government of Pakistan', nameAsReported: false, kind: 'GOVERNMENT', aliases: [], country: 'country:pk'},
  {id: 'body:by:government-of-belarus', name: 'Government of Belarus', nameAsReported: false, kind: 'GOVERNMENT', aliases: [], country: 'country:by'},
  {id: 'body:pk:interior-ministry-of-pakistan', name: 'Interior Ministry of Pakistan', nameAsReported: false, kind: 'MINISTRY', aliases: [], country: 'country:pk'},
  {id: 'body:by:interior-ministry-of-belarus', name: 'Interior Ministry of Belarus', nameAsReported: false, kind: 'MINISTRY', aliases: [], country: 'country:by'},
  {id: 'body:pk:defence-ministry-of-pakistan', name: 'Defence Ministry of Pakistan', nameAsReported: false, kind: 'MINISTRY', aliases: [], country: 'country:pk'},
  {id: 'body:by:defence-ministry-of-belarus', name: 'Defence Ministry of Belarus', nameAsReported: false, kind: 'MINISTRY', aliases: [], country: 'country:by'},
  {id: 'body:by:state-authority-for-military-industry-of-the-republic-of-belarus', name: 'State Authority for Military Industry of the Republic of Belarus', nameAsReported: true, kind: 'AGENCY', aliases: ['State Authority for Military Industry of Belarus'], country: 'country:by'},
  // Its country is the other of "the two sides" of a Pakistan-Belarus roadmap; the text does not print it.
  {id: 'body:pk:ministry-of-defense-production', name: 'Ministry of Defense Production', nameAsReported: true, kind: 'MINISTRY', aliases: [], country: 'country:pk'}
] AS row
MERGE (body:Fact {id: row.id})
SET body:Body, body.name = row.name, body.nameAsReported = row.nameAsReported, body.kind = row.kind, body.aliases = row.aliases
WITH body, row
MATCH (country:Country {id: row.country})
MERGE (body)-[:OF_COUNTRY]->(country);

// ---------------------------------------------------------------------------------------------------------
// People. aliases: forms of the name the text uses (matching); weakAliases: forms without the full name.

UNWIND [
  {id: 'person:shehbaz-sharif', name: 'Shehbaz Sharif',
    aliases: ['Prime Minister Shehbaz Sharif', 'PM Shehbaz', 'PM Shehbaz Sharif'],
    weakAliases: ['the premier', 'the prime minister', 'the Pakistani premier']},
  {id: 'person:aleksandr-lukashenko', name: 'Aleksandr Lukashenko',
    aliases: ['President Aleksandr Lukashenko', 'President of Belarus Aleksandr Lukashenko', 'Belarus President Lukashenko'],
    weakAliases: ['President Lukashenko', 'Lukashenko', 'the president']},
  {id: 'person:ishaq-dar', name: 'Ishaq Dar',
    aliases: ['Deputy Prime Minister and Foreign Minister Senator Ishaq Dar'], weakAliases: []},
  {id: 'person:jam-kamal-khan', name: 'Jam Kamal Khan', aliases: ['Commerce Minister Jam Kamal Khan'], weakAliases: []},
  {id: 'person:viktor-khrenin', name: 'Viktor Khrenin', aliases: ['Belarusian Defence Minister Viktor Khrenin'], weakAliases: []},
  {id: 'person:abdul-aleem-khan', name: 'Abdul Aleem Khan', aliases: ['Communications Minister Abdul Aleem Khan'], weakAliases: []},
  {id: 'person:dmitry-pantus', name: 'Dmitry Pantus',
    aliases: ['Minister of the State Authority for Military Industry of Belarus, Dmitry Pantus'], weakAliases: []}
] AS row
MERGE (person:Fact {id: row.id})
SET person:Person, person += row;

// ---------------------------------------------------------------------------------------------------------
// Positions (the offices), apart from who held them.

UNWIND [
  {id: 'position:pk:prime-minister', title: 'Prime Minister', portfolio: 'head of government', country: 'country:pk', body: null},
  {id: 'position:by:president', title: 'President', portfolio: 'head of state', country: 'country:by', body: null},
  {id: 'position:pk:deputy-prime-minister', title: 'Deputy Prime Minister', portfolio: 'deputy head of government', country: 'country:pk', body: null},
  {id: 'position:pk:foreign-minister', title: 'Foreign Minister', portfolio: 'foreign affairs', country: 'country:pk', body: null},
  {id: 'position:pk:senator', title: 'Senator', portfolio: 'legislature', country: 'country:pk', body: null},
  {id: 'position:pk:commerce-minister', title: 'Commerce Minister', portfolio: 'commerce', country: 'country:pk', body: null},
  {id: 'position:pk:communications-minister', title: 'Communications Minister', portfolio: 'communications', country: 'country:pk', body: null},
  {id: 'position:by:defence-minister', title: 'Defence Minister', portfolio: 'defence', country: 'country:by', body: null},
  {id: 'position:by:internal-affairs-minister', title: 'Internal Affairs Minister', portfolio: 'interior', country: 'country:by', body: null},
  {id: 'position:by:state-authority-for-military-industry-of-the-republic-of-belarus:minister-of-the-state-authority-for-military-industry', title: 'Minister of the State Authority for Military Industry', portfolio: 'military industry', country: 'country:by',
    body: 'body:by:state-authority-for-military-industry-of-the-republic-of-belarus'}
] AS row
MERGE (position:Fact {id: row.id})
SET position:Position, position.title = row.title, position.portfolio = row.portfolio
WITH position, row
MATCH (country:Country {id: row.country})
MERGE (position)-[:OF_COUNTRY]->(country)
WITH position, row
MATCH (body:Body {id: row.body})
MERGE (position)-[:IN_BODY]->(body);

// ---------------------------------------------------------------------------------------------------------
// Occupancies: who held which position, as observed on 2025-04-11. The Internal Affairs Minister's holder is
// not named, so that occupancy has no HELD_BY.

UNWIND [
  {id: 'occupancy:pk:prime-minister:shehbaz-sharif:2025-04-11', title: 'Prime Minister', position: 'position:pk:prime-minister', holder: 'person:shehbaz-sharif'},
  {id: 'occupancy:by:president:aleksandr-lukashenko:2025-04-11', title: 'President of Belarus', position: 'position:by:president', holder: 'person:aleksandr-lukashenko'},
  {id: 'occupancy:pk:deputy-prime-minister:ishaq-dar:2025-04-11', title: 'Deputy Prime Minister', position: 'position:pk:deputy-prime-minister', holder: 'person:ishaq-dar'},
  {id: 'occupancy:pk:foreign-minister:ishaq-dar:2025-04-11', title: 'Foreign Minister', position: 'position:pk:foreign-minister', holder: 'person:ishaq-dar'},
  {id: 'occupancy:pk:senator:ishaq-dar:2025-04-11', title: 'Senator', position: 'position:pk:senator', holder: 'person:ishaq-dar'},
  {id: 'occupancy:pk:commerce-minister:jam-kamal-khan:2025-04-11', title: 'Commerce Minister', position: 'position:pk:commerce-minister', holder: 'person:jam-kamal-khan'},
  {id: 'occupancy:pk:communications-minister:abdul-aleem-khan:2025-04-11', title: 'Communications Minister', position: 'position:pk:communications-minister', holder: 'person:abdul-aleem-khan'},
  {id: 'occupancy:by:defence-minister:viktor-khrenin:2025-04-11', title: 'Belarusian Defence Minister', position: 'position:by:defence-minister', holder: 'person:viktor-khrenin'},
  {id: 'occupancy:by:internal-affairs-minister:unidentified:2025-04-11', title: 'Belarusian Internal Affairs Minister', position: 'position:by:internal-affairs-minister', holder: null},
  {id: 'occupancy:by:state-authority-for-military-industry-of-the-republic-of-belarus:minister-of-the-state-authority-for-military-industry:dmitry-pantus:2025-04-11', title: 'Minister of the State Authority for Military Industry of Belarus',
    position: 'position:by:state-authority-for-military-industry-of-the-republic-of-belarus:minister-of-the-state-authority-for-military-industry', holder: 'person:dmitry-pantus'}
] AS row
MERGE (occupancy:Fact {id: row.id})
SET occupancy:Occupancy, occupancy.title = row.title, occupancy.observedOn = '2025-04-11', occupancy.holderNamed = row.holder IS NOT NULL
WITH occupancy, row
MATCH (position:Position {id: row.position})
MERGE (occupancy)-[:OF_POSITION]->(position)
WITH occupancy, row
MATCH (holder:Person {id: row.holder})
MERGE (occupancy)-[:HELD_BY]->(holder);

// ---------------------------------------------------------------------------------------------------------
// Events. The document exchanges are events too (next section).

UNWIND [
  {id: 'event:2025-04-11:official-visit-of-prime-minister-shehbaz-sharif-to-belarus', name: 'Official visit of Prime Minister Shehbaz Sharif to Belarus',
    kind: 'VISIT', date: '2025-04-11', partOf: null, country: 'country:by', place: null},
  {id: 'event:2025-04-11:meeting-of-shehbaz-sharif-and-aleksandr-lukashenko', name: 'Meeting of Shehbaz Sharif and Aleksandr Lukashenko',
    kind: 'MEETING', date: '2025-04-11', partOf: 'event:2025-04-11:official-visit-of-prime-minister-shehbaz-sharif-to-belarus', country: null, place: 'place:by:independence-palace'},
  {id: 'event:2025-04-11:delegation-level-talks-between-pakistan-and-belarus', name: 'Delegation-level talks between Pakistan and Belarus',
    kind: 'TALKS', date: '2025-04-11', partOf: 'event:2025-04-11:official-visit-of-prime-minister-shehbaz-sharif-to-belarus', country: null, place: null},
  {id: 'event:2025-04-11:signing-ceremony-in-minsk', name: 'Signing ceremony in Minsk',
    kind: 'SIGNING_CEREMONY', date: '2025-04-11', partOf: 'event:2025-04-11:official-visit-of-prime-minister-shehbaz-sharif-to-belarus', country: null, place: 'place:by:minsk'},
  // Undated in the text: its id carries the source instead of a date.
  {id: 'event:000_1cdabd96cc36ddc2:joint-press-stakeout', name: 'Joint press stakeout',
    kind: 'PRESS_EVENT', date: null, partOf: 'event:2025-04-11:official-visit-of-prime-minister-shehbaz-sharif-to-belarus', country: null, place: null},
  {id: 'event:2015-2016:visit-of-aleksandr-lukashenko-to-pakistan', name: 'Visit of Aleksandr Lukashenko to Pakistan',
    kind: 'VISIT', date: '2015/2016', partOf: null, country: 'country:pk', place: null}
] AS row
MERGE (event:Fact {id: row.id})
SET event:Event, event.name = row.name, event.kind = row.kind, event.date = row.date
WITH event, row
CALL (event, row) {
  MATCH (whole:Event {id: row.partOf}) MERGE (event)-[:PART_OF]->(whole)
}
CALL (event, row) {
  MATCH (country:Country {id: row.country}) MERGE (event)-[:IN_COUNTRY]->(country)
}
CALL (event, row) {
  MATCH (place:Place {id: row.place}) MERGE (event)-[:AT_PLACE]->(place)
};

MATCH (talks:Event {id: 'event:2025-04-11:delegation-level-talks-between-pakistan-and-belarus'})
UNWIND ['country:pk', 'country:by'] AS countryId
MATCH (country:Country {id: countryId})
MERGE (talks)-[:BETWEEN]->(country);

UNWIND [
  {person: 'person:shehbaz-sharif', event: 'event:2025-04-11:official-visit-of-prime-minister-shehbaz-sharif-to-belarus', role: 'VISITOR'},
  {person: 'person:shehbaz-sharif', event: 'event:2025-04-11:meeting-of-shehbaz-sharif-and-aleksandr-lukashenko', role: 'PARTICIPANT'},
  {person: 'person:aleksandr-lukashenko', event: 'event:2025-04-11:meeting-of-shehbaz-sharif-and-aleksandr-lukashenko', role: 'PARTICIPANT'},
  // "The two leaders witnessed the ceremony"
  {person: 'person:shehbaz-sharif', event: 'event:2025-04-11:signing-ceremony-in-minsk', role: 'WITNESS'},
  {person: 'person:aleksandr-lukashenko', event: 'event:2025-04-11:signing-ceremony-in-minsk', role: 'WITNESS'},
  {person: 'person:shehbaz-sharif', event: 'event:000_1cdabd96cc36ddc2:joint-press-stakeout', role: 'SPEAKER'},
  {person: 'person:aleksandr-lukashenko', event: 'event:2015-2016:visit-of-aleksandr-lukashenko-to-pakistan', role: 'VISITOR'}
] AS row
MATCH (person:Person {id: row.person})
MATCH (event:Event {id: row.event})
MERGE (person)-[participation:PARTICIPATED_IN]->(event)
SET participation.role = row.role;

// ---------------------------------------------------------------------------------------------------------
// Agreements: what each binds (parties) and who signed it (signatories), as the text says.

UNWIND [
  {id: 'agreement:2025-04-11:readmission-agreement:c903caaf', title: 'Readmission Agreement', titleAsReported: true,
    kind: 'AGREEMENT', topics: ['readmission'], validFrom: null, validTo: null,
    parties: ['body:pk:government-of-pakistan', 'body:by:government-of-belarus'],
    signatories: ['body:pk:government-of-pakistan', 'body:by:government-of-belarus']},
  {id: 'agreement:2025-04-11:agreement-on-cooperation-between-the-interior-ministries-of-two-countries:3763cd25',
    title: 'Agreement on Cooperation between the interior ministries of two countries', titleAsReported: true,
    kind: 'AGREEMENT', topics: ['interior'], validFrom: null, validTo: null,
    parties: ['body:pk:interior-ministry-of-pakistan', 'body:by:interior-ministry-of-belarus'],
    signatories: ['body:pk:government-of-pakistan', 'body:by:government-of-belarus']},
  {id: 'agreement:2025-04-11:agreement-on-cooperation-between-the-defence-ministries-of-the-two-countries:96984662',
    title: 'Agreement on cooperation between the defence ministries of the two countries', titleAsReported: false,
    kind: 'AGREEMENT', topics: ['defence'], validFrom: null, validTo: null,
    parties: ['body:pk:defence-ministry-of-pakistan', 'body:by:defence-ministry-of-belarus'],
    signatories: ['country:pk', 'country:by']},
  {id: 'agreement:2025-04-11:programme-roadmap-of-the-military-technical-cooperation-between-the-state-authority-for-military-6073ba326b:73502730',
    title: 'Programme (Roadmap) of the Military-Technical Cooperation between the State Authority for Military Industry of the Republic of Belarus and the Ministry of Defense Production',
    titleAsReported: true, kind: 'PROGRAMME', topics: ['military-technical cooperation'], validFrom: '2025', validTo: '2027',
    parties: ['body:by:state-authority-for-military-industry-of-the-republic-of-belarus', 'body:pk:ministry-of-defense-production'],
    signatories: ['country:pk', 'country:by']},
  {id: 'agreement:2025-04-11:bilateral-accord-for-cooperation-on-environmental-protection:eb91c6c1',
    title: 'Bilateral accord for cooperation on environmental protection', titleAsReported: false,
    kind: 'ACCORD', topics: ['environmental protection'], validFrom: null, validTo: null, parties: [], signatories: ['country:pk', 'country:by']},
  {id: 'agreement:2025-04-11:bilateral-accord-for-cooperation-on-postal-services:eb91c6c1',
    title: 'Bilateral accord for cooperation on postal services', titleAsReported: false,
    kind: 'ACCORD', topics: ['postal services'], validFrom: null, validTo: null, parties: [], signatories: ['country:pk', 'country:by']},
  {id: 'agreement:2025-04-11:bilateral-accord-for-cooperation-on-business-support:eb91c6c1',
    title: 'Bilateral accord for cooperation on business support', titleAsReported: false,
    kind: 'ACCORD', topics: ['business support'], validFrom: null, validTo: null, parties: [], signatories: ['country:pk', 'country:by']},
  {id: 'agreement:2025-04-11:bilateral-accord-for-cooperation-on-trade-development:eb91c6c1',
    title: 'Bilateral accord for cooperation on trade development', titleAsReported: false,
    kind: 'ACCORD', topics: ['trade development'], validFrom: null, validTo: null, parties: [], signatories: ['country:pk', 'country:by']},
  {id: 'agreement:2025-04-11:bilateral-accord-for-cooperation-between-trade-bodies:eb91c6c1',
    title: 'Bilateral accord for cooperation between trade bodies', titleAsReported: false,
    kind: 'ACCORD', topics: ['trade bodies'], validFrom: null, validTo: null, parties: [], signatories: ['country:pk', 'country:by']}
] AS row
MERGE (agreement:Fact {id: row.id})
SET agreement:Agreement, agreement.title = row.title, agreement.titleAsReported = row.titleAsReported,
    agreement.kind = row.kind, agreement.topics = row.topics, agreement.validFrom = row.validFrom,
    agreement.validTo = row.validTo, agreement.signedOn = '2025-04-11'
WITH agreement, row
CALL (agreement, row) {
  UNWIND row.parties AS partyId
  MATCH (party:Fact {id: partyId})
  MERGE (agreement)-[:BINDS]->(party)
}
CALL (agreement, row) {
  UNWIND row.signatories AS signatoryId
  MATCH (signatory:Fact {id: signatoryId})
  MERGE (agreement)-[:SIGNED_BY]->(signatory)
}
WITH agreement
MATCH (visit:Event {id: 'event:2025-04-11:official-visit-of-prime-minister-shehbaz-sharif-to-belarus'})
MERGE (agreement)-[:SIGNED_DURING]->(visit);

// ---------------------------------------------------------------------------------------------------------
// Document exchanges at the ceremony: each with its documents and two sides (person when named, the
// capacity as reported, the country represented, the holding of office it acted in).

UNWIND [
  {id: 'event:2025-04-11:exchange-of-documents-between-ishaq-dar-and-the-belarusian-internal-affairs-minister',
    name: 'Exchange of documents between Ishaq Dar and the Belarusian Internal Affairs Minister',
    documents: ['agreement:2025-04-11:readmission-agreement:c903caaf', 'agreement:2025-04-11:agreement-on-cooperation-between-the-interior-ministries-of-two-countries:3763cd25']},
  {id: 'event:2025-04-11:exchange-of-documents-between-jam-kamal-khan-and-viktor-khrenin',
    name: 'Exchange of documents between Jam Kamal Khan and Viktor Khrenin',
    documents: ['agreement:2025-04-11:agreement-on-cooperation-between-the-defence-ministries-of-the-two-countries:96984662']},
  {id: 'event:2025-04-11:exchange-of-documents-between-abdul-aleem-khan-and-dmitry-pantus',
    name: 'Exchange of documents between Abdul Aleem Khan and Dmitry Pantus',
    documents: ['agreement:2025-04-11:programme-roadmap-of-the-military-technical-cooperation-between-the-state-authority-for-military-6073ba326b:73502730']}
] AS row
MERGE (exchange:Fact {id: row.id})
SET exchange:Event:DocumentExchange, exchange.name = row.name, exchange.kind = 'DOCUMENT_EXCHANGE', exchange.date = '2025-04-11',
    exchange.verb = 'EXCHANGED'
WITH exchange, row
MATCH (ceremony:Event {id: 'event:2025-04-11:signing-ceremony-in-minsk'})
MERGE (exchange)-[:PART_OF]->(ceremony)
WITH exchange, row
UNWIND row.documents AS documentId
MATCH (document:Agreement {id: documentId})
MERGE (exchange)-[:EXCHANGED]->(document);

UNWIND [
  {exchange: 'event:2025-04-11:exchange-of-documents-between-ishaq-dar-and-the-belarusian-internal-affairs-minister', country: 'pk',
    who: 'ishaq-dar', role: 'Deputy Prime Minister and Foreign Minister', person: 'person:ishaq-dar',
    occupancies: ['occupancy:pk:deputy-prime-minister:ishaq-dar:2025-04-11', 'occupancy:pk:foreign-minister:ishaq-dar:2025-04-11']},
  {exchange: 'event:2025-04-11:exchange-of-documents-between-ishaq-dar-and-the-belarusian-internal-affairs-minister', country: 'by',
    who: 'internal-affairs-minister', role: 'Internal Affairs Minister', person: null,
    occupancies: ['occupancy:by:internal-affairs-minister:unidentified:2025-04-11']},
  {exchange: 'event:2025-04-11:exchange-of-documents-between-jam-kamal-khan-and-viktor-khrenin', country: 'pk',
    who: 'jam-kamal-khan', role: 'Commerce Minister', person: 'person:jam-kamal-khan',
    occupancies: ['occupancy:pk:commerce-minister:jam-kamal-khan:2025-04-11']},
  {exchange: 'event:2025-04-11:exchange-of-documents-between-jam-kamal-khan-and-viktor-khrenin', country: 'by',
    who: 'viktor-khrenin', role: 'Defence Minister', person: 'person:viktor-khrenin',
    occupancies: ['occupancy:by:defence-minister:viktor-khrenin:2025-04-11']},
  {exchange: 'event:2025-04-11:exchange-of-documents-between-abdul-aleem-khan-and-dmitry-pantus', country: 'pk',
    who: 'abdul-aleem-khan', role: 'Communications Minister', person: 'person:abdul-aleem-khan',
    occupancies: ['occupancy:pk:communications-minister:abdul-aleem-khan:2025-04-11']},
  {exchange: 'event:2025-04-11:exchange-of-documents-between-abdul-aleem-khan-and-dmitry-pantus', country: 'by',
    who: 'dmitry-pantus', role: 'Minister of the State Authority for Military Industry', person: 'person:dmitry-pantus',
    occupancies: ['occupancy:by:state-authority-for-military-industry-of-the-republic-of-belarus:minister-of-the-state-authority-for-military-industry:dmitry-pantus:2025-04-11']}
] AS row
MATCH (exchange:DocumentExchange {id: row.exchange})
MATCH (country:Country {id: 'country:' + row.country})
MERGE (side:Fact {id: 'side:' + substring(row.exchange, size('event:')) + ':' + row.country + ':' + row.who})
SET side:ExchangeSide, side.role = row.role
MERGE (exchange)-[:HAS_SIDE]->(side)
MERGE (side)-[:REPRESENTS]->(country)
WITH side, row
CALL (side, row) {
  MATCH (person:Person {id: row.person}) MERGE (side)-[:PERSON]->(person)
}
CALL (side, row) {
  UNWIND row.occupancies AS occupancyId
  MATCH (occupancy:Occupancy {id: occupancyId})
  MERGE (side)-[:IN_CAPACITY]->(occupancy)
};

// ---------------------------------------------------------------------------------------------------------
// Claims: the offer and the stated positions, each with its speaker. madeAt only where the text places it.

UNWIND [
  {key: 'belarus-offer-to-invite-skilled-workers', kind: 'OFFER', speaker: 'person:shehbaz-sharif', actor: 'country:by',
    madeAt: 'event:000_1cdabd96cc36ddc2:joint-press-stakeout', refersTo: null, quantity: 150000, quantityQualifier: 'over',
    summary: 'Belarus has offered to invite over 150,000 young, highly skilled Pakistani workers to contribute to its nation-building efforts.'},
  {key: 'offer-a-gift-to-pakistan', kind: 'APPRECIATION', speaker: 'person:shehbaz-sharif', actor: null, madeAt: null, refersTo: null,
    summary: 'The offer is a gift to the people of Pakistan: it will benefit the Belarusian economy and give Pakistani youth livelihoods.'},
  {key: 'skilled-workforce-an-asset-to-belarus', kind: 'ASSURANCE', speaker: 'person:shehbaz-sharif', actor: null, madeAt: null, refersTo: null,
    summary: 'The certified, skilled Pakistani workforce will be a valuable asset to Belarus.'},
  {key: 'visit-of-2015-16-laid-the-foundation', kind: 'POSITION', speaker: 'person:shehbaz-sharif', actor: null, madeAt: null,
    refersTo: 'event:2015-2016:visit-of-aleksandr-lukashenko-to-pakistan',
    summary: 'The 2015-16 visit of Aleksandr Lukashenko to Pakistan laid the foundation of friendship and cooperation.'},
  {key: 'interest-in-belarusian-experience-in-agriculture', kind: 'POSITION', speaker: 'person:shehbaz-sharif', actor: 'country:pk', madeAt: null, refersTo: null,
    summary: 'The government of Pakistan is interested in benefiting from the experience of Belarus, especially in agriculture.'},
  {key: 'need-for-expertise-to-raise-yields', kind: 'REQUEST', speaker: 'person:shehbaz-sharif', actor: 'country:pk', madeAt: null, refersTo: null,
    summary: 'Pakistan, an agrarian country, needs Belarusian expertise to raise its per-acre yield with modern methods.'},
  {key: 'joint-ventures-between-companies', kind: 'PROPOSAL', speaker: 'person:shehbaz-sharif', actor: 'country:pk', madeAt: null, refersTo: null,
    summary: 'Pakistan needs joint ventures between Pakistani and Belarusian companies, a win-win for both.'},
  {key: 'partnership-in-mining', kind: 'POSITION', speaker: 'person:shehbaz-sharif', actor: null, madeAt: null, refersTo: null,
    summary: 'Belarus has expertise in mining equipment, Pakistan has mineral deposits worth trillions of dollars, and the two could be great partners in mining.'},
  {key: 'importance-of-strong-ties', kind: 'POSITION', speaker: 'person:aleksandr-lukashenko', actor: 'country:by', madeAt: null, refersTo: null,
    summary: 'Belarus places importance on fostering strong ties with Pakistan.'},
  {key: 'great-significance-of-relations', kind: 'POSITION', speaker: 'person:aleksandr-lukashenko', actor: 'country:by', madeAt: null, refersTo: null,
    summary: 'Belarus attaches great significance to its relations with Pakistan and looks forward to deeper cooperation.'},
  {key: 'potential-for-collaboration', kind: 'POSITION', speaker: 'person:aleksandr-lukashenko', actor: null, madeAt: null, refersTo: null,
    summary: 'There is potential to expand bilateral collaboration in trade, industry, agriculture and technology.'},
  {key: 'engagement-paves-the-way-for-partnership', kind: 'POSITION', speaker: 'person:aleksandr-lukashenko', actor: null, madeAt: null, refersTo: null,
    summary: 'The high-level engagement will pave the way for a long-term strategic partnership and mutual growth.'},
  {key: 'visit-a-catalyst-for-cooperation', kind: 'POSITION', speaker: 'person:aleksandr-lukashenko', actor: null, madeAt: null,
    refersTo: 'event:2025-04-11:official-visit-of-prime-minister-shehbaz-sharif-to-belarus',
    summary: 'The visit of Shehbaz Sharif will be a catalyst for new avenues of cooperation between the two nations.'},
  {key: 'explore-untapped-areas', kind: 'PROPOSAL', speaker: 'person:aleksandr-lukashenko', actor: null, madeAt: null, refersTo: null,
    summary: 'The two countries should explore untapped areas of partnership and build on their friendly relations.'}
] AS row
MERGE (claim:Fact {id: 'claim:000_1cdabd96cc36ddc2:' + row.key})
SET claim:Claim, claim.kind = row.kind, claim.summary = row.summary, claim.quantity = row.quantity,
    claim.quantityQualifier = row.quantityQualifier
WITH claim, row
MATCH (speaker:Person {id: row.speaker})
MERGE (claim)-[:SAID_BY]->(speaker)
WITH claim, row
CALL (claim, row) {
  MATCH (actor:Country {id: row.actor}) MERGE (claim)-[:ACTOR]->(actor)
}
CALL (claim, row) {
  MATCH (event:Event {id: row.madeAt}) MERGE (claim)-[:MADE_AT]->(event)
}
CALL (claim, row) {
  MATCH (event:Event {id: row.refersTo}) MERGE (claim)-[:REFERS_TO]->(event)
};

// ---------------------------------------------------------------------------------------------------------
// Citations: each fact and each exchange side, with the passages that state it (keys below name the spans).

WITH {
  caption1: [17, 170],
  lead: [178, 399],
  visit: [401, 489],
  meeting: [491, 548],
  talks: [553, 706],
  ceremony: [709, 812],
  interior: [814, 973],
  x1: [974, 1096],
  dar: [974, 1034],
  unnamed: [1039, 1075],
  defence: [1098, 1319],
  jkk: [1239, 1271],
  khrenin: [1276, 1318],
  roadmap: [1321, 1532],
  x3: [1533, 1682],
  aak: [1533, 1573],
  pantus: [1578, 1657],
  accords: [1684, 1876],
  offer: [1915, 2133],
  gift: [2135, 2386],
  caption2: [2388, 2553],
  assure: [2561, 2812],
  recall: [2814, 3012],
  agri: [3014, 3151],
  agrarian: [3153, 3343],
  jv: [3344, 3527],
  mining: [3529, 3761],
  ties: [3763, 3902],
  significance: [3904, 4047],
  welcome: [4049, 4242],
  confidence: [4244, 4372],
  catalyst: [4374, 4519],
  untapped: [4520, 4632]
} AS span
UNWIND [
  ['country:pk', ['lead', 'welcome']],
  ['country:by', ['lead', 'unnamed']],
  ['place:by:minsk', ['lead', 'caption2']],
  ['place:by:independence-palace', ['caption2']],
  ['body:pk:government-of-pakistan', ['interior']],
  ['body:by:government-of-belarus', ['interior']],
  ['body:pk:interior-ministry-of-pakistan', ['interior']],
  ['body:by:interior-ministry-of-belarus', ['interior']],
  ['body:pk:defence-ministry-of-pakistan', ['defence']],
  ['body:by:defence-ministry-of-belarus', ['defence']],
  ['body:by:state-authority-for-military-industry-of-the-republic-of-belarus', ['roadmap', 'pantus']],
  ['body:pk:ministry-of-defense-production', ['roadmap']],
  ['person:shehbaz-sharif', ['visit', 'offer', 'catalyst']],
  ['person:aleksandr-lukashenko', ['meeting', 'caption2', 'ties']],
  ['person:ishaq-dar', ['dar']],
  ['person:jam-kamal-khan', ['jkk']],
  ['person:viktor-khrenin', ['khrenin']],
  ['person:abdul-aleem-khan', ['aak']],
  ['person:dmitry-pantus', ['pantus']],
  ['position:pk:prime-minister', ['visit', 'welcome']],
  ['position:by:president', ['caption2', 'ties']],
  ['position:pk:deputy-prime-minister', ['dar', 'ceremony']],
  ['position:pk:foreign-minister', ['dar', 'ceremony']],
  ['position:pk:senator', ['dar', 'ceremony']],
  ['position:pk:commerce-minister', ['jkk', 'ceremony']],
  ['position:pk:communications-minister', ['aak', 'ceremony']],
  ['position:by:defence-minister', ['khrenin']],
  ['position:by:internal-affairs-minister', ['unnamed']],
  ['position:by:state-authority-for-military-industry-of-the-republic-of-belarus:minister-of-the-state-authority-for-military-industry', ['pantus']],
  ['occupancy:pk:prime-minister:shehbaz-sharif:2025-04-11', ['visit', 'welcome']],
  ['occupancy:by:president:aleksandr-lukashenko:2025-04-11', ['caption1', 'caption2']],
  ['occupancy:pk:deputy-prime-minister:ishaq-dar:2025-04-11', ['dar', 'ceremony']],
  ['occupancy:pk:foreign-minister:ishaq-dar:2025-04-11', ['dar', 'ceremony']],
  ['occupancy:pk:senator:ishaq-dar:2025-04-11', ['dar', 'ceremony']],
  ['occupancy:pk:commerce-minister:jam-kamal-khan:2025-04-11', ['jkk', 'ceremony']],
  ['occupancy:pk:communications-minister:abdul-aleem-khan:2025-04-11', ['aak', 'ceremony']],
  ['occupancy:by:defence-minister:viktor-khrenin:2025-04-11', ['khrenin']],
  ['occupancy:by:internal-affairs-minister:unidentified:2025-04-11', ['unnamed']],
  ['occupancy:by:state-authority-for-military-industry-of-the-republic-of-belarus:minister-of-the-state-authority-for-military-industry:dmitry-pantus:2025-04-11', ['pantus']],
  ['event:2025-04-11:official-visit-of-prime-minister-shehbaz-sharif-to-belarus', ['visit', 'lead']],
  ['event:2025-04-11:meeting-of-shehbaz-sharif-and-aleksandr-lukashenko', ['meeting', 'caption2']],
  ['event:2025-04-11:delegation-level-talks-between-pakistan-and-belarus', ['talks']],
  ['event:2025-04-11:signing-ceremony-in-minsk', ['ceremony', 'lead']],
  ['event:000_1cdabd96cc36ddc2:joint-press-stakeout', ['offer']],
  ['event:2015-2016:visit-of-aleksandr-lukashenko-to-pakistan', ['recall']],
  ['agreement:2025-04-11:readmission-agreement:c903caaf', ['interior', 'lead', 'visit']],
  ['agreement:2025-04-11:agreement-on-cooperation-between-the-interior-ministries-of-two-countries:3763cd25', ['interior', 'lead', 'visit']],
  ['agreement:2025-04-11:agreement-on-cooperation-between-the-defence-ministries-of-the-two-countries:96984662', ['defence', 'lead', 'visit']],
  ['agreement:2025-04-11:programme-roadmap-of-the-military-technical-cooperation-between-the-state-authority-for-military-6073ba326b:73502730', ['roadmap', 'lead', 'visit']],
  ['agreement:2025-04-11:bilateral-accord-for-cooperation-on-environmental-protection:eb91c6c1', ['accords', 'lead']],
  ['agreement:2025-04-11:bilateral-accord-for-cooperation-on-postal-services:eb91c6c1', ['accords', 'lead']],
  ['agreement:2025-04-11:bilateral-accord-for-cooperation-on-business-support:eb91c6c1', ['accords', 'lead']],
  ['agreement:2025-04-11:bilateral-accord-for-cooperation-on-trade-development:eb91c6c1', ['accords', 'lead']],
  ['agreement:2025-04-11:bilateral-accord-for-cooperation-between-trade-bodies:eb91c6c1', ['accords', 'lead']],
  ['event:2025-04-11:exchange-of-documents-between-ishaq-dar-and-the-belarusian-internal-affairs-minister', ['interior', 'x1', 'ceremony']],
  ['event:2025-04-11:exchange-of-documents-between-jam-kamal-khan-and-viktor-khrenin', ['defence', 'ceremony']],
  ['event:2025-04-11:exchange-of-documents-between-abdul-aleem-khan-and-dmitry-pantus', ['roadmap', 'x3', 'ceremony']],
  ['side:2025-04-11:exchange-of-documents-between-ishaq-dar-and-the-belarusian-internal-affairs-minister:pk:ishaq-dar', ['dar', 'ceremony']],
  ['side:2025-04-11:exchange-of-documents-between-ishaq-dar-and-the-belarusian-internal-affairs-minister:by:internal-affairs-minister', ['unnamed']],
  ['side:2025-04-11:exchange-of-documents-between-jam-kamal-khan-and-viktor-khrenin:pk:jam-kamal-khan', ['jkk', 'ceremony']],
  ['side:2025-04-11:exchange-of-documents-between-jam-kamal-khan-and-viktor-khrenin:by:viktor-khrenin', ['khrenin']],
  ['side:2025-04-11:exchange-of-documents-between-abdul-aleem-khan-and-dmitry-pantus:pk:abdul-aleem-khan', ['aak', 'ceremony']],
  ['side:2025-04-11:exchange-of-documents-between-abdul-aleem-khan-and-dmitry-pantus:by:dmitry-pantus', ['pantus']],
  ['claim:000_1cdabd96cc36ddc2:belarus-offer-to-invite-skilled-workers', ['offer']],
  ['claim:000_1cdabd96cc36ddc2:offer-a-gift-to-pakistan', ['gift']],
  ['claim:000_1cdabd96cc36ddc2:skilled-workforce-an-asset-to-belarus', ['assure']],
  ['claim:000_1cdabd96cc36ddc2:visit-of-2015-16-laid-the-foundation', ['recall']],
  ['claim:000_1cdabd96cc36ddc2:interest-in-belarusian-experience-in-agriculture', ['agri']],
  ['claim:000_1cdabd96cc36ddc2:need-for-expertise-to-raise-yields', ['agrarian']],
  ['claim:000_1cdabd96cc36ddc2:joint-ventures-between-companies', ['jv']],
  ['claim:000_1cdabd96cc36ddc2:partnership-in-mining', ['mining']],
  ['claim:000_1cdabd96cc36ddc2:importance-of-strong-ties', ['ties']],
  ['claim:000_1cdabd96cc36ddc2:great-significance-of-relations', ['significance']],
  ['claim:000_1cdabd96cc36ddc2:potential-for-collaboration', ['welcome']],
  ['claim:000_1cdabd96cc36ddc2:engagement-paves-the-way-for-partnership', ['confidence']],
  ['claim:000_1cdabd96cc36ddc2:visit-a-catalyst-for-cooperation', ['catalyst']],
  ['claim:000_1cdabd96cc36ddc2:explore-untapped-areas', ['untapped']]
] AS citation
MATCH (fact:Fact {id: citation[0]})
UNWIND citation[1] AS key
MATCH (passage:Passage {id: 'passage:000_1cdabd96cc36ddc2:' + span[key][0] + '-' + span[key][1]})
MERGE (fact)-[:EVIDENCED_BY]->(passage);

// Every fact of this seed is curated by a person.
MATCH (:Source {id: 'source:000_1cdabd96cc36ddc2'})<-[:IN_SOURCE]-(:Passage)<-[:EVIDENCED_BY]-(fact:Fact)
SET fact.provenance = 'CURATED';

// The five accords are one phrase read as five documents, one per field: a reading of the text (COLLECTIVE_SPLIT),
// marked on their citations and summed up on each of them.
MATCH (accord:Agreement)-[citation:EVIDENCED_BY]->(:Passage)-[:IN_SOURCE]->(:Source {id: 'source:000_1cdabd96cc36ddc2'})
WHERE accord.id IN ['agreement:2025-04-11:bilateral-accord-for-cooperation-between-trade-bodies:eb91c6c1',
  'agreement:2025-04-11:bilateral-accord-for-cooperation-on-business-support:eb91c6c1',
  'agreement:2025-04-11:bilateral-accord-for-cooperation-on-environmental-protection:eb91c6c1',
  'agreement:2025-04-11:bilateral-accord-for-cooperation-on-postal-services:eb91c6c1',
  'agreement:2025-04-11:bilateral-accord-for-cooperation-on-trade-development:eb91c6c1']
SET citation.reading = 'COLLECTIVE_SPLIT', citation.readingNote = 'One phrase, "the bilateral accords were also signed for cooperation on environmental protection, postal services, business support, trade development and cooperation between trade bodies", read as one accord per field.',
    accord.reading = 'COLLECTIVE_SPLIT', accord.readingNote = 'One phrase, "the bilateral accords were also signed for cooperation on environmental protection, postal services, business support, trade development and cooperation between trade bodies", read as one accord per field.';
