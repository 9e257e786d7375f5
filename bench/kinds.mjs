/** The card kinds in the order the quality sample and report list them (bench/quality*.mjs). */
export const KIND_ORDER = [
  'recall',
  'which-heading',
  'which-fact',
  'list-children',
  'cloze',
  'term',
  'qa',
];
