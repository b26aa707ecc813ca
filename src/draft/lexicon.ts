/**
 * The small built-in vocabulary the rules need when the graph does not know a word yet (and all
 * of it with `--offline`): countries with their demonyms, a few capitals, news outlets, and the
 * words of titles. The graph's own names and aliases come first when it is there.
 */
export interface CountryWord {
  id: string;
  name: string;
  aliases: string[];
  demonyms: string[];
}

export const COUNTRIES: CountryWord[] = [
  { id: 'usa', name: 'United States', aliases: ['US', 'U.S.', 'USA', 'United States of America', 'America'], demonyms: ['American'] },
  { id: 'prc', name: "People's Republic of China", aliases: ['China', 'PRC'], demonyms: ['Chinese', 'Sino'] },
  { id: 'russia', name: 'Russia', aliases: ['Russian Federation'], demonyms: ['Russian'] },
  { id: 'ukraine', name: 'Ukraine', aliases: [], demonyms: ['Ukrainian'] },
  { id: 'germany', name: 'Germany', aliases: ['Federal Republic of Germany'], demonyms: ['German'] },
  { id: 'france', name: 'France', aliases: [], demonyms: ['French'] },
  { id: 'united-kingdom', name: 'United Kingdom', aliases: ['UK', 'Britain', 'Great Britain'], demonyms: ['British'] },
  { id: 'japan', name: 'Japan', aliases: [], demonyms: ['Japanese'] },
  { id: 'india', name: 'India', aliases: [], demonyms: ['Indian'] },
  { id: 'south-korea', name: 'South Korea', aliases: ['Republic of Korea'], demonyms: ['South Korean'] },
  { id: 'north-korea', name: 'North Korea', aliases: ['DPRK'], demonyms: ['North Korean'] },
  { id: 'iran', name: 'Iran', aliases: [], demonyms: ['Iranian'] },
  { id: 'israel', name: 'Israel', aliases: [], demonyms: ['Israeli'] },
  { id: 'turkey', name: 'Turkey', aliases: ['Türkiye'], demonyms: ['Turkish'] },
  { id: 'saudi-arabia', name: 'Saudi Arabia', aliases: [], demonyms: ['Saudi'] },
  { id: 'brazil', name: 'Brazil', aliases: [], demonyms: ['Brazilian'] },
  { id: 'indonesia', name: 'Indonesia', aliases: [], demonyms: ['Indonesian'] },
  { id: 'australia', name: 'Australia', aliases: [], demonyms: ['Australian'] },
  { id: 'canada', name: 'Canada', aliases: [], demonyms: ['Canadian'] },
  { id: 'italy', name: 'Italy', aliases: [], demonyms: ['Italian'] },
  { id: 'poland', name: 'Poland', aliases: [], demonyms: ['Polish'] },
  { id: 'vietnam', name: 'Vietnam', aliases: ['Viet Nam'], demonyms: ['Vietnamese'] },
];

export interface PlaceWord {
  id: string;
  name: string;
  country: string;
  aliases: string[];
}

export const CITIES: PlaceWord[] = [
  { id: 'beijing', name: 'Beijing', country: 'prc', aliases: [] },
  { id: 'shanghai', name: 'Shanghai', country: 'prc', aliases: [] },
  { id: 'washington', name: 'Washington', country: 'usa', aliases: ['Washington, D.C.'] },
  { id: 'san-francisco', name: 'San Francisco', country: 'usa', aliases: [] },
  { id: 'new-york', name: 'New York', country: 'usa', aliases: [] },
  { id: 'moscow', name: 'Moscow', country: 'russia', aliases: [] },
  { id: 'kyiv', name: 'Kyiv', country: 'ukraine', aliases: ['Kiev'] },
  { id: 'berlin', name: 'Berlin', country: 'germany', aliases: [] },
  { id: 'paris', name: 'Paris', country: 'france', aliases: [] },
  { id: 'london', name: 'London', country: 'united-kingdom', aliases: [] },
  { id: 'tokyo', name: 'Tokyo', country: 'japan', aliases: [] },
  { id: 'new-delhi', name: 'New Delhi', country: 'india', aliases: ['Delhi'] },
  { id: 'jakarta', name: 'Jakarta', country: 'indonesia', aliases: [] },
  { id: 'bali', name: 'Bali', country: 'indonesia', aliases: [] },
  { id: 'geneva', name: 'Geneva', country: 'switzerland', aliases: [] },
  { id: 'munich', name: 'Munich', country: 'germany', aliases: [] },
];

/** Capitals stand for their government ("Beijing aims to..."): used to find the two sides of a relation. */
export const CAPITAL_OF: Record<string, string> = { beijing: 'prc', washington: 'usa', moscow: 'russia', kyiv: 'ukraine', berlin: 'germany', tokyo: 'japan', 'new delhi': 'india', paris: 'france', london: 'united-kingdom' };

export interface OrgWord {
  id: string;
  name: string;
  kind: 'MEDIA' | 'MINISTRY' | 'GOVERNMENT' | 'OTHER';
  country: string | null;
  aliases: string[];
}

export const ORGANIZATIONS: OrgWord[] = [
  { id: 'xinhua', name: 'Xinhua News Agency', kind: 'MEDIA', country: 'prc', aliases: ['Xinhua'] },
  { id: 'cctv', name: 'China Central Television', kind: 'MEDIA', country: 'prc', aliases: ['CCTV'] },
  { id: 'chinese-state-media', name: 'Chinese state media', kind: 'MEDIA', country: 'prc', aliases: ['state media'] },
  { id: 'tass', name: 'TASS', kind: 'MEDIA', country: 'russia', aliases: [] },
  { id: 'ria-novosti', name: 'RIA Novosti', kind: 'MEDIA', country: 'russia', aliases: [] },
  { id: 'reuters', name: 'Reuters', kind: 'MEDIA', country: null, aliases: [] },
  { id: 'associated-press', name: 'Associated Press', kind: 'MEDIA', country: 'usa', aliases: ['AP'] },
  { id: 'afp', name: 'Agence France-Presse', kind: 'MEDIA', country: 'france', aliases: ['AFP'] },
  { id: 'dw', name: 'Deutsche Welle', kind: 'MEDIA', country: 'germany', aliases: ['DW'] },
  { id: 'us-department-of-state', name: 'United States Department of State', kind: 'MINISTRY', country: 'usa', aliases: ['US State Department', 'State Department', 'U.S. State Department'] },
  { id: 'white-house', name: 'White House', kind: 'GOVERNMENT', country: 'usa', aliases: ['the White House'] },
  { id: 'kremlin', name: 'Kremlin', kind: 'GOVERNMENT', country: 'russia', aliases: ['the Kremlin'] },
];

/**
 * Title heads. `office: true` are offices (they make a tenure); the others are descriptions
 * ("top diplomat", "envoy"), kept as the participant's title as written, never made an office.
 */
export const TITLES: Array<{ words: string; office: boolean; core?: string }> = [
  { words: 'president', office: true },
  { words: 'vice president', office: true },
  { words: 'prime minister', office: true },
  { words: 'premier', office: true },
  { words: 'vice premier', office: true },
  { words: 'chancellor', office: true },
  { words: 'foreign minister', office: true },
  { words: 'minister of foreign affairs', office: true, core: 'foreign minister' },
  { words: 'external affairs minister', office: true, core: 'foreign minister' },
  { words: 'minister for foreign affairs', office: true, core: 'foreign minister' },
  { words: 'secretary of state', office: true },
  { words: 'defense secretary', office: true },
  { words: 'defence secretary', office: true, core: 'defense secretary' },
  { words: 'defense minister', office: true },
  { words: 'defence minister', office: true, core: 'defense minister' },
  { words: 'treasury secretary', office: true },
  { words: 'commerce secretary', office: true },
  { words: 'national security adviser', office: true },
  { words: 'national security advisor', office: true, core: 'national security adviser' },
  { words: 'state councilor', office: true },
  { words: 'general secretary', office: true },
  { words: 'secretary-general', office: true },
  { words: 'secretary general', office: true, core: 'secretary-general' },
  { words: 'foreign ministry spokesperson', office: false },
  { words: 'foreign ministry spokeswoman', office: false },
  { words: 'foreign ministry spokesman', office: false },
  { words: 'spokesperson', office: false },
  { words: 'spokeswoman', office: false },
  { words: 'spokesman', office: false },
  { words: 'ambassador', office: false },
  { words: 'top diplomat', office: false },
  { words: 'top foreign policy official', office: false },
  { words: 'foreign policy chief', office: false },
  { words: 'official', office: false },
  { words: 'envoy', office: false },
  { words: 'special envoy', office: false },
  { words: 'special representative', office: false },
  { words: 'leader', office: false },
  { words: 'counterpart', office: false },
];

/** Words that make a capitalised run an organisation or an event rather than a person. */
export const ORG_WORDS = new Set([
  'department', 'ministry', 'council', 'commission', 'committee', 'agency', 'party', 'office', 'summit', 'forum', 'union',
  'organization', 'organisation', 'university', 'bank', 'fund', 'assembly', 'congress', 'parliament', 'senate', 'house',
  'times', 'post', 'news', 'television', 'radio', 'group', 'association', 'conference', 'meeting', 'estate', 'palace', 'hall',
  'street', 'square', 'airport', 'hotel', 'centre', 'center', 'war', 'day', 'g20', 'g7', 'nations', 'republic', 'kingdom',
]);

export const MONTH_OR_DAY = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);
