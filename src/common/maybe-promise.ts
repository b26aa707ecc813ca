/** A value a loader may know at once, or a promise of it (LoaderRegistry.load). */
export type MaybePromise<T> = T | Promise<T>;

/**
 * `f` of the value: at once when it is known, once it is read when it is a promise. A resolver
 * that returns a value rather than a promise lets graphql-js complete its field at once.
 */
export function whenKnown<T, R>(value: MaybePromise<T>, f: (value: T) => R): MaybePromise<R> {
  return value instanceof Promise ? value.then(f) : f(value);
}
