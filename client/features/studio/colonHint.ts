// "Implicit keys need to be on a single line" is the yaml library's word for a key without its
// colon: the key then runs on into the next line. The error points at the key's own line, so the
// colon is usually missing on that very line, not the one above; the source tells which.
const MESSAGE = /^YAML syntax error: Implicit keys need to be on a single line$/;

/** A line's content without a trailing comment and without quoted text (a colon there does not count). */
function bare(line: string): string {
  return line.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '""').replace(/(^|\s)#.*$/, '').trim();
}

const hasKeyColon = (line: string) => /:(\s|$)/.test(bare(line));

/** Where the colon is missing, for the error at `line` (1-based): this line, the one above, or unknown. */
export function missingColonAt(source: string, line: number): 'this' | 'previous' | undefined {
  const lines = source.split('\n');
  const here = lines[line - 1];
  if (here !== undefined && bare(here) !== '' && !hasKeyColon(here)) return 'this';
  const above = lines[line - 2];
  if (above !== undefined && bare(above) !== '' && !bare(above).startsWith('-') && !hasKeyColon(above)) return 'previous';
  return undefined;
}

/** The Chinese for a missing-colon error at `line`, or undefined when `message` is another error. */
export function colonHintZh(message: string, source: string, line: number): string | undefined {
  if (!MESSAGE.test(message)) return undefined;
  const where = missingColonAt(source, line);
  if (where === 'this') return `YAML 语法错误：第 ${line} 行少了冒号（应写成“键: 值”，冒号后面加一个空格）`;
  if (where === 'previous') return `YAML 语法错误：第 ${line - 1} 行（上一行）多半少了冒号（应写成“键: 值”）`;
  return undefined;
}
