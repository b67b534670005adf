import type { Rule } from './types.js';
import { phraseVerdict } from './phrase.js';

/** Cookie and consent banners, "enable JavaScript" and browser notices. */
const CONSENT = [
  /\b(cookies?|consent|gdpr|we value your privacy|manage (your )?(privacy|preferences)|accept all|reject all|enable javascript|javascript (is )?(disabled|required)|turn on javascript|your browser (does not|doesn't) support|update your browser|(update|upgrade|switch) to a (modern|newer|supported) browser|(you are|you're) (using|on) (an? )?(outdated|old|unsupported) browser|we('ve| have) detected (that )?you are (using|on)|ad ?blocker|disable your ad)\b/i,
  /\b(diese (web)?seite verwendet cookies|wir verwenden cookies|einwilligung|zustimmen|alle akzeptieren|javascript aktivieren)\b/i,
  /\b(ce site utilise des cookies|nous utilisons des cookies|accepter (tout|les cookies)|tout accepter|activer javascript|consentement)\b/i,
  /\b(este sitio (web )?(utiliza|usa) cookies|utilizamos cookies|aceptar (todo|todas|cookies)|habilita javascript|consentimiento)\b/i,
];

/** Beyond this length a mention of cookies is prose unless it reads like a notice. */
const STRONG_MAX_WORDS = 30;
/** The sentence shapes of a longer consent notice. */
const CONSENT_NOTICE = [
  /\b(this (web)?site uses cookies|we use cookies|by (continuing|using this (web)?site)|you (agree|consent) to (the|our) use of cookies|cookie (policy|settings|preferences)|diese (web)?seite verwendet cookies|ce site utilise des cookies|este sitio (web )?(utiliza|usa) cookies)\b/i,
];

export const consent: Rule = {
  id: 'consent',
  description: 'Cookie and consent notices, "enable JavaScript" and browser warnings',
  category: 'consent',
  test(block) {
    return phraseVerdict(block, { patterns: CONSENT, maxWords: STRONG_MAX_WORDS })
      ?? (block.sentences <= 3 ? phraseVerdict(block, { patterns: CONSENT_NOTICE, maxWords: 80 }) : undefined);
  },
  examples: {
    removed: [
      'We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.',
      'Please enable JavaScript to view the comments.',
      "We've detected you are on Internet Explorer. For the best experience, please update to a modern browser.",
      'You are using an outdated browser. Please switch to a modern browser to see this page.',
      'Diese Website verwendet Cookies.',
      'Ce site utilise des cookies.',
      'Este sitio web utiliza cookies.',
    ],
    kept: ['The bakery sold more than 4,000 cookies on the first day, and the queue stretched around the block by noon. Its owner said she had never seen anything like it in twenty years of business, and that she would have to hire extra staff for the holidays.'],
  },
};
