// The stopword package ships no type declarations; we use only its per-language arrays.
declare module 'stopword' {
  const lists: Record<string, string[] | ((...args: unknown[]) => unknown)>;
  export = lists;
}
