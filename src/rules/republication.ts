import { phraseRule } from './phrase.js';

/** Notes that the article appeared elsewhere first. */
const REPUBLICATION = [
  /\b((was |were )?(originally|first) (published|appeared|posted|ran)|republished (from|with)|reprinted (from|with)|the original source of this article|this (article|story|post) (originally )?(appeared|was published) (on|in|at)|cross-posted|reproduced with permission)\b/i,
  /\b(erstveröffentlichung|zuerst erschienen|erschien zuerst|ursprünglich veröffentlicht)\b/i,
  /\b(publié initialement|initialement publié|paru (initialement|d'abord)|article original)\b/i,
  /\b(publicado originalmente|publicado (por primera vez|inicialmente)|artículo original)\b/i,
];

export const republication = phraseRule({
  id: 'republication',
  description: 'Republication notes ("originally published on/in", "the original source of this article")',
  category: 'republication',
  patterns: REPUBLICATION,
  maxWords: 25,
  examples: {
    removed: [
      '*This article was originally published on [Example Future](https://example.org).*',
      'The original source of this article is Example Research',
      'Dieser Beitrag erschien zuerst auf example.org.',
      'Publicado originalmente en El Ejemplo.',
    ],
    kept: ['The novel was first published in 1925 and sold poorly, but it is now taught in almost every school in the country as an example of the era\'s literature.'],
  },
});
