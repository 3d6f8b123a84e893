// The shape of one entry in the tables that word the engine's English diagnostics in Chinese
// (diagnosticWords.ts applies them). An entry is an anchored English pattern and a zh template:
// `{n}` stands for the pattern's group n, copied as it was written (names, ids and numbers stay
// exactly as the engine quoted them) unless `parts` says how to word that group.
export type Part =
  /** a YAML value as words.ts describeValue writes it: `text "x"`, `the number 5`, `a list` */
  | 'value'
  /** what was accepted, as words.ts orList writes it: `"a", "b" or a mapping` */
  | 'accepted'
  /** a whole message of its own: when it has no Chinese wording, neither has the message around it */
  | 'message'
  /** free text inside a message (a thrown error): worded when a table knows it, else kept in English */
  | 'detail'
  /** worded by this table when it knows the text, else kept in English */
  | readonly Template[]
  | ((text: string) => string);

export interface Template {
  en: RegExp;
  zh: string;
  parts?: Readonly<Record<number, Part>>;
}

export const template = (en: RegExp, zh: string, parts?: Readonly<Record<number, Part>>): Template => (parts ? { en, zh, parts } : { en, zh });
