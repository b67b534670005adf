/**
 * Language of the body text, by franc-min (trigram statistics), as an ISO 639-1 code.
 */
// franc-min builds its trigram tables when loaded (about 25 ms): only a guess loads it.
import { franc } from '../on-demand.js';

/** Below this many characters of prose the trigram guess is unreliable, so we say nothing. */
const MIN_TEXT_LENGTH = 200;
/** Enough text for a confident guess; more only costs time. */
const MAX_TEXT_LENGTH = 20_000;

/** ISO 639-3 (what franc returns) to ISO 639-1, for the languages franc-min knows that have one. */
const ISO_639_1: Record<string, string> = {
  eng: 'en', deu: 'de', fra: 'fr', spa: 'es', por: 'pt', ita: 'it', nld: 'nl', pol: 'pl', ces: 'cs',
  ron: 'ro', hun: 'hu', swe: 'sv', tur: 'tr', rus: 'ru', ukr: 'uk', bel: 'be', bul: 'bg', srp: 'sr',
  hrv: 'hr', bos: 'bs', kaz: 'kk', uzn: 'uz', azj: 'az', arb: 'ar', pes: 'fa', urd: 'ur', hin: 'hi',
  mar: 'mr', npi: 'ne', ben: 'bn', pan: 'pa', guj: 'gu', tel: 'te', tam: 'ta', kan: 'kn', mal: 'ml',
  ori: 'or', sin: 'si', mya: 'my', tha: 'th', khm: 'km', lao: 'lo', kat: 'ka', hye: 'hy', ell: 'el',
  heb: 'he', amh: 'am', cmn: 'zh', jpn: 'ja', kor: 'ko', vie: 'vi', ind: 'id', zlm: 'ms', jav: 'jv',
  sun: 'su', tgl: 'tl', swh: 'sw', hau: 'ha', yor: 'yo', ibo: 'ig', zul: 'zu', som: 'so', kin: 'rw',
  run: 'rn', nya: 'ny', lin: 'ln', plt: 'mg', ckb: 'ku', pbu: 'ps',
};

/** The language of `text`, or null when there is too little text or franc cannot tell. */
export function detectLang(text: string): string | null {
  const sample = text.slice(0, MAX_TEXT_LENGTH);
  if (sample.replace(/\s+/g, ' ').length < MIN_TEXT_LENGTH) return null;
  const code = franc().franc(sample, { minLength: MIN_TEXT_LENGTH });
  return ISO_639_1[code] ?? null;
}

/** A front-matter language tag ("en-US", "de_DE", "fr") reduced to its ISO 639-1 part. */
export function normaliseLangTag(tag: string): string | null {
  const m = /^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/i.exec(tag.trim());
  return m ? m[1]!.toLowerCase() : null;
}
