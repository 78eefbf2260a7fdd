/**
 * Short numbers for long texts (a galley's settings, a document's glyph signature), so memo
 * keys hold a number instead of the text: equal texts get the same number in this process.
 * At most `max` texts are remembered; numbers are never reused, so forgetting the old ones can
 * only cause misses, never a wrong match.
 */
export class TextIds {
  private readonly ids = new Map<string, number>();
  private next = 0;

  constructor(private readonly max: number) {}

  idOf(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      if (this.ids.size >= this.max) this.ids.clear();
      id = this.next++;
      this.ids.set(text, id);
    }
    return id;
  }
}
