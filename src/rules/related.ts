import type { Rule } from './types.js';
import { phraseVerdict } from './phrase.js';
import { sectionAfter } from './section.js';

/** Headings and labels that introduce lists of other articles. */
const RELATED = [
  /^\W*(related( (articles?|posts?|stories|content|coverage|reading|topics|news|links))?|read (more|next|also)|see also|more (on|about|from|in|stories|news|articles)\b.*|recommended( for you| reading| articles| stories)?|you (may|might) (also )?(like|enjoy|be interested)|also (read|on)|popular( (now|posts|stories|articles))?|most (popular|read|viewed|shared|emailed)|trending( now)?|top stories|(latest|top|more) (news|stories|articles|posts|headlines)|editor'?s picks|what to read next|further reading|in (this|other) news|don't miss|up next|next (article|story|post)|previous (article|story|post)|keep reading|around the web|from (around|across) the web|more stories|sponsored stories|promoted stories)\W*$/i,
  /^\W*(weiterlesen|mehr zum thema|lesen sie (auch|mehr)|das könnte sie (auch )?interessieren|ähnliche (artikel|beiträge)|verwandte (artikel|themen)|meistgelesen|empfohlene artikel|auch interessant|mehr aus)\b.*$/i,
  /^\W*(à lire aussi|lire aussi|lire la suite|sur le même (sujet|thème)|vous aimerez aussi|articles? (similaires|liés|recommandés)|les plus lus|à voir aussi|dans la même rubrique)\b.*$/i,
  /^\W*(lee también|leer más|te puede interesar|noticias relacionadas|artículos relacionados|lo más leído|también te puede gustar|más noticias|sigue leyendo)\b.*$/i,
  /^\W*(você (também )?(pode|poderá) gostar|voce (tambem )?pode gostar|veja também|leia também|leia mais|posts? relacionad[oa]s|artigos relacionados|notícias relacionadas|mais lidas|potrebbe interessarti|ti potrebbe interessare|articoli correlati|leggi anche|potrebbero interessarti)\b.*$/iu,
];

/** Link-dense lists after such a heading are what it introduces. */
export const related: Rule = {
  id: 'related',
  description: 'Related / recommended / read-more lists and their headings',
  category: 'related',
  test(block, ctx) {
    const v = phraseVerdict(block, { patterns: RELATED, maxWords: 16 });
    if (!v) return undefined;
    if (block.type === 'heading') return { ...v, sectionEnd: sectionAfter(ctx.blocks, block.index) };
    return v;
  },
  examples: {
    removed: ['## Related articles', 'Read more', 'You may also like', 'Lesen Sie auch', 'À lire aussi', 'Noticias relacionadas', '#### Latest Headlines', '### Você pode gostar...', 'Leia também', 'Articoli correlati'],
    kept: ['Read more carefully, the report shows that the decline began well before the new rules took effect, which undermines the ministry\'s argument.'],
  },
};
