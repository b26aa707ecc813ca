import type { PathSegment } from './problems';

/**
 * What one stage found for places in a fact file (the entity a reference names, the tenure a
 * participant acted in), for the later stages: kept by the object or array that holds the place
 * and its key there, as in `resolved.entities.get(participant, 'person')`.
 *
 * Formatted paths as keys (`meetings[2].participants[0].person`) cost a string and a hash for each
 * of the millions of references in a large file, and were most of the planning stages' time and
 * garbage. Keying by the holder works because a parsed fact file is a tree, where every object is
 * one place (parse.ts expands YAML aliases into copies).
 */
export class PlaceMap<T> {
  // A plain object per holder: a holder has one to three keys, and a Map each would weigh more
  // than the values it keeps.
  private readonly holders = new Map<object, Record<PathSegment, T>>();

  set(holder: object, key: PathSegment, value: T): void {
    const slots = this.holders.get(holder);
    if (slots === undefined) this.holders.set(holder, { [key]: value } as Record<PathSegment, T>);
    else slots[key] = value;
  }

  /** Undefined for a place nothing was found for, and for a holder that is absent (an optional list). */
  get(holder: object | null | undefined, key: PathSegment): T | undefined {
    if (holder === null || holder === undefined) return undefined;
    const slots = this.holders.get(holder);
    return slots !== undefined && Object.hasOwn(slots, key) ? slots[key] : undefined;
  }

  has(holder: object | null | undefined, key: PathSegment): boolean {
    return this.get(holder, key) !== undefined;
  }
}
