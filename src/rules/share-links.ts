import type { Rule } from './types.js';
import { phraseVerdict } from './phrase.js';

/** Calls to share or follow, in English, German, French, Spanish (and a few more). */
const SHARE_PHRASES = [
  /^\W*(share|tweet|pin|email|e-mail|print|copy link)( (this|the) (article|story|post|page))?\b/i,
  /\b(share (this|on|via|the)|share article|shares?$|follow (us|me)( on)?|find us on|like us on|connect with us|join us on)\b/i,
  /\b(teilen|auf \w+ teilen|folgen sie uns|folge uns|artikel teilen)\b/i,
  /\b(partager|partagez|suivez[- ]nous|rejoignez[- ]nous sur)\b/i,
  /\b(compartir|comparte|síguenos|siguenos|síganos)\b/i,
];

/** Names of social networks and share channels as they appear in link text. */
const SOCIAL = /^(facebook|twitter|x|linkedin|whatsapp|pinterest|reddit|email|e-mail|mail|print|drucken|imprimer|imprimir|telegram|tumblr|instagram|youtube|tiktok|flipboard|pocket|xing|mastodon|bluesky|threads|rss|copy( link)?|messenger|sms|vk|weibo|line|snapchat)$/i;

/** Most of the block's links are share channels (by their text). */
const SOCIAL_SHARE = 0.6;

function socialLinkShare(node: import('mdast').Nodes): { social: number; links: number } {
  const acc = { social: 0, links: 0 };
  const visit = (n: import('mdast').Nodes): void => {
    if (n.type === 'link') {
      acc.links++;
      const text = n.children.map((c) => ('value' in c ? c.value : 'alt' in c ? (c.alt ?? '') : '')).join('').trim();
      const url = n.url.toLowerCase();
      if (SOCIAL.test(text) || /\b(share|sharer|intent\/tweet|sharearticle|mailto:)/.test(url)) acc.social++;
      return;
    }
    if ('children' in n) for (const c of n.children) visit(c as import('mdast').Nodes);
  };
  visit(node);
  return acc;
}

export const shareLinks: Rule = {
  id: 'share-links',
  description: 'Share, follow and social-network links and prompts',
  category: 'share',
  test(block) {
    const v = phraseVerdict(block, { patterns: SHARE_PHRASES, maxWords: 12 });
    if (v) return v;
    if (block.type !== 'paragraph' && block.type !== 'list') return undefined;
    const { social, links } = socialLinkShare(block.node);
    if (links >= 2 && social / links >= SOCIAL_SHARE && block.words <= links * 4) {
      return { reason: `${social} of ${links} links are share/social channels`, strength: 'strong' };
    }
    return undefined;
  },
  examples: {
    removed: [
      'Share this article',
      '[Facebook](https://example.org/sharer?u=1) [Twitter](https://example.org/intent/tweet) [Email](mailto:?body=x)',
      'Folgen Sie uns auf Twitter',
      'Partager sur Facebook',
      'Síguenos en Instagram',
    ],
    kept: [
      'She said she would share the findings with the committee before the end of the month, and the committee agreed.',
      'Twitter shares fell by 5% on Tuesday after the company reported a drop in revenue for the quarter.',
    ],
  },
};
