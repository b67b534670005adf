/**
 * Tag lines: "Region: a, b", "Theme: x", "Tags: ...", "Filed under: ...", in English, German, French
 * and Spanish. Values keep their text ("Middle East & North Africa").
 */

/** Labels that introduce a list of tags. The colon is optional only for the multi-word phrases. */
const TAG_LABEL = new RegExp(
  '^(?:(?:regions?|themes?|tags?|topics?|categories|category|keywords|subjects?|sections?'
  + '|schlagw(?:ö|oe)rter|schlagworte|stichw(?:ö|oe)rter|themen|kategorien|kategorie'
  + '|étiquettes?|etiquettes?|mots[- ]cl(?:é|e)s|thèmes|catégories|catégorie|sujets'
  + '|etiquetas|temas|categorías|categorias|palabras\\s+clave)\\s*:'
  + '|(?:filed|posted)\\s+(?:under|in)\\s*:?|tagged(?:\\s+with|\\s+as)?\\s*:?'
  + '|abgelegt\\s+unter\\s*:?|class(?:é|e)\\s+dans\\s*:?|archivado\\s+en\\s*:?)\\s*',
  'iu',
);

/** Longest plausible tag, in words: longer values are sentences, not tags. */
const MAX_TAG_WORDS = 6;

/**
 * Reads a line as a tag line and returns its values, or null when the line is not one. A line whose
 * values look like prose ("Topics: we discussed many things today.") is not a tag line.
 */
export function readTagLine(line: string): string[] | null {
  const label = TAG_LABEL.exec(line.trim());
  if (!label) return null;
  const rest = line.trim().slice(label[0].length);
  const values = rest.split(/\s*[,|;·•]\s*|\s+\/\s+/u).map((v) => v.trim().replace(/^#/, '')).filter(Boolean);
  if (values.length === 0) return null;
  for (const v of values) {
    if (v.split(/\s+/).length > MAX_TAG_WORDS || /[.!?]$/u.test(v)) return null;
  }
  return values;
}

/** Appends values to a tag list, keeping order and dropping case-insensitive duplicates. */
export function addTags(into: string[], values: readonly string[]): void {
  for (const v of values) {
    if (!into.some((t) => t.toLowerCase() === v.toLowerCase())) into.push(v);
  }
}
