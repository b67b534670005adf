import type { Rule } from './types.js';
import { phraseVerdict } from './phrase.js';

/** Disclaimers and fair-use notices. */
const DISCLAIMER_PHRASES = [
  /\b(disclaimer|the views (and opinions )?expressed|views expressed (in|by)|do(es)? not necessarily (reflect|represent)|sole responsibility of the author|not (be )?responsible for any (inaccurate|incorrect)|fair use|copyrighted material|for (information(al)?|educational) purposes only|subject to copyright|fair dealing|not (intended as|constitute) (financial|legal|investment|medical) advice|terms of (use|service)|privacy policy|affiliate (links?|commission)|we may earn a commission|(may|might) (get|earn|receive) a (share|portion|commission|small commission) (of|from) (the )?sales?|if you (buy|purchase) (something|anything|a product) (through|via|from) (our|this|these|one of our)|(are )?registered trademarks?|are trademarks of|information (provided )?on this (web)?site|have not been evaluated by|not intended to diagnose|may not be (published|reproduced|redistributed|rewritten)|without (the )?(prior )?written permission|for your personal,? non-?commercial use only)\b/i,
  /\b(haftungsausschluss|gibt nicht (unbedingt )?die meinung|datenschutz(erklärung)?|nutzungsbedingungen|impressum)\b/i,
  /\b(avertissement|n'engagent que|clause de non-responsabilité|mentions légales|politique de confidentialité|conditions d'utilisation)\b/i,
  /\b(aviso legal|descargo de responsabilidad|no refleja(n)? necesariamente|política de privacidad|términos y condiciones)\b/i,
];

/** Stock notices that no article sentence reads like: boilerplate wherever they stand, however long. */
const STOCK_NOTICES = [
  /\b(quotes (are )?delayed (by )?(at least )?\d+ minutes|real-time quotes provided by|market data (is )?(provided|delayed)|this material may not be published, broadcast)/i,
];
const STOCK_NOTICE_MAX_WORDS = 250;

export const disclaimer: Rule = {
  id: 'disclaimer',
  description: 'Disclaimers, fair-use notices, terms and privacy notices',
  category: 'legal',
  test(block, ctx) {
    // Disclaimers can be long; before the body or past its first half they are boilerplate
    // whatever their length.
    const outsideLead = block.index < ctx.main.start || block.index > ctx.main.start + (ctx.main.end - ctx.main.start) / 2;
    return phraseVerdict(block, { patterns: DISCLAIMER_PHRASES, maxWords: outsideLead ? 250 : 40 })
      ?? phraseVerdict(block, { patterns: STOCK_NOTICES, maxWords: STOCK_NOTICE_MAX_WORDS });
  },
  examples: {
    removed: [
      '**Disclaimer:** The contents of this article are of sole responsibility of the author(s).',
      'This site contains copyrighted material the use of which has not always been specifically authorized by the copyright owner. We make it available under the provisions of "fair use".',
      'Haftungsausschluss: Der Beitrag gibt nicht die Meinung der Redaktion wieder.',
      'Les propos tenus n\'engagent que leur auteur.',
      'Example and the Example logo are registered trademarks of Example Inc.',
      'This material may not be published, broadcast, rewritten or redistributed.',
      'This copy is for your personal, non-commercial use only. To order copies for distribution, contact us.',
      'Quotes delayed at least 15 minutes. Market data provided by an exchange partner.',
      'Quotes delayed at least 15 minutes. Real-time quotes provided by an exchange. Market data provided by a data vendor. Powered and implemented by a solutions firm. Company fundamental data provided by a research house. Earnings estimates data provided by an analytics firm. Mutual fund and ETF data provided by a fund tracker. Economic data provided by a calendar service. Terms and conditions apply.',
      'If you buy something through this post, Example may get a share of the sale. For more, read our policy.',
      'This document is subject to copyright. Apart from any fair dealing for the purpose of private study or research, no part may be reproduced without the written permission. The content is provided for information purposes only.',
    ],
    kept: ['The court ruled that quoting a few lines of the song was fair use under the law, a decision that musicians\' groups criticised as too broad. The label said it would appeal the ruling, arguing that the lyrics were the heart of the work and that the judge had ignored the commercial nature of the use, which earlier courts had weighed heavily against similar claims.'],
  },
};

/** Copyright lines. */
const COPYRIGHT = [
  /©|\(c\)\s*\d{4}|^\W*copyright\b|\bcopyright\s+(©|\d{4})/i,
  /\b(all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados)\b/i,
];

export const copyright: Rule = {
  id: 'copyright',
  description: 'Copyright lines ("Copyright ©", "All rights reserved")',
  category: 'legal',
  test(block) {
    return phraseVerdict(block, { patterns: COPYRIGHT, maxWords: 30, types: ['paragraph', 'heading', 'list', 'table'] });
  },
  examples: {
    removed: ['Copyright © Jane Doe, Example News, 2018', '© 2024 Example Media GmbH. Alle Rechte vorbehalten.'],
    kept: ['The lawsuit argues that the copyright on the photographs belongs to the agency that commissioned them, not to the photographer, and asks for damages of several million dollars.'],
  },
};
