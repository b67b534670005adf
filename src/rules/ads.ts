import { phraseRule } from './phrase.js';

/** Advertisement labels left where an ad slot was. */
const AD_LABELS = [
  /^\W*(advertisement|advertising|ad|ads|sponsored( content| by .*)?|paid (content|post|partner)|partner content|promoted( content)?|story continues (below|after) (this )?(advertisement|ad)|article continues below|continue reading (the main story|below)|anzeige|werbung|publicité|publicite|annonce|publicidad|patrocinado|contenido patrocinado)\W*$/i,
];

export const ads = phraseRule({
  id: 'ads',
  description: 'Advertisement labels ("Advertisement", "Anzeige", "Publicité", "Publicidad")',
  category: 'ads',
  patterns: AD_LABELS,
  maxWords: 10,
  examples: {
    removed: ['Advertisement', 'ANZEIGE', 'Publicité', 'Publicidad', 'Story continues below advertisement'],
    kept: ['Advertisement spending fell by a fifth during the pandemic, the industry association said on Monday.'],
  },
});
