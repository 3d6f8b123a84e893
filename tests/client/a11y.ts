// What a screen reader gets from a piece of the DOM, roughly: the text in reading order, without
// aria-hidden subtrees and with an element's aria-label in place of its content (visually-hidden text
// is read like any other), and elements found by their role (explicit, or implicit for the few HTML
// elements the trainer's pages use) and accessible name.

const IMPLICIT: Record<string, string> = { DT: 'term', DD: 'definition', BUTTON: 'button', LI: 'listitem', UL: 'list', OL: 'list', OPTION: 'option', SELECT: 'combobox', H1: 'heading', H2: 'heading', H3: 'heading' };

export function roleOf(el: Element): string | undefined {
  return el.getAttribute('role') ?? IMPLICIT[el.tagName];
}

/** The text read out for `node`, whitespace collapsed. */
export function readOut(node: Node): string {
  return collect(node).replace(/\s+/g, ' ').trim();
}

function collect(node: Node): string {
  if (node.nodeType === node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element)) return '';
  if (node.getAttribute('aria-hidden') === 'true' || node.hasAttribute('hidden')) return '';
  const label = node.getAttribute('aria-label');
  if (label !== null) return ` ${label} `;
  const block = !['SPAN', 'STRONG', 'EM', 'B', 'I', 'S', 'TIME', 'A', 'ABBR', 'CODE'].includes(node.tagName);
  const inner = [...node.childNodes].map(collect).join('');
  return block ? ` ${inner} ` : inner;
}

/** Elements of `role` under `root` whose accessible name (aria-label, else the text read out) matches. */
export function allByRole(root: ParentNode, role: string, name?: string | RegExp): Element[] {
  return [...root.querySelectorAll('*')].filter((el) => {
    if (roleOf(el) !== role) return false;
    if (name === undefined) return true;
    const accessible = readOut(el);
    return typeof name === 'string' ? accessible === name : name.test(accessible);
  });
}

export function byRole(root: ParentNode, role: string, name?: string | RegExp): Element {
  const found = allByRole(root, role, name);
  if (found.length !== 1) throw new Error(`${found.length} elements of role ${role} named ${String(name)}`);
  return found[0] as Element;
}

/** A description list read as a screen reader pairs it: each term with the definitions after it. */
export function termsOf(list: Element): [string, string][] {
  const pairs: [string, string][] = [];
  for (const el of list.children) {
    const role = roleOf(el);
    if (role === 'term') pairs.push([readOut(el), '']);
    else if (role === 'definition' && pairs.length > 0) {
      const last = pairs[pairs.length - 1] as [string, string];
      last[1] = [last[1], readOut(el)].filter(Boolean).join(' ');
    }
  }
  return pairs;
}

/** The form control a <label for> with exactly this text names. */
export function byLabel<E extends HTMLElement = HTMLInputElement>(root: ParentNode, text: string): E {
  const labels = [...root.querySelectorAll('label')].filter((l) => readOut(l) === text);
  const control = labels.length === 1 ? labels[0]?.control : null;
  if (!control) throw new Error(`${labels.length} labels read ${text}, or one without a control`);
  return control as E;
}
