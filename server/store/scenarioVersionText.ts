// Publishing stamps the version number into the trainer's YAML. Only that value changes: the rest
// of the file stays byte for byte as written (line breaks, flow lists, comments), so the published
// text reads like the draft, and a diagnostic's line:col points at the trainer's own lines.
import { isMap, isScalar, parseDocument } from 'yaml';
import type { Document } from 'yaml';

/** `source` with its top-level `version:` set to `version`; the source unchanged if it does not parse as a mapping. */
export function withVersion(source: string, version: number): string {
  const doc = parseDocument(source);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return source;
  const value = topLevelValue(doc, 'version');
  if (isScalar(value) && value.range) return source.slice(0, value.range[0]) + String(version) + source.slice(value.range[1]);
  const id = topLevelValue(doc, 'id');
  if (value === undefined && isScalar(id) && id.range && doc.contents.flow !== true) {
    // No version yet: a line of its own after the id's.
    const lineEnd = source.indexOf('\n', id.range[1]);
    const at = lineEnd === -1 ? source.length : lineEnd + 1;
    const eol = source.includes('\r\n') ? '\r\n' : '\n';
    return `${source.slice(0, at)}${lineEnd === -1 ? eol : ''}version: ${version}${eol}${source.slice(at)}`;
  }
  // An unusual shape (a version that is not a plain value, a flow mapping): let the library write it.
  doc.set('version', version);
  return doc.toString();
}

function topLevelValue(doc: Document, key: string): unknown {
  if (!isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key);
  return pair?.value ?? (pair ? null : undefined);
}
