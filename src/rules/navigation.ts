import type { Rule } from './types.js';
import { phraseRule } from './phrase.js';

/** Skip links and accessibility jumps. */
const SKIP = [
  /^\W*(skip (to|navigation)|jump to (main )?(content|navigation)|back to top|to top|go to (main )?content|zum inhalt( springen)?|zur navigation|nach oben|aller au contenu|retour en haut|aller à la navigation|saltar al contenido|ir al contenido|volver arriba)\b/i,
];

/** "Home > News > World" / "Home / Politics": short segments joined by breadcrumb separators. */
const BREADCRUMB = /^[^\n]{1,40}(\s*(›|»|>|\/|\||→|·|::)\s*[^\n]{1,40}){1,6}$/u;
const HOME = /^\W*(home|start|startseite|accueil|inicio|portada)\b/i;

/** A menu list: many items of a few words, almost all links, no sentences. */
const MENU_MAX_WORDS_PER_ITEM = 5;
const MENU_MIN_ITEMS = 3;
const MENU_MIN_LINK_DENSITY = 0.6;

export const skipLinks = phraseRule({
  id: 'skip-links',
  description: 'Skip links and "back to top" jumps',
  category: 'navigation',
  patterns: SKIP,
  maxWords: 8,
  examples: {
    removed: ['[Skip to main content](#main)', 'Zum Inhalt springen', 'Aller au contenu principal', 'Back to top'],
    kept: ['Skipping breakfast does not help you lose weight, according to a study of 30,000 adults published this week.'],
  },
});

export const breadcrumbs: Rule = {
  id: 'breadcrumbs',
  description: 'Breadcrumb trails ("Home > News > World")',
  category: 'navigation',
  test(block) {
    if (block.type !== 'paragraph' && block.type !== 'list') return undefined;
    if (block.words > 20 || block.sentences > 0) return undefined;
    const text = block.text.replace(/\s+/g, ' ').trim();
    if (block.type === 'paragraph' && BREADCRUMB.test(text) && (HOME.test(text) || block.linkDensity > 0.5)) {
      return { reason: `breadcrumb trail "${text.slice(0, 50)}"`, strength: 'strong' };
    }
    if (block.type === 'list' && HOME.test(text) && block.wordsPerItem <= 3 && block.items <= 6 && block.linkDensity > 0.5) {
      return { reason: `breadcrumb list starting at "${text.split(/\s/)[0]}"`, strength: 'strong' };
    }
    return undefined;
  },
  examples: {
    removed: ['[Home](https://example.org/) > [News](https://example.org/news) > [World](https://example.org/news/world)', 'Startseite / Politik / Ausland'],
    kept: ['The ratio was 3 / 4 in the first trial and 2 / 3 in the second.'],
  },
};

export const menu: Rule = {
  id: 'menu',
  description: 'Navigation menus: lists of short link items',
  category: 'navigation',
  test(block) {
    if (block.type !== 'list') return undefined;
    if (block.items >= MENU_MIN_ITEMS && block.wordsPerItem <= MENU_MAX_WORDS_PER_ITEM && block.linkDensity >= MENU_MIN_LINK_DENSITY) {
      return {
        reason: `menu list: ${block.items} items, ${block.wordsPerItem.toFixed(1)} words/item, link density ${block.linkDensity.toFixed(2)}`,
        strength: 'weak',
      };
    }
    return undefined;
  },
  examples: {
    removed: ['- [Home](/)\n- [World](/world)\n- [Business](/business)\n- [Sport](/sport)'],
    kept: ['- Two eggs\n- 200 g flour\n- A pinch of salt'],
  },
};
