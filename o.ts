import { clean } from './src/index.js';
const cases = [
  'said water the in price council **minister report**\n- list\n',
  '<p>[and price](https://example.org/a)\n',
  'said said город 2024 river Zürich minister river\n# water\n**and Zürich** of rules of 2024 in of water 2*3*4 *minister minister* new report data river rules data in and spring data [café water город](#)\n',
  '---\ntitle: of\n---\n- and price farmers of spring город and rules said spring spring café [new farmers water](#) 2*3*4 snake_case_word rules farmers in spring minister a spring and\n# and année\n| |\n| *water*\n',
];
for (const c of cases) {
  const a = clean(c); const b = clean(a.markdown);
  console.log('---', JSON.stringify(c).slice(0, 60));
  console.log(' 1:', JSON.stringify(a.markdown), a.removed.map((r) => r.rule + ':' + r.reason));
  console.log(' 2:', JSON.stringify(b.markdown), b.removed.map((r) => r.rule + ':' + r.reason));
}
