/**
 * Which open documents depend on a change. The workspace index holds three kinds of facts per
 * file (workloads, default StorageClasses, platforms); a check reads only some of them (a
 * ConfigMap none but the platforms, a PodDisruptionBudget the workloads). Each kind gets its own
 * generation, and each cached result remembers the kinds its check read, so an edit that changes
 * one file's workloads re-checks the PodDisruptionBudgets, not every open document.
 */
import { WorkspaceIndex, type FileFacts, type Platform, type StorageClassFacts, type WorkloadFacts, type WorkspaceView } from '../engine';

export type Facet = 'workloads' | 'defaultStorageClasses' | 'platforms';
const FACETS: readonly Facet[] = ['workloads', 'defaultStorageClasses', 'platforms'];

/** The workspace index, plus one generation per kind of fact. */
export class FacetIndex extends WorkspaceIndex {
  private readonly facetKeys = new Map<string, Record<Facet, string>>();
  private readonly generations: Record<Facet, number> = { workloads: 0, defaultStorageClasses: 0, platforms: 0 };

  override set(uri: string, facts: FileFacts): boolean {
    const changed = super.set(uri, facts);
    if (changed) {
      const before = this.facetKeys.get(uri);
      const after = { workloads: JSON.stringify(facts.workloads), defaultStorageClasses: JSON.stringify(facts.defaultStorageClasses), platforms: JSON.stringify(facts.platforms) };
      for (const facet of FACETS) if (before?.[facet] !== after[facet]) this.generations[facet]++;
      this.facetKeys.set(uri, after);
    }
    return changed;
  }

  override remove(uri: string): boolean {
    const removed = super.remove(uri);
    if (removed) {
      const before = this.facetKeys.get(uri);
      // A file without facts of a kind leaves that kind as it was.
      for (const facet of FACETS) if (before === undefined || before[facet] !== '[]') this.generations[facet]++;
      this.facetKeys.delete(uri);
    }
    return removed;
  }

  /** A key that changes whenever any of `facets` changes in any file. */
  stamp(facets: readonly Facet[]): string {
    return facets.map((f) => `${f}:${this.generations[f]}`).join(',');
  }
}

/** The index as one check sees it, noting which kinds of facts the check read. */
export class RecordingView implements WorkspaceView {
  readonly read = new Set<Facet>();

  constructor(private readonly index: WorkspaceView) {}

  workloads(exceptUri: string): WorkloadFacts[] {
    this.read.add('workloads');
    return this.index.workloads(exceptUri);
  }

  defaultStorageClasses(exceptUri: string): StorageClassFacts[] {
    this.read.add('defaultStorageClasses');
    return this.index.defaultStorageClasses(exceptUri);
  }

  platforms(exceptUri: string): Platform[] {
    this.read.add('platforms');
    return this.index.platforms(exceptUri);
  }

  facets(): Facet[] {
    return FACETS.filter((f) => this.read.has(f));
  }
}
