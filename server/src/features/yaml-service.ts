/**
 * Completion and schema hovers from yaml-language-server, embedded as a library and fed
 * OneNode's schemas from memory (no network). Validation stays with the engine
 * (`validate: false`), so the editor and the CLI agree.
 *
 * yaml-language-server asks for one schema per file, but a file may hold documents of several
 * kinds; so each request first notes which YAML document the cursor is in, and the schema
 * provider answers with that document's schema.
 */
import { getLanguageService, type LanguageService } from 'yaml-language-server';
import { yamlDocumentsCache } from 'yaml-language-server/out/src/languageservice/parser/yaml-documents.js';
import type { ClientCapabilities, CompletionList, Hover, Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedFile } from '../engine';
import { SCHEMA_CATALOG, schemaEntryFor } from '../engine/schema/catalog';

/** yaml-language-server's per-URI parse cache (a private field: checked, and cleared whole if it ever changes shape). */
function parsedDocuments(): Map<string, unknown> | undefined {
  const cache = (yamlDocumentsCache as unknown as { cache?: unknown }).cache;
  return cache instanceof Map ? (cache as Map<string, unknown>) : undefined;
}

export class YamlService {
  private readonly service: LanguageService;
  private readonly schemas = new Map(SCHEMA_CATALOG.map((entry) => [entry.id, entry.schema]));
  /** uri -> schema id of the document under the cursor of the request in progress. */
  private readonly cursorSchema = new Map<string, string>();

  constructor(
    capabilities: ClientCapabilities,
    /** The current parse of an open document, to know which kind each of its documents is. */
    private readonly parsedFile: (uri: string) => ParsedFile | undefined,
  ) {
    this.service = getLanguageService({
      schemaRequestService: (uri) => {
        const schema = this.schemas.get(uri);
        // A fresh copy every time: yaml-language-server annotates the schemas it is given.
        return schema ? Promise.resolve(JSON.stringify(schema)) : Promise.reject(new Error(`OneNode has no schema ${uri}`));
      },
      workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).toString() },
      clientCapabilities: capabilities,
    });
    this.service.configure({ validate: false, hover: true, completion: true, format: false, isKubernetes: false, yamlVersion: '1.1', schemas: [] });
    this.service.registerCustomSchemaProvider((uri) => Promise.resolve(this.cursorSchema.get(uri) ?? []));
  }

  /** The schema id of the YAML document at `offset`, if its kind has one. */
  schemaIdAt(uri: string, offset: number): string | undefined {
    const documents = this.parsedFile(uri)?.documents ?? [];
    const document = documents.find((d) => offset >= d.start && offset <= d.end) ?? documents.filter((d) => d.start <= offset).pop();
    return document ? schemaEntryFor(document)?.id : undefined;
  }

  private async withCursor<T>(document: TextDocument, position: Position, run: () => Promise<T>, none: T): Promise<T> {
    const id = this.schemaIdAt(document.uri, document.offsetAt(position));
    if (!id) return none;
    this.cursorSchema.set(document.uri, id);
    try {
      return await run();
    } finally {
      if (this.cursorSchema.get(document.uri) === id) this.cursorSchema.delete(document.uri);
    }
  }

  /**
   * Drops what yaml-language-server keeps about a closed document. It caches the parse of every
   * document it was asked about, by URI, and has no way to remove one (only `clear()`, "for
   * tests"): without this, each document ever hovered or completed stayed in memory.
   */
  forget(uri: string): void {
    this.cursorSchema.delete(uri);
    const cache = parsedDocuments();
    if (cache) cache.delete(uri);
    else yamlDocumentsCache.clear();
  }

  /** What is held per document (for the tests' stats request). */
  sizes(): { cursorSchemas: number; parsedDocuments: number } {
    return { cursorSchemas: this.cursorSchema.size, parsedDocuments: parsedDocuments()?.size ?? -1 };
  }

  complete(document: TextDocument, position: Position): Promise<CompletionList> {
    return this.withCursor(document, position, () => this.service.doComplete(document, position, false), { isIncomplete: false, items: [] });
  }

  /** The schema description of the key under the cursor; null instead of yaml-language-server's empty hovers. */
  async hover(document: TextDocument, position: Position): Promise<Hover | null> {
    const hover = await this.withCursor(document, position, () => this.service.doHover(document, position), null);
    const contents = hover?.contents;
    const text = typeof contents === 'string' ? contents : contents && 'value' in contents ? contents.value : '';
    return text.trim() === '' ? null : hover;
  }
}
