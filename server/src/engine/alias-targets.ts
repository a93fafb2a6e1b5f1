/**
 * Where each alias (`*name`) of a parsed document points. The `yaml` library's Alias.resolve walks
 * the whole document on every call, so a rule that dereferences every value of a mapping made of
 * aliases was quadratic: a 58 KB StorageClass with 5,000 aliased parameters took 10 s, 250 KB four
 * minutes. One walk per document answers every alias in it.
 */
import { isAlias, isCollection, isScalar, visit, type Alias, type Document } from 'yaml';

const targetsByDocument = new WeakMap<Document.Parsed, Map<Alias, unknown>>();

/**
 * The node `alias` names: as Alias.resolve defines it, the last node before the alias (in
 * document order) that carries its anchor; undefined when there is none.
 */
export function aliasTarget(alias: Alias, doc: Document.Parsed): unknown {
  let targets = targetsByDocument.get(doc);
  if (!targets) {
    const found = new Map<Alias, unknown>();
    const anchored = new Map<string, unknown>();
    visit(doc, {
      Node(_key, node) {
        if (isAlias(node)) found.set(node, anchored.get(node.source));
        else if ((isScalar(node) || isCollection(node)) && node.anchor) anchored.set(node.anchor, node);
      },
    });
    targets = found;
    targetsByDocument.set(doc, targets);
  }
  // An alias from another document (never the case for rules) falls back to the library.
  return targets.has(alias) ? targets.get(alias) : alias.resolve(doc);
}
