/**
 * A `Map` that keeps at most `limit` entries: adding one more drops the oldest. The mock's state
 * stays bounded however long the command runs.
 */
export class BoundedMap<Key, Value> extends Map<Key, Value> {
  readonly #limit: number

  constructor(limit: number) {
    super()
    this.#limit = limit
  }

  override set(key: Key, value: Value): this {
    if (!this.has(key) && this.size >= this.#limit) this.delete(this.keys().next().value as Key)
    return super.set(key, value)
  }
}
